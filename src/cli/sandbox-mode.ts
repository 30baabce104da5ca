import { readFileSync } from 'node:fs';

import { type SandboxState } from '@why-they-care/hubspot-sandbox';

import { isSandboxMode, loadSandboxEnv, sandboxUrl, withoutBlanks } from '../config/env';

/**
 * Sandbox mode's account: the token the sandbox accepts, the demo account's id, and the client secret the
 * backend verifies (and the preview and `npm run call` sign with). Only strings here: the production
 * commands fall back to sandbox mode through this module, and the sandbox itself never enters their build.
 */
export const SANDBOX_ACCESS_TOKEN = 'sandbox-access-token';
export const SANDBOX_CLIENT_SECRET = 'sandbox-client-secret';
export const SANDBOX_PORTAL_ID = '1234567';

/** The setting `npm start` keeps with the sandbox's data for commands in other shells. */
export const REMEMBERED_MODE = 'AUTOMATION_MODE';

/**
 * The shared-plan links' secret sandbox mode generates once and keeps with the sandbox's data, so links
 * outlive a restart of `npm start` and die with a reset (with the companies they point at).
 */
export const REMEMBERED_SHARE_SECRET = 'SHARE_LINK_SECRET';

/** Where the sandbox keeps its state between runs (SANDBOX_DATA_FILE, default data/sandbox.json). */
export const sandboxFile = (env: NodeJS.ProcessEnv = process.env) => loadSandboxEnv(env).SANDBOX_DATA_FILE;

/** A setting `npm start` keeps with the sandbox's data (its AUTOMATION_MODE, its share secret), if any. */
const remembered = (env: NodeJS.ProcessEnv, setting: string): string | undefined => {
  try {
    return (JSON.parse(readFileSync(sandboxFile(env), 'utf8')) as SandboxState).runnerSettings?.[setting];
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
        AUTOMATION_MODE: remembered(env, REMEMBERED_MODE) ?? 'direct',
        SHARE_LINK_SECRET: remembered(env, REMEMBERED_SHARE_SECRET),
        DEFAULT_SUCCESS_MANAGER_ID: '501',
        SUCCESS_MANAGERS_BY_TEAM: JSON.stringify({ 11: '501', 22: '504' }),
        // A client secret of the caller's own wins: the sandbox accepts any.
        HUBSPOT_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
        ...withoutBlanks(env),
        HUBSPOT_ACCESS_TOKEN: SANDBOX_ACCESS_TOKEN,
        HUBSPOT_API_BASE_URL: sandboxUrl(env),
        HUBSPOT_PORTAL_ID: SANDBOX_PORTAL_ID,
      }
    : env;
