import { mustExist } from '@why-they-care/domain';
import { createSandbox, type JournalEntry } from '@why-they-care/hubspot-sandbox';

import { createBackend, setupOptionsFrom } from '../src/backend';
import { runCommand } from '../src/cli/run-command';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../src/cli/sandbox-mode';
import { loadEnv } from '../src/config/env';
import { createLogger } from '../src/lib/logger';
import { listen } from '../src/lib/listen';
import { applySetup, planSetup } from '../src/setup/setup';
import { baselineApp } from './baseline';
import { accountWithCompanies } from './companies';
import { summarizeJournal } from './journal';

let journal: () => readonly JournalEntry[] = () => [];

/**
 * One of the benchmark's servers, in a process of its own so neither the load generator nor another server
 * shares its event loop or its CPU time: `serve.ts sandbox COUNT ISO_NOW DELAY_MS [REQUESTS_PER_10S]`,
 * `serve.ts backend SANDBOX_URL [REQUESTS_PER_10S REDIS_URL]` or `serve.ts baseline SANDBOX_URL`. Started
 * with an IPC channel: it sends `{ url }` once listening, then answers `cpu` with its `process.cpuUsage()`
 * and `journal` with a summary of the sandbox's request journal.
 */
const start = async (mode: string, args: string[]): Promise<string> => {
  if (mode === 'sandbox') {
    const [count, now, delayMs, requestsPer10s] = args;
    const sandbox = createSandbox({
      accessToken: SANDBOX_ACCESS_TOKEN,
      file: null,
      initialState: accountWithCompanies(Number(count), new Date(mustExist(now, 'ISO_NOW'))),
      delayMs: Number(delayMs),
      requestsPer10s: requestsPer10s ? Number(requestsPer10s) : undefined,
      journal: true,
    });
    journal = sandbox.journal;
    return (await sandbox.listen()).url;
  }
  const [sandboxUrl, requestsPer10s = '1000000', redisUrl = ''] = args;
  const hubspotUrl = mustExist(sandboxUrl, 'SANDBOX_URL');
  if (mode === 'baseline') {
    const { port } = await listen(baselineApp(hubspotUrl, SANDBOX_ACCESS_TOKEN), 0, '127.0.0.1');
    return `http://127.0.0.1:${port}`;
  }
  const env = loadEnv({
    HUBSPOT_ACCESS_TOKEN: SANDBOX_ACCESS_TOKEN,
    HUBSPOT_API_BASE_URL: hubspotUrl,
    HUBSPOT_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
    HUBSPOT_PORTAL_ID: SANDBOX_PORTAL_ID,
    HUBSPOT_REQUESTS_PER_10S: requestsPer10s,
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'silent',
  });
  const backend = createBackend({ env, logger: createLogger('silent') });
  await backend.coordination.ready();
  // Setup once: the second backend of a group finds it done (a setup rerun reads and writes nothing).
  await applySetup(await planSetup(backend.setupDeps, setupOptionsFrom(env)));
  const { port } = await listen(backend.app, 0, '127.0.0.1');
  return `http://127.0.0.1:${port}`;
};

runCommand(async () => {
  const [mode, ...args] = process.argv.slice(2);
  const url = await start(mustExist(mode, 'the server to start: sandbox, backend or baseline'), args);
  process.on('message', (question) => {
    process.send?.(question === 'journal' ? summarizeJournal(journal()) : process.cpuUsage());
  });
  process.send?.({ url });
});
