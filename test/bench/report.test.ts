import { type BenchResults, figuresOf, markdownTable } from '../../bench/report';
import { runCli } from '../support/cli';

/** The benchmark's report: every figure next to its target, misses marked, CPU per request beside latency. */
const load = (p99Ms: number, requestsPerSecond: number, cpuMsPerRequest: number) => ({
  p50Ms: 55,
  p99Ms,
  requestsPerSecond,
  errors: 0,
  non2xx: 0,
  requests: 1_000,
  cpuMsPerRequest,
});

const RESULTS: BenchResults = {
  callsPerAction: {
    load: { calls: 1, writes: 0 },
    save: { calls: 3, writes: 1 },
    unchangedSave: { calls: 1, writes: 0 },
    firstSetup: { calls: 45, writes: 35 },
    setupRerun: { calls: 10, writes: 0 },
    automationOver1000Companies: { calls: 14, writes: 10 },
  },
  overhead: {
    GET: { backend: load(81.5, 167, 1.8), baseline: load(70, 175, 0.9) },
    PUT: { backend: load(123, 70, 3.4), baseline: load(121, 91, 1.5) },
  },
  bulk: {
    companies: 10_000,
    tasksCreated: 4496,
    calls: 114,
    searches: 24,
    retries: 0,
    seconds: 10.2,
    boundSeconds: 10,
  },
  homePage: {
    formula: 69,
    countCalls: [
      { companies: 100, counted: true, seconds: 17.3, searches: 69, retries: 0, otherCalls: 1 },
      { companies: 10_000, counted: true, seconds: 17.4, searches: 69, retries: 0, otherCalls: 1 },
      { companies: 100_000, counted: true, seconds: 17.6, searches: 70, retries: 0, otherCalls: 1 },
    ],
    coldMs: 17_500,
    firstAnswerMs: 12,
    warmMs: 1_200,
    revenue: { companies: 8_700, calls: 44, boundCalls: 44, seconds: 43.5, boundSeconds: 43 },
  },
  importRun: { rows: 10_000, written: 10_000, calls: 234, retries: 0, seconds: 21.3, boundSeconds: 19 },
  webhookLatency: { moves: 20, p50Ms: 80, maxMs: 140 },
  bulkThreeInstances: {
    instances: 3,
    runs: 1,
    tasksCreated: 4496,
    requests: 160,
    status429: 0,
    busiestTenSeconds: 100,
    seconds: 10.4,
  },
  saves: {
    one: {
      instances: 1,
      saves: 10_000,
      saved: 10_000,
      failed: 0,
      requests: 20_000,
      status429: 0,
      busiestTenSeconds: 2_000,
      seconds: 100.5,
    },
    three: {
      instances: 3,
      saves: 10_000,
      saved: 9_990,
      failed: 10,
      requests: 20_010,
      status429: 10,
      busiestTenSeconds: 2_010,
      seconds: 100.2,
    },
  },
  savesBudgetPer10s: 2_000,
};

describe('the benchmark report', () => {
  it('judges each figure against its target, and reports figures without one', () => {
    const verdicts = Object.fromEntries(figuresOf(RESULTS).map((figure) => [figure.measure, figure.met]));
    expect(verdicts).toEqual({
      'Load a card': true,
      'Save a profile': false,
      'Save an unchanged profile': true,
      'First setup': null,
      'Setup rerun': true,
      'Automation run, 1,000 companies': null,
      'GET profile p50 / p99, backend vs bare route': false,
      'GET profile throughput, backend vs bare route': true,
      'GET profile CPU per request, backend vs bare route': true,
      'PUT profile p50 / p99, backend vs bare route': true,
      'PUT profile throughput, backend vs bare route': false,
      'PUT profile CPU per request, backend vs bare route': false,
      'Automation run, 10,000 companies, 100 calls / 10 s': true,
      'Home page counts: searches at 100 / 10,000 / 100,000 companies': false,
      'Home page revenue pass, 8,700 companies': true,
      'Home page, 10,000 companies: first answer / figures there (cold)': true,
      'Home page, 10,000 companies: an answer once counted (warm)': false,
      'Import, 10,000 rows, 100 calls / 10 s': false,
      'Move made in HubSpot to its re-recruit task (sandbox webhooks)': true,
      'The same run scheduled on 3 instances sharing one Redis': true,
      '10,000 saves, 1 instance, 2,000 calls / 10 s': true,
      '10,000 saves, 3 instances sharing one Redis, 2,000 calls / 10 s': false,
    });
  });

  it('marks the misses in the table', () => {
    const rows = markdownTable(figuresOf(RESULTS)).split('\n');
    const row = (measure: string) => rows.find((line) => line.startsWith(`| ${measure} `)) ?? '';
    expect(row('GET profile CPU per request, backend vs bare route')).toMatch(
      /\| 1\.80 vs 0\.90 ms \(2\.0×\) +\| ≤ 2× the bare route +\| met +\|$/,
    );
    expect(row('PUT profile CPU per request, backend vs bare route')).toMatch(/\(2\.3×\) .*\*\*MISSED\*\* \|$/);
    expect(row('Save a profile')).toMatch(/3 HubSpot calls, 1 writes +\| ≤ 2 calls +\| \*\*MISSED\*\* \|$/);
    expect(row('First setup')).toMatch(/\| +\| +\|$/);
  });
});

describe('npm run bench', () => {
  it('says how to save the results, and runs nothing on a mistyped option', async () => {
    const help = await runCli('bench/run.ts', ['--help']);
    expect(help.stdout).toMatch(/--write {2}also save them to bench\/results\.json/);
    const mistyped = await runCli('bench/run.ts', ['--save']);
    expect({ code: mistyped.code, message: mistyped.stderr.split('\n')[0] }).toEqual({
      code: 2,
      message: "Unknown option '--save'",
    });
  });
});
