import { resolve } from 'node:path';

import { ConfigError, loadCallEnv, loadEnv, loadSandboxEnv } from '../../src/config/env';

describe('configuration', () => {
  it('stops with a message naming every missing or bad variable', () => {
    const attempt = () =>
      loadEnv({
        HUBSPOT_ACCESS_TOKEN: 'pat-x',
        HUBSPOT_PORTAL_ID: 'acme',
        PORT: 'eighty',
        SUCCESS_MANAGERS_BY_TEAM: '{"11": "maria"}',
        REDIS_URL: 'localhost:6379',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'PORT: must be a port number (0-65535)',
        'HUBSPOT_CLIENT_SECRET: is required (the app client secret, Auth tab of the app)',
        'HUBSPOT_PORTAL_ID: must be the HubSpot account id (digits)',
        'SUCCESS_MANAGERS_BY_TEAM: must be JSON like {"<teamId>": "<ownerId>"}',
        'REDIS_URL: must be a URL like redis://redis:6379',
      ]);
    }
  });

  it('applies the documented defaults and treats blank variables as unset', () => {
    const env = loadEnv({
      HUBSPOT_ACCESS_TOKEN: 'pat-x',
      HUBSPOT_CLIENT_SECRET: 'secret-123',
      HUBSPOT_PORTAL_ID: '42',
      PUBLIC_BASE_URL: '',
      RENEWAL_LEAD_DAYS: '',
    });
    expect(env).toMatchObject({
      PORT: 3000,
      HUBSPOT_API_BASE_URL: 'https://api.hubapi.com',
      TRUST_PROXY: true,
      HUBSPOT_MAX_ATTEMPTS: 3,
      HUBSPOT_REQUESTS_PER_10S: 100,
      HUBSPOT_SEARCHES_PER_SECOND: 4,
      AUTOMATION_MODE: 'workflows',
      RENEWAL_LEAD_DAYS: 90,
      REVENUE_PROPERTY: 'total_revenue',
    });
    expect(env.PUBLIC_BASE_URL).toBeUndefined();
  });

  it('validates the sandbox and `npm run call` variables the same way', () => {
    expect(() => loadSandboxEnv({ SANDBOX_PORT: '31OO', SANDBOX_REQUESTS_PER_10S: '-1' })).toThrow(
      new ConfigError([
        'SANDBOX_PORT: must be a port number (0-65535)',
        'SANDBOX_REQUESTS_PER_10S: Too small: expected number to be >0',
      ]),
    );
    expect(() =>
      loadCallEnv({ BACKEND_URL: 'localhost:3000', HUBSPOT_CLIENT_SECRET: 'secret-123', HUBSPOT_PORTAL_ID: '42' }),
    ).toThrow(new ConfigError(['BACKEND_URL: must be a URL like http://localhost:3000']));
    expect(loadSandboxEnv({ SANDBOX_PORT: '', SANDBOX_DATA_FILE: '' })).toEqual({
      SANDBOX_PORT: 3100,
      SANDBOX_DATA_FILE: resolve('data/sandbox.json'),
      SANDBOX_REQUESTS_PER_10S: 190,
    });
  });
});
