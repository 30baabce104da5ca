import request from 'supertest';
import { hubspotSignatureV3 as signedByHubSpot } from '@why-they-care/hubspot-contract';

import { createBackend } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import { COMPANY_ID, companyResponse, draft, PROFILE_QUERY } from '../support/company-fixtures';
import { CLIENT_SECRET, PUBLIC_BASE_URL, testEnv } from '../support/env';
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

  describe('percent-escapes in the signed URL', () => {
    // HubSpot appends userEmail URL-encoded (%40); the card's own query can carry escapes too.
    const ESCAPED_PATH = `${PROFILE_PATH}?ref=q3%2Creview%3Ateam%2Fa%3Fb%27c%28d%29%21e%2Bf`;
    const EMAIL = 'pat.obrien+am@example.com';

    it("accepts a signature over the URL exactly as sent (HubSpot's own signer, api-client)", async () => {
      hubspot().get(`/crm/v3/objects/companies/${COMPANY_ID}`).query(PROFILE_QUERY).reply(200, companyResponse({}));
      const response = await signedRequest(app(), 'GET', ESCAPED_PATH, undefined, { userEmail: EMAIL });
      expect(response.status).toBe(200);
    });

    it("accepts a signature over HubSpot's documented decoded form (%3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B)", async () => {
      hubspot().get(`/crm/v3/objects/companies/${COMPANY_ID}`).query(PROFILE_QUERY).reply(200, companyResponse({}));
      const decoded =
        `${PROFILE_PATH}?ref=q3,review:team/a?b'c(d)!e%2Bf` +
        `&userId=77&userEmail=pat.obrien%2Bam@example.com&appId=9&portalId=24681357`;
      const response = await signedRequest(app(), 'GET', ESCAPED_PATH, undefined, {
        userEmail: EMAIL,
        signedPath: decoded,
      });
      expect(response.status).toBe(200);
    });

    it('refuses a signature over any other rewriting of the URL (everything decoded)', async () => {
      const response = await signedRequest(app(), 'GET', ESCAPED_PATH, undefined, {
        userEmail: EMAIL,
        signedPath: decodeURIComponent(withHubSpotQuery(ESCAPED_PATH, undefined, EMAIL)),
      });
      expectRejected(response, 'SIGNATURE_INVALID');
    });
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
    const signature = signedByHubSpot({
      clientSecret: CLIENT_SECRET,
      method: 'GET',
      uri: `${PUBLIC_BASE_URL}${path}`,
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

  describe('behind a proxy (no PUBLIC_BASE_URL)', () => {
    const path = withHubSpotQuery(PROFILE_PATH);
    /** A request signed for `origin`, arriving with these headers from the proxy in front. */
    const proxied = (backend: ReturnType<typeof app>, origin: string, headers: Record<string, string>) => {
      const timestamp = String(Date.now());
      const signature = signedByHubSpot({
        clientSecret: CLIENT_SECRET,
        method: 'GET',
        uri: `${origin}${path}`,
        body: '',
        timestamp,
      });
      return request(backend)
        .get(path)
        .set(headers)
        .set('X-HubSpot-Signature-v3', signature)
        .set('X-HubSpot-Request-Timestamp', timestamp);
    };
    const loadsOnce = () =>
      hubspot().get(`/crm/v3/objects/companies/${COMPANY_ID}`).query(PROFILE_QUERY).reply(200, companyResponse({}));

    it('rebuilds the public https URI from X-Forwarded-Proto when the proxy keeps the Host', async () => {
      loadsOnce();
      const response = await proxied(app({ PUBLIC_BASE_URL: '' }), PUBLIC_BASE_URL, {
        Host: 'wtc.example.com',
        'X-Forwarded-Proto': 'https',
      });
      expect(response.status).toBe(200);
    });

    it('takes the host from X-Forwarded-Host when TRUST_PROXY is on and the proxy rewrites Host', async () => {
      loadsOnce();
      const response = await proxied(app({ PUBLIC_BASE_URL: '' }), PUBLIC_BASE_URL, {
        Host: '10.0.3.7:3000',
        'X-Forwarded-Host': 'wtc.example.com',
        'X-Forwarded-Proto': 'https',
      });
      expect(response.status).toBe(200);
    });

    it('ignores X-Forwarded-Host and -Proto when TRUST_PROXY is off: the URI is the one the request arrived at', async () => {
      const untrusted = app({ PUBLIC_BASE_URL: '', TRUST_PROXY: 'false' });
      const forwarded = { Host: '10.0.3.7:3000', 'X-Forwarded-Host': 'wtc.example.com', 'X-Forwarded-Proto': 'https' };
      expectRejected(await proxied(untrusted, PUBLIC_BASE_URL, forwarded), 'SIGNATURE_INVALID');
      loadsOnce();
      expect((await proxied(untrusted, 'http://10.0.3.7:3000', forwarded)).status).toBe(200);
    });
  });

  it('leaves /healthz open and everything else under /api closed', async () => {
    expect((await request(app()).get('/healthz')).status).toBe(200);
    expectRejected(await request(app()).get('/api/anything'), 'SIGNATURE_MISSING');
  });
});
