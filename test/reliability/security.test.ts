import request from 'supertest';

import { createBackend } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import { COMPANY_ID, companyResponse, draft, NOW, PROFILE_QUERY } from '../support/company-fixtures';
import { ACCESS_TOKEN, CLIENT_SECRET, testEnv } from '../support/env';
import { interceptHubSpot } from '../support/nock-hubspot';
import { capturedLogs } from '../support/logs';
import { signedRequest, type SignOptions } from '../support/signed';

const hubspot = interceptHubSpot();

const ROUTES = [
  { method: 'GET' as const, path: `/api/companies/${COMPANY_ID}/profile`, body: undefined },
  {
    method: 'PUT' as const,
    path: `/api/companies/${COMPANY_ID}/profile`,
    body: { requestId: 'sec-save-00001', expectedVersion: 0, profile: draft() },
  },
  { method: 'GET' as const, path: '/api/companies', body: undefined },
  { method: 'POST' as const, path: '/api/anything/else', body: { hello: 'world' } },
];

const FORGERIES: [string, SignOptions][] = [
  ['signed with another secret', { secret: 'not-the-secret-at-all' }],
  ['signed six minutes ago', { timestamp: Date.now() - 6 * 60_000 }],
  ['signed six minutes ahead', { timestamp: Date.now() + 6 * 60_000 }],
  ['signed for another path', { signedPath: '/api/companies/1/profile?portalId=24681357' }],
  ['signed for another method', { signedMethod: 'DELETE' }],
  ['signed over another body', { signedBody: '{"tampered":true}' }],
];

describe('every /api route is closed to unsigned and forged requests', () => {
  const app = createBackend({ env: testEnv(), logger: createLogger('silent'), now: () => NOW }).app;

  describe.each(ROUTES)('$method $path', ({ method, path, body }) => {
    it('refuses a request with no signature', async () => {
      const agent = request(app);
      const send = { GET: agent.get, PUT: agent.put, POST: agent.post }[method].bind(agent);
      const response = await send(`${path}?portalId=24681357`).send(body);
      expect([response.status, response.body.error.code]).toEqual([401, 'SIGNATURE_MISSING']);
    });

    it.each(FORGERIES)('refuses a request %s', async (_label, options) => {
      const response = await signedRequest(app, method, path, body, options);
      expect(response.status).toBe(401);
      expect(['SIGNATURE_INVALID', 'SIGNATURE_EXPIRED']).toContain(response.body.error.code);
    });
  });

  it('answers /healthz without a signature, and nothing else', async () => {
    expect((await request(app).get('/healthz')).status).toBe(200);
    for (const path of ['/', '/api', '/metrics', '/admin', '/api/companies/1/profile']) {
      const response = await request(app).get(path);
      expect([401, 404]).toContain(response.status);
      expect(response.body.error.code).toMatch(/^(SIGNATURE_MISSING|NOT_FOUND)$/);
    }
  });

  it('sends helmet security headers and no x-powered-by', async () => {
    const response = await request(app).get('/healthz');
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('secrets stay secret', () => {
  it('writes neither the access token nor the client secret in any log line or error body', async () => {
    const { lines, logger } = capturedLogs();
    const app = createBackend({ env: testEnv({ LOG_LEVEL: 'trace' }), logger, now: () => NOW }).app;
    hubspot().get(`/crm/v3/objects/companies/${COMPANY_ID}`).query(PROFILE_QUERY).reply(401, {
      status: 'error',
      message: 'Authentication credentials not found.',
      category: 'INVALID_AUTHENTICATION',
    });
    hubspot().get(`/crm/v3/objects/companies/${COMPANY_ID}`).query(PROFILE_QUERY).times(3).reply(500, 'oops');
    hubspot().get(`/crm/v3/objects/companies/${COMPANY_ID}`).query(PROFILE_QUERY).reply(200, companyResponse({}));

    const bodies = [
      await signedRequest(app, 'GET', `/api/companies/${COMPANY_ID}/profile`),
      await signedRequest(app, 'GET', `/api/companies/${COMPANY_ID}/profile`),
      await signedRequest(app, 'GET', `/api/companies/${COMPANY_ID}/profile`),
      await signedRequest(app, 'GET', `/api/companies/${COMPANY_ID}/profile`, undefined, {
        secret: 'wrong-secret-value',
      }),
      await signedRequest(app, 'PUT', `/api/companies/${COMPANY_ID}/profile`, { requestId: 'x' }),
    ].map((response) => JSON.stringify(response.body));

    expect(lines.length).toBeGreaterThan(5);
    const everything = [...lines, ...bodies].join('\n');
    expect(everything).toContain('HUBSPOT_MISCONFIGURED');
    expect(everything).not.toContain(ACCESS_TOKEN);
    expect(everything).not.toContain(CLIENT_SECRET);
  });
});
