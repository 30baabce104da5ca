import { randomBytes } from 'node:crypto';

import { createSandbox } from '@why-they-care/hubspot-sandbox';

import { loadSandboxEnv } from '../config/env';
import { asPortError } from '../lib/listen';
import { webhookTarget } from '../webhooks/webhook-subscriptions';
import { demoAccount } from './demo-account';
import { REMEMBERED_MODE, REMEMBERED_SHARE_SECRET, SANDBOX_ACCESS_TOKEN } from './sandbox-mode';
import { claimSandboxData } from './sandbox-owner';

const WORKFLOW_PASS_MS = 10 * 60 * 1000;

/**
 * Starts the sandbox on loopback with sandbox mode's token, from the demo account the first time, with
 * HubSpot's Professional rate limit unless SANDBOX_REQUESTS_PER_10S says otherwise.
 */
export const startSandbox = async (env: NodeJS.ProcessEnv = process.env) => {
  const settings = loadSandboxEnv(env);
  const sandbox = createSandbox({
    accessToken: SANDBOX_ACCESS_TOKEN,
    initialState: demoAccount(new Date()),
    file: settings.SANDBOX_DATA_FILE,
    requestsPer10s: settings.SANDBOX_REQUESTS_PER_10S,
  });
  const server = await sandbox.listen(settings.SANDBOX_PORT).catch((error: unknown) => {
    throw asPortError(error, settings.SANDBOX_PORT);
  });
  const release = claimSandboxData(settings.SANDBOX_DATA_FILE, server.url);
  const { state } = sandbox.store;
  if (!state.runnerSettings?.[REMEMBERED_SHARE_SECRET]) {
    state.runnerSettings = { ...state.runnerSettings, [REMEMBERED_SHARE_SECRET]: randomBytes(32).toString('hex') };
    sandbox.store.flush();
  }
  // Workflows react to each write; this pass moves delays (renewals) along as days go by.
  const timer = setInterval(() => sandbox.runWorkflows(), WORKFLOW_PASS_MS);
  timer.unref();
  return {
    ...server,
    /** Remembers the automation mode `npm start` runs with, for commands in other shells (see commandEnv). */
    rememberMode: (mode: 'workflows' | 'direct') => {
      sandbox.store.state.runnerSettings = { ...sandbox.store.state.runnerSettings, [REMEMBERED_MODE]: mode };
      sandbox.store.flush();
    },
    /**
     * Sends the app's webhooks to the backend at `backendUrl` (signed for `publicBaseUrl` when it is behind
     * one), with its client secret, for the properties the app's webhooks component subscribes to: what
     * deploying the app does in HubSpot.
     */
    sendWebhooksTo: (backend: { url: string; publicBaseUrl?: string; clientSecret: string }) =>
      sandbox.webhooks.configure(webhookTarget(backend)),
    close: () => (clearInterval(timer), release(), server.close()),
  };
};
