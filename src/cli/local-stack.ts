import { randomBytes } from 'node:crypto';
import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { createSandbox, type SandboxOptions } from '@why-they-care/hubspot-sandbox';

import { createBackend, setupOptionsFrom } from '../backend';
import { loadEnv } from '../config/env';
import { type CallObserver } from '../hubspot/call';
import { createLogger } from '../lib/logger';
import { applySetup, planSetup } from '../setup/setup';
import { type ShareLimits } from '../share/share-limits';
import { webhookTarget } from '../webhooks/webhook-subscriptions';
import { demoAccount } from './demo-account';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from './sandbox-mode';

export type HubSpotCall = { operation: string; attempt: number; status: number | undefined };

/** Operations that change something in HubSpot, as the HubSpot access layer names them. */
export const isWrite = (call: HubSpotCall) =>
  /\.(create|createGroup|update|updateFilters|batchUpdate|batchCreate)$/.test(call.operation);

/**
 * The sandbox (from the demo account unless told otherwise) and the backend as real HTTP servers on
 * loopback, wired as `npm start` wires them, with every HubSpot call the backend makes recorded. For tests,
 * the benchmark and the preview's screenshots.
 */
export const startLocalStack = async (
  options: {
    env?: Record<string, string>;
    now?: () => Date;
    /** Run setup first, as `npm start` does (workflows on), so the app's properties, lists and workflows exist. */
    installApp?: boolean;
    shareLimits?: ShareLimits;
  } & Partial<Omit<SandboxOptions, 'file' | 'now' | 'accessToken'>> = {},
) => {
  const sandbox = createSandbox({
    accessToken: SANDBOX_ACCESS_TOKEN,
    file: null,
    now: options.now,
    initialState: options.initialState ?? demoAccount(options.now?.() ?? new Date()),
    delayMs: options.delayMs,
    requestsPer10s: options.requestsPer10s,
    searchesPerSecond: options.searchesPerSecond,
    searchLagMs: options.searchLagMs,
    historyOfUnchangedValues: options.historyOfUnchangedValues,
    webhookTimings: options.webhookTimings,
    journal: options.journal,
  });
  const hubspotServer = await sandbox.listen();
  const calls: HubSpotCall[] = [];
  const observe: CallObserver = (event) => calls.push(event);
  const env = loadEnv({
    HUBSPOT_ACCESS_TOKEN: SANDBOX_ACCESS_TOKEN,
    HUBSPOT_API_BASE_URL: hubspotServer.url,
    HUBSPOT_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
    HUBSPOT_PORTAL_ID: SANDBOX_PORTAL_ID,
    HUBSPOT_RETRY_BASE_MS: '5',
    // The sandbox enforces no limit unless asked to: do not let the client's budget slow tests down.
    HUBSPOT_REQUESTS_PER_10S: String(options.requestsPer10s ?? 1_000_000),
    ...(options.searchesPerSecond ? { HUBSPOT_SEARCHES_PER_SECOND: String(options.searchesPerSecond) } : {}),
    LOG_LEVEL: 'silent',
    SHARE_LINK_SECRET: randomBytes(32).toString('hex'),
    ...options.env,
  });
  const backend = createBackend({
    env,
    logger: createLogger(env.LOG_LEVEL),
    observe,
    now: options.now,
    shareLimits: options.shareLimits,
  });
  if (options.installApp) {
    await applySetup(await planSetup(backend.setupDeps, setupOptionsFrom(env, 'enable')));
    calls.length = 0;
  }
  // The first reading of the tag lists is done before the stack is handed over, so calls count from here.
  await backend.start();
  const http: Server = await new Promise((resolve) => {
    const listening = backend.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const backendUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  sandbox.webhooks.configure(
    webhookTarget({ url: backendUrl, publicBaseUrl: env.PUBLIC_BASE_URL, clientSecret: env.HUBSPOT_CLIENT_SECRET }),
  );
  return {
    sandbox,
    hubspotUrl: hubspotServer.url,
    backend,
    env,
    calls,
    backendUrl,
    stop: async () => {
      sandbox.webhooks.configure(null);
      backend.stop();
      await backend.coordination.close();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await hubspotServer.close();
    },
  };
};

export type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;
