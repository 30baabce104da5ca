import { resolve } from 'node:path';

import { z } from 'zod';

import { PLAY_VALUES, DEFAULT_PLAYS, type Play } from '@why-they-care/domain';

import { AppError } from '../lib/app-error';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number (0-65535)' })
    .int('must be a port number (0-65535)')
    .min(0, 'must be a port number (0-65535)')
    .max(65_535, 'must be a port number (0-65535)')
    .default(fallback);

/** An http(s) origin: `z.url()` alone would take `localhost:3000` as a URL with the scheme `localhost:`. */
const httpUrl = (example: string) => z.url({ protocol: /^https?$/, error: `must be a URL like ${example}` });

export const DEFAULT_HUBSPOT_API_BASE_URL = 'https://api.hubapi.com';

/** A variable that must be set: says "is required" rather than zod's type message when it is missing. */
const required = (hint: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `is required (${hint})` : 'must be text') });

const jsonRecord = z.string().transform((text, context) => {
  try {
    const parsed: unknown = JSON.parse(text);
    const result = z.record(z.string(), z.string().regex(/^\d+$/)).safeParse(parsed);
    if (result.success) return result.data;
  } catch {
    // reported below
  }
  context.addIssue({ code: 'custom', message: 'must be JSON like {"<teamId>": "<ownerId>"}' });
  return z.NEVER;
});

/** The bucket plays turned on: a comma-separated list of their names, or `none`. */
const playList = z
  .string()
  .transform((text, context): Play[] => {
    const names = text
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '' && name !== 'none');
    const unknown = names.filter((name) => !(PLAY_VALUES as readonly string[]).includes(name));
    if (unknown.length) {
      context.addIssue({
        code: 'custom',
        message: `unknown play ${unknown.join(', ')}: use none or any of ${PLAY_VALUES.join(', ')}`,
      });
      return z.NEVER;
    }
    return PLAY_VALUES.filter((play) => names.includes(play));
  })
  .default([...DEFAULT_PLAYS]);

/** Every setting the backend reads, validated once at start. `.env.example` documents each one. */
export const envSchema = z.object({
  PORT: port(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HUBSPOT_ACCESS_TOKEN: required('the app access token').min(1, 'is required'),
  HUBSPOT_API_BASE_URL: httpUrl(DEFAULT_HUBSPOT_API_BASE_URL).default(DEFAULT_HUBSPOT_API_BASE_URL),
  HUBSPOT_CLIENT_SECRET: required('the app client secret, Auth tab of the app').min(
    8,
    'must be the app client secret (Auth tab of the app)',
  ),
  HUBSPOT_PORTAL_ID: required('the HubSpot account id').regex(/^\d+$/, 'must be the HubSpot account id (digits)'),
  PUBLIC_BASE_URL: httpUrl('https://why-they-care.example.com').optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  HUBSPOT_TIMEOUT_MS: positiveInt(8_000),
  HUBSPOT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(6).default(3),
  HUBSPOT_RETRY_BASE_MS: positiveInt(500),
  HUBSPOT_REQUESTS_PER_10S: positiveInt(100),
  /** CRM searches a second (HubSpot allows five per account; four leaves room for another app's search). */
  HUBSPOT_SEARCHES_PER_SECOND: positiveInt(4),
  AUTOMATION_MODE: z.enum(['workflows', 'direct']).default('workflows'),
  AUTOMATION_DAILY_AT_UTC: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (UTC)')
    .optional(),
  RENEWAL_LEAD_DAYS: positiveInt(90),
  RENEWAL_DATE_PROPERTY: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .optional(),
  /** The company number property the home page sums per bucket (HubSpot's calculated closed-won total). */
  REVENUE_PROPERTY: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('total_revenue'),
  SUCCESS_MANAGERS_BY_TEAM: jsonRecord.optional(),
  DEFAULT_SUCCESS_MANAGER_ID: z.string().regex(/^\d+$/, 'must be a HubSpot owner id').optional(),
  /** Signs the links to plans shared with customers; unset, sharing is off (sandbox mode generates one). */
  SHARE_LINK_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  SHARE_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Set when more than one instance runs: they share the rate budget, locks and schedule through it. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a URL like redis://redis:6379' }).optional(),
  PLAYS: playList,
});

export type Env = z.infer<typeof envSchema>;

/** Sandbox mode and `npm run sandbox`: the embedded HubSpot stand-in. */
export const sandboxEnvSchema = z.object({
  SANDBOX_PORT: port(3100),
  SANDBOX_DATA_FILE: z
    .string()
    .default('data/sandbox.json')
    .transform((file) => resolve(file)),
  SANDBOX_REQUESTS_PER_10S: positiveInt(190),
});

/** `npm run call`: which backend to call, and the account and secret to sign for. */
export const callEnvSchema = envSchema
  .pick({ PORT: true, HUBSPOT_CLIENT_SECRET: true, HUBSPOT_PORTAL_ID: true })
  .extend({ BACKEND_URL: httpUrl('http://localhost:3000').optional() });

/** `npm run bench`: seconds per load round. */
export const benchEnvSchema = z.object({ BENCH_LOAD_SECONDS: positiveInt(8) });

/** Browser tests and `npm run screenshots`: Debian's Chromium unless told otherwise (never a downloaded one). */
export const browserEnvSchema = z.object({ CHROMIUM_PATH: z.string().default('/usr/bin/chromium') });

/** What a command needs to say where it looked for HubSpot when HubSpot does not answer. */
const hubspotTargetSchema = envSchema.pick({ HUBSPOT_API_BASE_URL: true });

export type ConfigErrorCode = 'CONFIG_INVALID';

export class ConfigError extends AppError<ConfigErrorCode> {
  constructor(readonly problems: string[]) {
    super('CONFIG_INVALID', `Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Blank variables count as unset, so `FOO=` in a .env file falls back to the default. */
export const withoutBlanks = (source: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );

/** A loader for one schema: reads the environment (or `source`), blanks as unset, or throws a ConfigError. */
export const envLoader =
  <Schema extends z.ZodType>(schema: Schema) =>
  (source: NodeJS.ProcessEnv = process.env): z.infer<Schema> => {
    const result = schema.safeParse(withoutBlanks(source));
    if (result.success) return result.data;
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  };

export const loadEnv = envLoader(envSchema);
export const loadSandboxEnv = envLoader(sandboxEnvSchema);
export const loadCallEnv = envLoader(callEnvSchema);
export const loadBenchEnv = envLoader(benchEnvSchema);
export const loadBrowserEnv = envLoader(browserEnvSchema);
export const loadHubSpotTarget = envLoader(hubspotTargetSchema);

/** No access token means no HubSpot account: the embedded sandbox stands in for it. */
export const isSandboxMode = (source: NodeJS.ProcessEnv = process.env) =>
  withoutBlanks(source).HUBSPOT_ACCESS_TOKEN === undefined;

export const sandboxUrl = (source: NodeJS.ProcessEnv = process.env) =>
  `http://127.0.0.1:${loadSandboxEnv(source).SANDBOX_PORT}`;
