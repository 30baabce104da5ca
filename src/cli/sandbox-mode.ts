import { readFileSync } from 'node:fs';

import { isSandboxMode, loadSandboxEnv, sandboxUrl, withoutBlanks } from '../config/env';
import { createSandbox, SANDBOX_ACCESS_TOKEN, SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../sandbox/server';
import { type SandboxState } from '../sandbox/store';
import { claimSandboxData } from './sandbox-owner';

/** Where the sandbox keeps its state between runs (SANDBOX_DATA_FILE, default data/sandbox.json). */
export const sandboxFile = (env: NodeJS.ProcessEnv = process.env) => loadSandboxEnv(env).SANDBOX_DATA_FILE;
const WORKFLOW_PASS_MS = 10 * 60 * 1000;

/** The AUTOMATION_MODE `npm start` last ran the sandbox with, if it did since the last reset. */
const rememberedMode = (env: NodeJS.ProcessEnv): SandboxState['automationMode'] => {
  try {
    return (JSON.parse(readFileSync(sandboxFile(env), 'utf8')) as SandboxState).automationMode;
  } catch {
    return undefined; // no sandbox yet
  }
};

/**
 * The environment every command runs with: the caller's when it names a HubSpot account, else one
 * that points at the sandbox `npm start` runs (in the automation mode it was started with, direct by
 * default; demo managers per team). Blank variables count as unset here too, as in loadEnv.
 */
export const commandEnv = (env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv =>
  isSandboxMode(env)
    ? {
        AUTOMATION_MODE: rememberedMode(env) ?? 'direct',
        DEFAULT_SUCCESS_MANAGER_ID: '501',
        SUCCESS_MANAGERS_BY_TEAM: JSON.stringify({ 11: '501', 22: '504' }),
        ...withoutBlanks(env),
        HUBSPOT_ACCESS_TOKEN: SANDBOX_ACCESS_TOKEN,
        HUBSPOT_API_BASE_URL: sandboxUrl(env),
        HUBSPOT_CLIENT_SECRET: env.HUBSPOT_CLIENT_SECRET || SANDBOX_CLIENT_SECRET,
        HUBSPOT_PORTAL_ID: SANDBOX_PORTAL_ID,
      }
    : env;

/** Starts the sandbox on loopback, with HubSpot's Professional rate limit unless SANDBOX_REQUESTS_PER_10S says otherwise. */
export const startSandbox = async (env: NodeJS.ProcessEnv = process.env) => {
  const settings = loadSandboxEnv(env);
  const sandbox = createSandbox({
    file: settings.SANDBOX_DATA_FILE,
    requestsPer10s: settings.SANDBOX_REQUESTS_PER_10S,
  });
  const server = await sandbox.listen(settings.SANDBOX_PORT);
  const release = claimSandboxData(settings.SANDBOX_DATA_FILE, server.url);
  // Workflows react to each write; this pass moves delays (renewals) along as days go by.
  const timer = setInterval(() => sandbox.runWorkflows(), WORKFLOW_PASS_MS);
  timer.unref();
  return {
    ...server,
    /** Remembers the automation mode `npm start` runs with, for commands in other shells (see commandEnv). */
    rememberMode: (mode: 'workflows' | 'direct') => {
      sandbox.store.state.automationMode = mode;
      sandbox.store.flush();
    },
    close: () => (clearInterval(timer), release(), server.close()),
  };
};
