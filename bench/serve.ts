import { mustExist } from '@why-they-care/domain';
import { createSandbox } from '@why-they-care/hubspot-sandbox';

import { createBackend, setupOptionsFrom } from '../src/backend';
import { runCommand } from '../src/cli/run-command';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../src/cli/sandbox-mode';
import { loadEnv } from '../src/config/env';
import { createLogger } from '../src/lib/logger';
import { listen } from '../src/lib/listen';
import { applySetup, planSetup } from '../src/setup/setup';
import { baselineApp } from './baseline';
import { accountWithCompanies } from './companies';

/**
 * One of the benchmark's servers, in a process of its own so neither the load generator nor another server
 * shares its event loop or its CPU time: `serve.ts sandbox COUNT ISO_NOW DELAY_MS`, `serve.ts backend
 * SANDBOX_URL` or `serve.ts baseline SANDBOX_URL`. Started with an IPC channel: it sends `{ url }` once
 * listening, and answers every message with its `process.cpuUsage()`.
 */
const start = async (mode: string, args: string[]): Promise<string> => {
  if (mode === 'sandbox') {
    const [count, now, delayMs] = args;
    const sandbox = createSandbox({
      accessToken: SANDBOX_ACCESS_TOKEN,
      file: null,
      initialState: accountWithCompanies(Number(count), new Date(mustExist(now, 'ISO_NOW'))),
      delayMs: Number(delayMs),
    });
    return (await sandbox.listen()).url;
  }
  const hubspotUrl = mustExist(args[0], 'SANDBOX_URL');
  if (mode === 'baseline') {
    const { port } = await listen(baselineApp(hubspotUrl, SANDBOX_ACCESS_TOKEN), 0, '127.0.0.1');
    return `http://127.0.0.1:${port}`;
  }
  const env = loadEnv({
    HUBSPOT_ACCESS_TOKEN: SANDBOX_ACCESS_TOKEN,
    HUBSPOT_API_BASE_URL: hubspotUrl,
    HUBSPOT_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
    HUBSPOT_PORTAL_ID: SANDBOX_PORTAL_ID,
    HUBSPOT_REQUESTS_PER_10S: '1000000',
    LOG_LEVEL: 'silent',
  });
  const backend = createBackend({ env, logger: createLogger('silent') });
  await applySetup(await planSetup(backend.setupDeps, setupOptionsFrom(env)));
  const { port } = await listen(backend.app, 0, '127.0.0.1');
  return `http://127.0.0.1:${port}`;
};

runCommand(async () => {
  const [mode, ...args] = process.argv.slice(2);
  const url = await start(mustExist(mode, 'the server to start: sandbox, backend or baseline'), args);
  process.on('message', () => process.send?.(process.cpuUsage()));
  process.send?.({ url });
});
