import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  draftOf,
  mustExist,
  type Profile,
  profileContentProperties,
  readProfileDraft,
  toIsoDate,
} from '@why-they-care/domain';
import { signedFetch, signedRequest } from '@why-they-care/hubspot-contract';

import { automationOptionsFrom, setupOptionsFrom } from '../src/backend';
import { CommandError, parseCommandLine, runCommand } from '../src/cli/run-command';
import { loadBenchEnv } from '../src/config/env';
import { SEARCHES_PER_SECOND } from '../src/hubspot/call';
import { isWrite, type LocalStack, startLocalStack } from '../src/cli/local-stack';
import { SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../src/cli/sandbox-mode';
import { startRedis } from '../src/cli/local-redis';
import { applySetup, planSetup } from '../src/setup/setup';
import { answersFileFor, webhookToTaskLatency } from './changes';
import { accountWithCompanies, benchCompanyIds, roundRobin } from './companies';
import { bulkAcrossInstances, SAVES_BUDGET_PER_10S, savesAcrossInstances } from './instances';
import { runLoad, type LoadResult } from './load';
import { homePageBench } from './portfolio';
import { type BenchServer, startServer } from './processes';
import { type BenchResults, figuresOf, markdownTable } from './report';

const USAGE = `Usage: npm run bench -- [--write]
  Measures HubSpot calls per user action, the backend against a bare route (latency, throughput, CPU per
  request), a 10,000-company automation run and 10,000 saves, with one instance and with three sharing a
  Redis (Debian's redis-server, started on a free port), the home page (its searches at 100, 10,000 and
  100,000 companies, the revenue pass, cold and warm answers), a 10,000-row import and the time from a move
  made in HubSpot to its task (webhooks), on loopback against the sandbox, and prints the results.
  --write  also save them to bench/results.json (run it on a machine as quiet as you can get)
  BENCH_LOAD_SECONDS sets the length of each load round (default 8).`;

/**
 * `npm run bench`: what a user action costs in HubSpot calls, how much time and CPU the backend adds over a
 * bare route making the same calls, and how close a 10,000-company automation run gets to the rate-limit
 * bound. Everything runs on loopback against the sandbox.
 */
const NOW = new Date();
const TODAY = toIsoDate(NOW);
const HUBSPOT_DELAY_MS = 50;
const ROUNDS = 2;

const averageOf = (rounds: LoadResult[]): LoadResult => {
  const mean = (pick: (round: LoadResult) => number) =>
    rounds.reduce((sum, round) => sum + pick(round), 0) / rounds.length;
  return {
    p50Ms: mean((round) => round.p50Ms),
    p99Ms: mean((round) => round.p99Ms),
    requestsPerSecond: mean((round) => round.requestsPerSecond),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    non2xx: rounds.reduce((sum, round) => sum + round.non2xx, 0),
    requests: rounds.reduce((sum, round) => sum + round.requests, 0),
  };
};
const RATE_LIMIT_PER_10S = 100;

const profileUrl = (stack: LocalStack, id: string) => `${stack.backendUrl}/api/companies/${id}/profile`;
const call = (stack: LocalStack, method: 'GET' | 'PUT', id: string, body?: unknown) =>
  signedFetch({
    clientSecret: SANDBOX_CLIENT_SECRET,
    portalId: SANDBOX_PORTAL_ID,
    method,
    url: profileUrl(stack, id),
    body,
  });

const measure = async (stack: LocalStack, action: () => Promise<unknown>) => {
  stack.calls.length = 0;
  await action();
  return { calls: stack.calls.length, writes: stack.calls.filter(isWrite).length };
};

const callsPerAction = async (): Promise<BenchResults['callsPerAction']> => {
  const stack = await startLocalStack({
    initialState: accountWithCompanies(1_000, NOW),
    env: { AUTOMATION_MODE: 'direct' },
  });
  try {
    const options = setupOptionsFrom(stack.env, 'enable');
    const firstSetup = await measure(stack, async () => applySetup(await planSetup(stack.backend.setupDeps, options)));
    const setupRerun = await measure(stack, async () => applySetup(await planSetup(stack.backend.setupDeps, options)));
    let loaded = {} as Profile;
    const load = await measure(stack, async () => {
      loaded = (await call(stack, 'GET', '200001')).body.profile as Profile;
    });
    const draft = draftOf(loaded);
    const save = await measure(stack, () =>
      call(stack, 'PUT', '200001', {
        requestId: 'bench-save-0001',
        expectedVersion: loaded.version,
        profile: { ...draft, whyTheyCare: { ...draft.whyTheyCare, answer: 'Changed for the benchmark' } },
      }),
    );
    const reloaded = (await call(stack, 'GET', '200001')).body.profile as Profile;
    const unchangedSave = await measure(stack, () =>
      call(stack, 'PUT', '200001', {
        requestId: 'bench-save-0002',
        expectedVersion: reloaded.version,
        profile: draftOf(reloaded),
      }),
    );
    const automation = await measure(stack, () => stack.backend.runAutomation(automationOptionsFrom(stack.env, TODAY)));
    return { load, save, unchangedSave, firstSetup, setupRerun, automationOver1000Companies: automation };
  } finally {
    await stack.stop();
  }
};

/** A load round against one server, with the CPU time its process spent on it. */
const measuredRound = async (server: BenchServer, load: Omit<Parameters<typeof runLoad>[0], 'url'>) => {
  const cpuBefore = await server.cpuMs();
  const result = await runLoad({ ...load, url: server.url });
  return { result, cpuMs: (await server.cpuMs()) - cpuBefore };
};

type Round = Awaited<ReturnType<typeof measuredRound>>;

/** Rounds averaged; CPU per request over all their requests (a busy machine slows requests, not their CPU cost). */
const summaryOf = (rounds: Round[]) => {
  const load = averageOf(rounds.map((round) => round.result));
  const cpuMs = rounds.reduce((sum, round) => sum + round.cpuMs, 0);
  return { ...load, cpuMsPerRequest: cpuMs / Math.max(1, load.requests) };
};

/** GET and PUT through the backend and through the bare baseline, with HubSpot answering after 50 ms. */
const overhead = async (loadSeconds: number): Promise<BenchResults['overhead']> => {
  const ids = benchCompanyIds(2_000);
  const account = accountWithCompanies(ids.length, NOW);
  const sandbox = await startServer('sandbox', String(ids.length), NOW.toISOString(), String(HUBSPOT_DELAY_MS));
  const [backend, baseline] = await Promise.all([
    startServer('backend', sandbox.url),
    startServer('baseline', sandbox.url),
  ]);
  const versions = new Map(ids.map((id) => [id, 1]));
  const drafts = new Map(
    ids.map((id) => [id, readProfileDraft(mustExist(account.companies[id], `company ${id}`).properties)]),
  );
  let turn = 0;
  const nextId = () => roundRobin(ids, (turn += 1));
  const edited = (id: string) => {
    const draft = drafts.get(id) ?? readProfileDraft({});
    return { ...draft, whyTheyCare: { ...draft.whyTheyCare, answer: `Edited in the benchmark (${turn})` } };
  };
  const backendRequest = (method: 'GET' | 'PUT') => () => {
    const id = nextId();
    const version = versions.get(id) ?? 1;
    const body =
      method === 'PUT'
        ? { requestId: `bench-${id}-${version}-${turn}`, expectedVersion: version, profile: edited(id) }
        : undefined;
    const { url: signedUrl, init } = signedRequest({
      clientSecret: SANDBOX_CLIENT_SECRET,
      portalId: SANDBOX_PORTAL_ID,
      method,
      url: `${backend.url}/api/companies/${id}/profile`,
      body,
    });
    return {
      method,
      path: signedUrl.slice(backend.url.length),
      headers: init.headers as Record<string, string>,
      body: init.body as string | undefined,
    };
  };
  const onBackendResponse = (status: number, body: string) => {
    if (status !== 200) return;
    const { profile } = JSON.parse(body) as { profile: { companyId: string; version: number } };
    versions.set(profile.companyId, profile.version);
  };
  const baselineRequest = (method: 'GET' | 'PUT') => () => {
    const id = nextId();
    const body =
      method === 'PUT' ? JSON.stringify({ properties: profileContentProperties(edited(id), TODAY) }) : undefined;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    return { method, path: `/companies/${id}`, headers, body };
  };
  try {
    // Warm both processes up (JIT, connection pools) before anything is measured.
    await runLoad({ url: backend.url, seconds: 2, connections: 10, nextRequest: backendRequest('GET') });
    await runLoad({ url: baseline.url, seconds: 2, connections: 10, nextRequest: baselineRequest('GET') });
    const compare = async (method: 'GET' | 'PUT') => {
      const backendRounds: Round[] = [];
      const baselineRounds: Round[] = [];
      // Alternating rounds, averaged: on a small machine one slow stretch would otherwise decide the p99.
      for (let round = 0; round < ROUNDS; round += 1) {
        backendRounds.push(
          await measuredRound(backend, {
            seconds: loadSeconds,
            connections: 10,
            nextRequest: backendRequest(method),
            onResponse: onBackendResponse,
          }),
        );
        baselineRounds.push(
          await measuredRound(baseline, {
            seconds: loadSeconds,
            connections: 10,
            nextRequest: baselineRequest(method),
          }),
        );
      }
      return { backend: summaryOf(backendRounds), baseline: summaryOf(baselineRounds) };
    };
    return { GET: await compare('GET'), PUT: await compare('PUT') };
  } finally {
    for (const server of [backend, baseline, sandbox]) server.stop();
  }
};

/**
 * The earliest the last of these calls could start under HubSpot's limits (`perTenSeconds` in any rolling
 * 10 s, and `searchesPerSecond` for CRM search), if HubSpot answered instantly: the bound a run is held to.
 */
const rateLimitBoundSeconds = (operations: readonly string[], perTenSeconds: number, searchesPerSecond: number) => {
  const starts: number[] = [];
  const searchStarts: number[] = [];
  let at = 0;
  for (const operation of operations) {
    // Each window full: its oldest start must leave it first.
    const leaving = starts[starts.length - perTenSeconds];
    if (leaving !== undefined) at = Math.max(at, leaving + 10_000);
    const search = operation === 'companies.search';
    const searchLeaving = searchStarts[searchStarts.length - searchesPerSecond];
    if (search && searchLeaving !== undefined) at = Math.max(at, searchLeaving + 1_000);
    starts.push(at);
    if (search) searchStarts.push(at);
  }
  return at / 1000;
};

/** One direct-mode automation run over 10,000 companies under a 100-per-10-s rate limit. */
const bulk = async (): Promise<BenchResults['bulk']> => {
  const stack = await startLocalStack({
    initialState: accountWithCompanies(10_000, NOW),
    requestsPer10s: RATE_LIMIT_PER_10S,
    env: { AUTOMATION_MODE: 'direct', HUBSPOT_REQUESTS_PER_10S: String(RATE_LIMIT_PER_10S) },
  });
  try {
    await applySetup(await planSetup(stack.backend.setupDeps, setupOptionsFrom(stack.env)));
    await new Promise((resolve) => setTimeout(resolve, 10_000)); // let setup's calls leave the ten-second window
    stack.calls.length = 0;
    const started = performance.now();
    const summary = await stack.backend.runAutomation(automationOptionsFrom(stack.env, TODAY));
    const seconds = (performance.now() - started) / 1000;
    const calls = stack.calls.length;
    const boundSeconds = rateLimitBoundSeconds(
      stack.calls.map((c) => c.operation),
      RATE_LIMIT_PER_10S,
      SEARCHES_PER_SECOND,
    );
    return {
      companies: 10_000,
      tasksCreated: summary.tasksCreated,
      calls,
      searches: stack.calls.filter((c) => c.operation === 'companies.search').length,
      retries: stack.calls.filter((c) => c.attempt > 1).length,
      seconds,
      boundSeconds,
    };
  } finally {
    await stack.stop();
  }
};

/** Importing an answers file of 10,000 rows (every row a change) under a 100-per-10-s rate limit. */
const importRun = async (): Promise<BenchResults['importRun']> => {
  const account = accountWithCompanies(10_000, NOW);
  const stack = await startLocalStack({
    initialState: account,
    requestsPer10s: RATE_LIMIT_PER_10S,
    env: { AUTOMATION_MODE: 'direct', HUBSPOT_REQUESTS_PER_10S: String(RATE_LIMIT_PER_10S) },
  });
  try {
    await applySetup(await planSetup(stack.backend.setupDeps, setupOptionsFrom(stack.env)));
    const file = answersFileFor(account);
    await new Promise((resolve) => setTimeout(resolve, 10_000)); // let setup's calls leave the ten-second window
    stack.calls.length = 0;
    const started = performance.now();
    const report = await stack.backend.importAnswers({ path: file.path, dryRun: false });
    const seconds = (performance.now() - started) / 1000;
    if (report.problems.length) throw new Error(`the benchmark's file has bad rows: ${report.problems[0]?.reason}`);
    return {
      rows: file.rows,
      written: report.written,
      calls: stack.calls.length,
      retries: stack.calls.filter((c) => c.attempt > 1).length,
      seconds,
      boundSeconds: rateLimitBoundSeconds(
        stack.calls.map((c) => c.operation),
        RATE_LIMIT_PER_10S,
        SEARCHES_PER_SECOND,
      ),
    };
  } finally {
    await stack.stop();
  }
};

/** How long a move made in HubSpot takes to become a task, through the sandbox's webhooks (direct mode). */
const webhookLatency = async (): Promise<BenchResults['webhookLatency']> => {
  const account = accountWithCompanies(60, NOW);
  const stack = await startLocalStack({ initialState: account, env: { AUTOMATION_MODE: 'direct' } });
  try {
    await applySetup(await planSetup(stack.backend.setupDeps, setupOptionsFrom(stack.env)));
    const notYet = Object.values(account.companies)
      .filter((company) => company.properties.wtc_bucket !== 'who_are_you')
      .map((company) => company.id);
    return await webhookToTaskLatency(stack, notYet.slice(0, 20));
  } finally {
    await stack.stop();
  }
};

runCommand(async () => {
  const { values } = parseCommandLine(
    { options: { write: { type: 'boolean', default: false }, help: { type: 'boolean' } } },
    USAGE,
  );
  if (values.help) return console.log(USAGE);
  const loadSeconds = loadBenchEnv().BENCH_LOAD_SECONDS;
  const redis = await startRedis().catch((error: unknown) => {
    throw new CommandError(error instanceof Error ? error.message : String(error));
  });
  let measured: BenchResults;
  try {
    measured = {
      callsPerAction: await callsPerAction(),
      overhead: await overhead(loadSeconds),
      bulk: await bulk(),
      bulkThreeInstances: await bulkAcrossInstances(3, redis.url),
      saves: {
        one: await savesAcrossInstances(1, redis.url),
        three: await savesAcrossInstances(3, redis.url),
      },
      savesBudgetPer10s: SAVES_BUDGET_PER_10S,
      homePage: await homePageBench(NOW),
      importRun: await importRun(),
      webhookLatency: await webhookLatency(),
    };
  } finally {
    await redis.remove();
  }
  const figures = figuresOf(measured);
  console.log(
    `${markdownTable(figures)}\n\nLoad rounds: HubSpot answering in ${HUBSPOT_DELAY_MS} ms, 10 connections, ` +
      `${ROUNDS} alternating rounds of ${loadSeconds} s per server, averaged.`,
  );
  if (!values.write) return console.log('Not saved: add --write to save these results to bench/results.json.');
  const results = {
    measuredAt: NOW.toISOString(),
    node: process.version,
    hubspotDelayMs: HUBSPOT_DELAY_MS,
    loadSeconds,
    figures,
    ...measured,
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  return console.log('Saved to bench/results.json.');
});
