import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { createBackend } from '../../src/backend';
import { loadEnv } from '../../src/config/env';
import { type CallObserver } from '../../src/hubspot/call';
import { createLogger } from '../../src/lib/logger';
import { createSandbox, SANDBOX_ACCESS_TOKEN, SANDBOX_PORTAL_ID } from '../../src/sandbox/server';
import { CLIENT_SECRET } from './env';

export type HubSpotCall = { operation: string; attempt: number; status: number | undefined };

/** Operations that change something in HubSpot, as named by the HubSpot access layer. */
export const isWrite = (call: HubSpotCall) =>
  /\.(create|createGroup|update|updateFilters|batchUpdate|batchCreate)$/.test(call.operation);

/**
 * The sandbox as a real HTTP server on loopback and the backend wired to it, as `npm start` does,
 * with every HubSpot call recorded.
 */
export const startSandboxBackend = async (env: Record<string, string> = {}, now?: () => Date) => {
  const sandbox = createSandbox({ file: null, now });
  const server = await sandbox.listen();
  const calls: HubSpotCall[] = [];
  const observe: CallObserver = (event) => calls.push(event);
  const backendEnv = loadEnv({
    HUBSPOT_ACCESS_TOKEN: SANDBOX_ACCESS_TOKEN,
    HUBSPOT_API_BASE_URL: server.url,
    HUBSPOT_CLIENT_SECRET: CLIENT_SECRET,
    HUBSPOT_PORTAL_ID: SANDBOX_PORTAL_ID,
    PUBLIC_BASE_URL: 'https://wtc.example.com',
    HUBSPOT_RETRY_BASE_MS: '5',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const backend = createBackend({ env: backendEnv, logger: createLogger('silent'), observe, now });
  const http: Server = await new Promise((resolve) => {
    const listening = backend.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    sandbox,
    backend,
    env: backendEnv,
    calls,
    backendUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    stop: async () => {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await server.close();
    },
  };
};
