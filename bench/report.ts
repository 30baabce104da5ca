import { type LoadResult } from './load';

export type ActionCost = { calls: number; writes: number };
export type LoadComparison = {
  backend: LoadResult & { cpuMsPerRequest: number };
  baseline: LoadResult & { cpuMsPerRequest: number };
};
export type BulkRun = {
  companies: number;
  tasksCreated: number;
  calls: number;
  searches: number;
  retries: number;
  seconds: number;
  boundSeconds: number;
};
export type BenchResults = {
  callsPerAction: Record<
    'load' | 'save' | 'unchangedSave' | 'firstSetup' | 'setupRerun' | 'automationOver1000Companies',
    ActionCost
  >;
  overhead: Record<'GET' | 'PUT', LoadComparison>;
  bulk: BulkRun;
};

/** One line of the results table. `met` is null for a figure with no target: it is reported, not judged. */
export type Figure = { measure: string; result: string; target: string; met: boolean | null };

export const P99_OVERHEAD_TARGET_MS = 5;
export const THROUGHPUT_TARGET = 0.8;
/** CPU per request against the bare route's: a ratio, so the target holds on a faster or slower machine. */
export const CPU_RATIO_TARGET = 2;
export const BULK_MARGIN = 1.1;

const ms = (value: number) => value.toFixed(1);
const cost = ({ calls, writes }: ActionCost) => `${calls} HubSpot calls, ${writes} writes`;

const loadFigures = (method: 'GET' | 'PUT', { backend, baseline }: LoadComparison): Figure[] => {
  const share = backend.requestsPerSecond / baseline.requestsPerSecond;
  const errors = backend.errors + backend.non2xx;
  const cpuRatio = backend.cpuMsPerRequest / baseline.cpuMsPerRequest;
  return [
    {
      measure: `${method} profile p50 / p99, backend vs bare route`,
      result: `${ms(backend.p50Ms)} / ${ms(backend.p99Ms)} ms vs ${ms(baseline.p50Ms)} / ${ms(baseline.p99Ms)} ms`,
      target: `p99 overhead < ${P99_OVERHEAD_TARGET_MS} ms`,
      met: backend.p99Ms - baseline.p99Ms < P99_OVERHEAD_TARGET_MS,
    },
    {
      measure: `${method} profile throughput, backend vs bare route`,
      result: `${backend.requestsPerSecond.toFixed(0)} vs ${baseline.requestsPerSecond.toFixed(0)} req/s (${(100 * share).toFixed(0)}%), ${errors} errors`,
      target: `≥ ${100 * THROUGHPUT_TARGET}%, no error`,
      met: share >= THROUGHPUT_TARGET && errors === 0,
    },
    {
      measure: `${method} profile CPU per request, backend vs bare route`,
      result: `${backend.cpuMsPerRequest.toFixed(2)} vs ${baseline.cpuMsPerRequest.toFixed(2)} ms (${cpuRatio.toFixed(1)}×)`,
      target: `≤ ${CPU_RATIO_TARGET}× the bare route`,
      met: cpuRatio <= CPU_RATIO_TARGET,
    },
  ];
};

/** Every figure of a run next to its target, and whether it met it. */
export const figuresOf = ({ callsPerAction: actions, overhead, bulk }: BenchResults): Figure[] => [
  {
    measure: 'Load a card',
    result: cost(actions.load),
    target: '1 call, no write',
    met: actions.load.calls === 1 && actions.load.writes === 0,
  },
  { measure: 'Save a profile', result: cost(actions.save), target: '≤ 2 calls', met: actions.save.calls <= 2 },
  {
    measure: 'Save an unchanged profile',
    result: cost(actions.unchangedSave),
    target: '≤ 1 call, no write',
    met: actions.unchangedSave.calls <= 1 && actions.unchangedSave.writes === 0,
  },
  { measure: 'First setup', result: cost(actions.firstSetup), target: '', met: null },
  {
    measure: 'Setup rerun',
    result: cost(actions.setupRerun),
    target: 'no write',
    met: actions.setupRerun.writes === 0,
  },
  {
    measure: 'Automation run, 1,000 companies',
    result: cost(actions.automationOver1000Companies),
    target: '',
    met: null,
  },
  ...loadFigures('GET', overhead.GET),
  ...loadFigures('PUT', overhead.PUT),
  {
    measure: `Automation run, ${bulk.companies.toLocaleString('en')} companies, 100 calls / 10 s`,
    result:
      `${bulk.calls} calls (${bulk.searches} searches, ${bulk.retries} retries), ${bulk.tasksCreated} tasks, ` +
      `${bulk.seconds.toFixed(1)} s vs a bound of ${bulk.boundSeconds.toFixed(1)} s`,
    target: `within ${Math.round((BULK_MARGIN - 1) * 100)}% of the bound`,
    met: bulk.seconds <= bulk.boundSeconds * BULK_MARGIN,
  },
];

const mark = (met: boolean | null) => (met === null ? '' : met ? 'met' : '**MISSED**');

/** The table the README's "Performance" section shows, in Markdown. */
export const markdownTable = (figures: Figure[]) => {
  const header = ['Measure', 'Result', 'Target', ''];
  const body = figures.map((figure) => [figure.measure, figure.result, figure.target, mark(figure.met)]);
  // A missing cell is an empty one.
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
};
