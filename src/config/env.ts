import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

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

/** Every setting the backend reads, validated once at start. `.env.example` documents each one. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HUBSPOT_ACCESS_TOKEN: required('the app access token').min(1, 'is required'),
  HUBSPOT_API_BASE_URL: z.url().default('https://api.hubapi.com'),
  HUBSPOT_CLIENT_SECRET: required('the app client secret, Auth tab of the app').min(
    8,
    'must be the app client secret (Auth tab of the app)',
  ),
  HUBSPOT_PORTAL_ID: required('the HubSpot account id').regex(/^\d+$/, 'must be the HubSpot account id (digits)'),
  PUBLIC_BASE_URL: z.url().optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  HUBSPOT_TIMEOUT_MS: positiveInt(8_000),
  HUBSPOT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(6).default(3),
  HUBSPOT_RETRY_BASE_MS: positiveInt(500),
  HUBSPOT_REQUESTS_PER_10S: positiveInt(100),
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
  SUCCESS_MANAGERS_BY_TEAM: jsonRecord.optional(),
  DEFAULT_SUCCESS_MANAGER_ID: z.string().regex(/^\d+$/, 'must be a HubSpot owner id').optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Blank variables count as unset, so `FOO=` in a .env file falls back to the default. */
export const loadEnv = (source: NodeJS.ProcessEnv = process.env): Env => {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
};
