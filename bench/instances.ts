import { readProfileDraft, toIsoDate } from '@why-they-care/domain';
import { signedFetch } from '@why-they-care/hubspot-contract';
import { createSandbox } from '@why-they-care/hubspot-sandbox';

import { automationOptionsFrom, createBackend, setupOptionsFrom } from '../src/backend';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../src/cli/sandbox-mode';
import { loadEnv } from '../src/config/env';
import { createLogger } from '../src/lib/logger';
import { applySetup, planSetup } from '../src/setup/setup';
import { accountWithCompanies, benchCompanyIds } from './companies';
import { type JournalSummary, summarizeJournal } from './journal';
import { type BenchServer, startServer } from './processes';

/** One instance alone, or three sharing a Redis: what HubSpot saw and how long it took. */
export type InstancesRun = JournalSummary & { instances: number; seconds: number };
export type BulkAcrossInstances = InstancesRun & { runs: number; tasksCreated: number };
export type SavesAcrossInstances = InstancesRun & { saves: number; saved: number; failed: number };

/**
 * The saves' budget: HubSpot's real ones (100 or 190) would make 10,000 saves last half an hour. Low enough
 * that the budget, not this machine's two cores, bounds the throughput (HubSpot's stand-in shares them).
 */
export const SAVES_BUDGET_PER_10S = 1_000;
export const SAVES = 10_000;
const SAVE_CONNECTIONS = 30;
export const BULK_BUDGET_PER_10S = 100;
const BULK_COMPANIES = 10_000;

/**
 * 10,000 saves of distinct companies, 30 at a time, spread over `instances` backends (each in its own
 * process, sharing `redisUrl` when more than one), against a sandbox that answers 429 past the budget.
 * HubSpot's budget bounds the throughput (two calls a save), whatever the number of instances.
 */
export const savesAcrossInstances = async (instances: 1 | 3, redisUrl: string): Promise<SavesAcrossInstances> => {
  const now = new Date();
  const account = accountWithCompanies(SAVES, now);
  const sandbox = await startServer('sandbox', String(SAVES), now.toISOString(), '0', String(SAVES_BUDGET_PER_10S));
  const backends: BenchServer[] = [];
  // One after the other: the first runs setup, the others find it done.
  for (let index = 0; index < instances; index += 1) {
    backends.push(
      await startServer('backend', sandbox.url, String(SAVES_BUDGET_PER_10S), instances > 1 ? redisUrl : ''),
    );
  }
  try {
    await new Promise((resolve) => setTimeout(resolve, 10_000)); // setup's calls leave the ten-second window
    const before = await sandbox.journal();
    const ids = benchCompanyIds(SAVES);
    let next = 0;
    let saved = 0;
    let failed = 0;
    const worker = async () => {
      for (let turn = next++; turn < ids.length; turn = next++) {
        const id = ids[turn] ?? '';
        const draft = readProfileDraft(account.companies[id]?.properties ?? {});
        const answer = await signedFetch({
          clientSecret: SANDBOX_CLIENT_SECRET,
          portalId: SANDBOX_PORTAL_ID,
          method: 'PUT',
          url: `${backends[turn % instances]?.url}/api/companies/${id}/profile`,
          body: {
            requestId: `bench-save-${id}`,
            expectedVersion: 1,
            profile: { ...draft, whyTheyCare: { ...draft.whyTheyCare, answer: `Saved by the benchmark (${turn})` } },
          },
        });
        if (answer.status === 200) saved += 1;
        else failed += 1;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: SAVE_CONNECTIONS }, worker));
    const seconds = (performance.now() - started) / 1000;
    const after = await sandbox.journal();
    return {
      instances,
      saves: ids.length,
      saved,
      failed,
      seconds,
      requests: after.requests - before.requests,
      status429: after.status429 - before.status429,
      // Setup's calls are ten seconds older than the first save's: the busiest window is the saves'.
      busiestTenSeconds: after.busiestTenSeconds,
    };
  } finally {
    for (const server of [...backends, sandbox]) server.stop();
  }
};

/**
 * The direct-mode automation over 10,000 companies under a 100-per-10-s limit, scheduled on `instances`
 * backends at once (sharing `redisUrl` when more than one): one of them runs it, within the one budget.
 */
export const bulkAcrossInstances = async (instances: 1 | 3, redisUrl: string): Promise<BulkAcrossInstances> => {
  const now = new Date();
  const sandbox = createSandbox({
    accessToken: SANDBOX_ACCESS_TOKEN,
    file: null,
    initialState: accountWithCompanies(BULK_COMPANIES, now),
    requestsPer10s: BULK_BUDGET_PER_10S,
    journal: true,
  });
  const hubspot = await sandbox.listen();
  const env = loadEnv({
    HUBSPOT_ACCESS_TOKEN: SANDBOX_ACCESS_TOKEN,
    HUBSPOT_API_BASE_URL: hubspot.url,
    HUBSPOT_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
    HUBSPOT_PORTAL_ID: SANDBOX_PORTAL_ID,
    HUBSPOT_REQUESTS_PER_10S: String(BULK_BUDGET_PER_10S),
    AUTOMATION_MODE: 'direct',
    REDIS_URL: instances > 1 ? redisUrl : '',
    LOG_LEVEL: 'silent',
  });
  const backends = Array.from({ length: instances }, () => createBackend({ env, logger: createLogger('silent') }));
  try {
    await Promise.all(backends.map((backend) => backend.coordination.ready()));
    const [first] = backends;
    if (first) await applySetup(await planSetup(first.setupDeps, setupOptionsFrom(env)));
    await new Promise((resolve) => setTimeout(resolve, 10_000)); // setup's calls leave the ten-second window
    const from = sandbox.journal().length;
    const today = toIsoDate(now);
    const options = automationOptionsFrom(env, today);
    const started = performance.now();
    const outcomes = await Promise.all(
      backends.map((backend) => backend.runAutomationExclusive(options, `bench ${instances} ${now.getTime()}`)),
    );
    const seconds = (performance.now() - started) / 1000;
    const results = outcomes.flatMap((outcome) => (outcome.ran ? [outcome.result] : []));
    return {
      instances,
      runs: results.length,
      tasksCreated: results.reduce((sum, result) => sum + result.tasksCreated, 0),
      seconds,
      ...summarizeJournal(sandbox.journal().slice(from)),
    };
  } finally {
    await Promise.all(backends.map((backend) => backend.coordination.close()));
    await hubspot.close();
  }
};
