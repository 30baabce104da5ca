import { type Env, loadEnv } from '../../src/config/env';

export const HUBSPOT_TEST_URL = 'https://hubspot.test';
export const PUBLIC_BASE_URL = 'https://wtc.example.com';
export const CLIENT_SECRET = 'test-client-secret-123';
export const ACCESS_TOKEN = 'pat-test-access-token-456';
export const PORTAL_ID = '24681357';

export const testEnv = (overrides: Record<string, string> = {}): Env =>
  loadEnv({
    HUBSPOT_ACCESS_TOKEN: ACCESS_TOKEN,
    HUBSPOT_API_BASE_URL: HUBSPOT_TEST_URL,
    HUBSPOT_CLIENT_SECRET: CLIENT_SECRET,
    HUBSPOT_PORTAL_ID: PORTAL_ID,
    PUBLIC_BASE_URL,
    HUBSPOT_RETRY_BASE_MS: '5',
    HUBSPOT_TIMEOUT_MS: '2000',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
