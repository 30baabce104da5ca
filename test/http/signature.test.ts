import request from 'supertest';

import { createBackend } from '../../src/backend';
import { signV3 } from '../../src/http/signature';
import { createLogger } from '../../src/lib/logger';
import { COMPANY_ID, companyResponse, draft, PROFILE_QUERY } from '../support/company-fixtures';
import { CLIENT_SECRET, testEnv } from '../support/env';
import { interceptHubSpot } from '../support/nock-hubspot';
import { signedRequest, withHubSpotQuery } from '../support/signed';

const hubspot = interceptHubSpot();
const PROFILE_PATH = `/api/companies/${COMPANY_ID}/profile`;
const SAVE = { requestId: 'save-request-0001', expectedVersion: 0, profile: draft() };

const app = (env: Record<string, string> = {}) =>
  createBackend({ env: testEnv(env), logger: createLogger('silent') }).app;

const expectRejected = (response: request.Response, code: string, status = 401) => {
  expect(response.status).toBe(status);
  expect(response.body.error.code).toBe(code);
};

describe('X-HubSpot-Signature-v3', () => {
  it('accepts a request HubSpot signed', async () => {
    hubspot().get(`/crm/v3/objects/companies/${COMPANY_ID}`).query(PROFILE_QUERY).reply(200, companyResponse({}));
    const response = await signedRequest(app(), 'GET', PROFILE_PATH);
    expect(response.status).toBe(200);
  });

  it('accepts the signed URI with the escapes HubSpot decodes (userEmail=%40)', async () => {
    hubspot().get(`/crm/v3/objects/companies/${COMPANY_ID}`).query(PROFILE_QUERY).reply(200, companyResponse({}));
    const response = await signedRequest(app(), 'GET', PROFILE_PATH, undefined, {
      userEmail: "o'brien+am@example.com",
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['another method', { signedMethod: 'POST' }],
    ['another path', { signedPath: withHubSpotQuery(`/api/companies/999/profile`) }],
    ['another query', { signedPath: withHubSpotQuery(PROFILE_PATH, '11111111') }],
    ['another secret', { secret: 'not-the-client-secret' }],
  ])('rejects a GET signed over %s', async (_label, options) => {
    expectRejected(await signedRequest(app(), 'GET', PROFILE_PATH, undefined, options), 'SIGNATURE_INVALID');
  });

  it('rejects a body other than the one signed (replayed with another body)', async () => {
    const response = await signedRequest(app(), 'PUT', PROFILE_PATH, SAVE, {
      signedBody: JSON.stringify({ ...SAVE, expectedVersion: 1 }),
    });
    expectRejected(response, 'SIGNATURE_INVALID');
  });

  it.each([
    ['six minutes old', -6 * 60_000],
    ['six minutes in the future', 6 * 60_000],
  ])('rejects a timestamp %s', async (_label, offset) => {
    const response = await signedRequest(app(), 'GET', PROFILE_PATH, undefined, { timestamp: Date.now() + offset });
    expectRejected(response, 'SIGNATURE_EXPIRED');
  });

  it('rejects a timestamp that was changed after signing', async () => {
    const path = withHubSpotQuery(PROFILE_PATH);
    const signedAt = String(Date.now());
    const signature = signV3({
      clientSecret: CLIENT_SECRET,
      method: 'GET',
      uri: `https://wtc.example.com${path}`,
      body: '',
      timestamp: signedAt,
    });
    const response = await request(app())
      .get(path)
      .set('X-HubSpot-Signature-v3', signature)
      .set('X-HubSpot-Request-Timestamp', String(Number(signedAt) - 1000));
    expectRejected(response, 'SIGNATURE_INVALID');
  });

  it.each([
    ['no headers', {}],
    ['no timestamp', { 'X-HubSpot-Signature-v3': 'abc' }],
    ['no signature', { 'X-HubSpot-Request-Timestamp': String(Date.now()) }],
  ])('rejects a request with %s', async (_label, headers) => {
    const response = await request(app()).get(withHubSpotQuery(PROFILE_PATH)).set(headers);
    expectRejected(response, 'SIGNATURE_MISSING');
  });

  it('answers 403 to a signed request for another HubSpot account', async () => {
    const response = await signedRequest(app(), 'GET', PROFILE_PATH, undefined, { portalId: '99999999' });
    expectRejected(response, 'WRONG_ACCOUNT', 403);
  });

  it('rebuilds the public https URI behind a TLS-terminating proxy when no PUBLIC_BASE_URL is set', async () => {
    hubspot().get(`/crm/v3/objects/companies/${COMPANY_ID}`).query(PROFILE_QUERY).reply(200, companyResponse({}));
    const withoutPublicUrl = app({ PUBLIC_BASE_URL: '' });
    const path = withHubSpotQuery(PROFILE_PATH);
    const timestamp = String(Date.now());
    const signature = signV3({
      clientSecret: CLIENT_SECRET,
      method: 'GET',
      uri: `https://wtc.example.com${path}`,
      body: '',
      timestamp,
    });
    const response = await request(withoutPublicUrl)
      .get(path)
      .set('Host', 'wtc.example.com')
      .set('X-Forwarded-Proto', 'https')
      .set('X-HubSpot-Signature-v3', signature)
      .set('X-HubSpot-Request-Timestamp', timestamp);
    expect(response.status).toBe(200);
  });

  it('leaves /healthz open and everything else under /api closed', async () => {
    expect((await request(app()).get('/healthz')).status).toBe(200);
    expectRejected(await request(app()).get('/api/anything'), 'SIGNATURE_MISSING');
  });
});
