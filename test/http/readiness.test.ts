import { PROPERTIES } from '@why-they-care/domain';
import { RATE_LIMIT_POLICY, rateLimitBody } from '@why-they-care/hubspot-contract';
import request from 'supertest';

import { createBackend } from '../../src/backend';
import { createReadinessCheck, READINESS_TTL_MS } from '../../src/http/readiness';
import { createLogger } from '../../src/lib/logger';
import { ACCESS_TOKEN, testEnv } from '../support/env';
import { interceptHubSpot } from '../support/nock-hubspot';

/** /readyz: 200 only when HubSpot answers with this token, at most one HubSpot call per instance per 10 s. */
const hubspot = interceptHubSpot();
const PROBE_PATH = `/crm/v3/properties/companies/${PROPERTIES.bucket.name}`;
const probe = () => hubspot().get(PROBE_PATH).matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`);
const app = () => createBackend({ env: testEnv({ HUBSPOT_MAX_ATTEMPTS: '1' }), logger: createLogger('silent') }).app;
const BUCKET_PROPERTY = { name: PROPERTIES.bucket.name, label: 'Why they care', type: 'enumeration' };

describe('/readyz', () => {
  it('answers 200, unsigned, when HubSpot accepts the token; a burst of probes makes one HubSpot call', async () => {
    probe().once().reply(200, BUCKET_PROPERTY);
    const server = app();
    const answers = await Promise.all([1, 2, 3].map(() => request(server).get('/readyz')));
    const later = await request(server).get('/readyz');
    for (const answer of [...answers, later]) {
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { status: 'ready' } });
    }
  });

  it.each([
    [
      401,
      'HUBSPOT_AUTH_FAILED',
      'HubSpot refused the access token: check HUBSPOT_ACCESS_TOKEN (the app must be installed)',
    ],
    [403, 'HUBSPOT_FORBIDDEN', 'The access token lacks the crm.schemas.companies.read scope: reinstall the app'],
    [404, 'HUBSPOT_NOT_FOUND', 'The app is not set up on this HubSpot account: run npm run setup'],
    [503, 'HUBSPOT_UNAVAILABLE', 'HubSpot is unavailable'],
  ])('answers 503 with the reason when HubSpot answers %i', async (status, code, message) => {
    probe().reply(status, { status: 'error', message: 'refused', correlationId: 'c-1' });
    const answer = await request(app()).get('/readyz');
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 503,
      body: { status: 'not_ready', error: { code, message } },
    });
  });

  it('counts a ten-second burst limit as ready: HubSpot took the token', async () => {
    probe().reply(429, rateLimitBody(RATE_LIMIT_POLICY.tenSecondly));
    expect((await request(app()).get('/readyz')).status).toBe(200);
  });
});

describe('the readiness check', () => {
  it('asks HubSpot again once its answer is older than the TTL, and not before', async () => {
    let now = 0;
    const hubspotAnswers = [false, true];
    const probeHubSpot = jest.fn(async () => {
      if (!hubspotAnswers.shift()) throw new Error('HubSpot down');
    });
    const check = createReadinessCheck({ probe: probeHubSpot, logger: createLogger('silent'), now: () => now });
    expect(await check()).toMatchObject({ ready: false });
    now = READINESS_TTL_MS - 1;
    expect(await check()).toMatchObject({ ready: false });
    now = READINESS_TTL_MS;
    expect(await check()).toEqual({ ready: true });
    expect(probeHubSpot).toHaveBeenCalledTimes(2);
  });
});
