import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { createBackend, setupOptionsFrom } from '../src/backend';
import { loadEnv } from '../src/config/env';
import { createLogger } from '../src/lib/logger';
import { createSandbox, SANDBOX_ACCESS_TOKEN, SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../src/sandbox/server';
import { applySetup, planSetup } from '../src/setup/setup';
import { baselineApp } from './baseline';
import { accountWithCompanies } from './companies';

/**
 * The benchmark's servers, each in a process of its own so the load generator does not share their event
 * loop: `serve.ts sandbox COUNT ISO_NOW DELAY_MS` or `serve.ts apps SANDBOX_URL`. Prints one JSON line.
 */
const listen = (app: { listen: (port: number, host: string, done: () => void) => Server }) =>
  new Promise<string>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });

const main = async () => {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'sandbox') {
    const [count, now, delayMs] = args;
    const sandbox = createSandbox({
      file: null,
      initialState: accountWithCompanies(Number(count), new Date(now)),
      delayMs: Number(delayMs),
    });
    const { url } = await sandbox.listen();
    console.log(JSON.stringify({ url }));
    return;
  }
  const [hubspotUrl] = args;
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
  const backendUrl = await listen(backend.app);
  const baselineUrl = await listen(baselineApp(hubspotUrl, SANDBOX_ACCESS_TOKEN));
  console.log(JSON.stringify({ backendUrl, baselineUrl }));
};

void main();
