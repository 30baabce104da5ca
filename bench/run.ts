import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { draftOf, type Profile, profileContentProperties, readProfileDraft, toIsoDate } from '@why-they-care/domain';

import { setupOptionsFrom } from '../src/backend';
import { SEARCHES_PER_SECOND } from '../src/hubspot/call';
import { signedFetch, signedRequest } from '../src/http/signed-fetch';
import { isWrite, type LocalStack, startLocalStack } from '../src/sandbox/local-stack';
import { SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../src/sandbox/server';
import { applySetup, planSetup } from '../src/setup/setup';
import { accountWithCompanies, benchCompanyIds } from './companies';
import { runLoad, type LoadResult } from './load';

/**
 * `npm run bench`: what a user action costs in HubSpot calls, how much time the backend adds over a bare
 * route making the same calls, and how close a 10,000-company automation run gets to the rate-limit bound.
 * Everything runs on loopback against the sandbox.
 */
const NOW = new Date();
const TODAY = toIsoDate(NOW);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 8);
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

const callsPerAction = async () => {
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
    const automation = await measure(stack, () =>
      stack.backend.runAutomation({
        today: TODAY,
        renewalLeadDays: 90,
        renewalDateProperty: options.renewalDateProperty,
      }),
    );
    return { load, save, unchangedSave, firstSetup, setupRerun, automationOver1000Companies: automation };
  } finally {
    await stack.stop();
  }
};

/** Starts `bench/serve.ts` in its own process and returns the JSON line it prints once listening. */
const serve = async <T>(...args: string[]): Promise<{ info: T; stop: () => void }> => {
  const child = spawn(join(process.cwd(), 'node_modules', '.bin', 'tsx'), [join(__dirname, 'serve.ts'), ...args]);
  const info = await new Promise<T>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve(JSON.parse(line) as T);
    });
    child.on('exit', (code) => reject(new Error(`bench/serve.ts ${args[0]} exited with ${code}`)));
  });
  return { info, stop: () => child.kill() };
};

/** GET and PUT through the backend and through the bare baseline, with HubSpot answering after 50 ms. */
const overhead = async () => {
  const ids = benchCompanyIds(2_000);
  const account = accountWithCompanies(ids.length, NOW);
  const sandbox = await serve<{ url: string }>(
    'sandbox',
    String(ids.length),
    NOW.toISOString(),
    String(HUBSPOT_DELAY_MS),
  );
  const apps = await serve<{ backendUrl: string; baselineUrl: string }>('apps', sandbox.info.url);
  const versions = new Map(ids.map((id) => [id, 1]));
  const drafts = new Map(ids.map((id) => [id, readProfileDraft(account.companies[id].properties)]));
  let turn = 0;
  const nextId = () => ids[(turn += 1) % ids.length];
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
    const url = `${apps.info.backendUrl}/api/companies/${id}/profile`;
    const { url: signedUrl, init } = signedRequest({
      clientSecret: SANDBOX_CLIENT_SECRET,
      portalId: SANDBOX_PORTAL_ID,
      method,
      url,
      body,
    });
    return {
      method,
      path: signedUrl.slice(apps.info.backendUrl.length),
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
    const results: Record<string, { backend: LoadResult; baseline: LoadResult }> = {};
    // Warm both processes up (JIT, connection pools) before anything is measured.
    await runLoad({ url: apps.info.backendUrl, seconds: 2, connections: 10, nextRequest: backendRequest('GET') });
    await runLoad({ url: apps.info.baselineUrl, seconds: 2, connections: 10, nextRequest: baselineRequest('GET') });
    // Alternating rounds, averaged: on a small machine one slow stretch would otherwise decide the p99.
    for (const method of ['GET', 'PUT'] as const) {
      const backendRounds: LoadResult[] = [];
      const baselineRounds: LoadResult[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        backendRounds.push(
          await runLoad({
            url: apps.info.backendUrl,
            seconds: LOAD_SECONDS,
            connections: 10,
            nextRequest: backendRequest(method),
            onResponse: onBackendResponse,
          }),
        );
        baselineRounds.push(
          await runLoad({
            url: apps.info.baselineUrl,
            seconds: LOAD_SECONDS,
            connections: 10,
            nextRequest: baselineRequest(method),
          }),
        );
      }
      results[method] = { backend: averageOf(backendRounds), baseline: averageOf(baselineRounds) };
    }
    return results;
  } finally {
    apps.stop();
    sandbox.stop();
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
    if (starts.length >= perTenSeconds) at = Math.max(at, starts[starts.length - perTenSeconds] + 10_000);
    const search = operation === 'companies.search';
    if (search && searchStarts.length >= searchesPerSecond)
      at = Math.max(at, searchStarts[searchStarts.length - searchesPerSecond] + 1_000);
    starts.push(at);
    if (search) searchStarts.push(at);
  }
  return at / 1000;
};

/** One direct-mode automation run over 10,000 companies under a 100-per-10-s rate limit. */
const bulk = async () => {
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
    const summary = await stack.backend.runAutomation({
      today: TODAY,
      renewalLeadDays: 90,
      renewalDateProperty: 'wtc_renewal_date',
    });
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
      withinTenPercent: seconds <= boundSeconds * 1.1,
    };
  } finally {
    await stack.stop();
  }
};

const ms = (value: number) => `${value.toFixed(1)} ms`;

const main = async () => {
  const actions = await callsPerAction();
  const load = await overhead();
  const automation = await bulk();
  const results = {
    measuredAt: NOW.toISOString(),
    node: process.version,
    hubspotDelayMs: HUBSPOT_DELAY_MS,
    loadSeconds: LOAD_SECONDS,
    callsPerAction: actions,
    overhead: load,
    bulk: automation,
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const lines = ['HubSpot calls per user action (target)'];
  const targets: Record<string, string> = {
    load: '1',
    save: '<= 2',
    unchangedSave: '<= 1, no write',
    firstSetup: '',
    setupRerun: '0 writes',
    automationOver1000Companies: '',
  };
  for (const [action, { calls, writes }] of Object.entries(actions)) {
    lines.push(
      `  ${action.padEnd(28)} ${String(calls).padStart(4)} calls, ${String(writes).padStart(3)} writes   ${targets[action] ?? ''}`,
    );
  }
  lines.push(
    '',
    `Backend vs bare route, HubSpot answering in ${HUBSPOT_DELAY_MS} ms, 10 connections, ${ROUNDS} alternating rounds of ${LOAD_SECONDS} s, averaged`,
  );
  for (const [method, { backend, baseline }] of Object.entries(load)) {
    lines.push(
      `  ${method.padEnd(4)} p50 ${ms(backend.p50Ms)} vs ${ms(baseline.p50Ms)}, p99 ${ms(backend.p99Ms)} vs ${ms(baseline.p99Ms)} (overhead ${ms(backend.p99Ms - baseline.p99Ms)}), ` +
        `${backend.requestsPerSecond.toFixed(0)} vs ${baseline.requestsPerSecond.toFixed(0)} req/s (${((100 * backend.requestsPerSecond) / baseline.requestsPerSecond).toFixed(0)}%), errors ${backend.errors + backend.non2xx}`,
    );
  }
  lines.push(
    '',
    `Automation over ${automation.companies} companies at ${RATE_LIMIT_PER_10S} req/10 s and ${SEARCHES_PER_SECOND} searches/s: ` +
      `${automation.calls} calls (${automation.searches} searches, ${automation.retries} retries), ${automation.tasksCreated} tasks, ` +
      `${automation.seconds.toFixed(1)} s against a rate-limit bound of ${automation.boundSeconds.toFixed(1)} s (within 10%: ${automation.withinTenPercent ? 'yes' : 'NO'})`,
  );
  console.log(lines.join('\n'));
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
