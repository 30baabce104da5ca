import { RATE_LIMIT_POLICY, rateLimitBody, searchRateLimitBody } from '@why-they-care/hubspot-contract';

import { createBackend } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import { COMPANY_ID, companyResponse, draft, NOW, PROFILE_QUERY, storedProperties } from '../support/company-fixtures';
import { testEnv } from '../support/env';
import { interceptHubSpot } from '../support/nock-hubspot';
import { signedRequest } from '../support/signed';

/** HubSpot misbehaving in every way the backend must survive, with nothing half-written and safe repeats. */
const hubspot = interceptHubSpot();
const COMPANY_PATH = `/crm/v3/objects/companies/${COMPANY_ID}`;
const PROFILE_PATH = `/api/companies/${COMPANY_ID}/profile`;
const SAVE = { requestId: 'fault-save-0001', expectedVersion: 3, profile: draft() };

const app = () =>
  createBackend({ env: testEnv({ HUBSPOT_TIMEOUT_MS: '300' }), logger: createLogger('silent'), now: () => NOW }).app;
const read = () => hubspot().get(COMPANY_PATH).query(PROFILE_QUERY);
const TEN_SECONDLY = rateLimitBody(RATE_LIMIT_POLICY.tenSecondly);
const DAILY = rateLimitBody(RATE_LIMIT_POLICY.daily);
const SEARCH_SECONDLY = searchRateLimitBody();

describe('HubSpot faults on load', () => {
  it.each([
    ['a ten-secondly 429', 429, TEN_SECONDLY],
    ['a secondly 429', 429, SEARCH_SECONDLY],
    ['a 500', 500, { status: 'error', message: 'internal error' }],
    ['a 502 HTML page', 502, '<html>bad gateway</html>'],
    ['a 503', 503, { status: 'error', message: 'unavailable' }],
  ])('retries %s and succeeds', async (_label, status, body) => {
    read().reply(status, body);
    read().reply(200, companyResponse({}));
    expect((await signedRequest(app(), 'GET', PROFILE_PATH)).status).toBe(200);
  });

  it.each([
    ['the daily limit (never retried)', () => read().reply(429, DAILY), 503, 'HUBSPOT_DAILY_LIMIT'],
    ['three ten-secondly 429s', () => read().times(3).reply(429, TEN_SECONDLY), 503, 'HUBSPOT_RATE_LIMITED'],
    [
      'three connection resets',
      () => read().times(3).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' }),
      502,
      'HUBSPOT_UNAVAILABLE',
    ],
    [
      'three malformed JSON answers',
      () => read().times(3).reply(200, '{"id": "5150", "properties": {', { 'Content-Type': 'application/json' }),
      502,
      'HUBSPOT_UNAVAILABLE',
    ],
    [
      'an answer slower than the timeout',
      () => read().delay(1_000).reply(200, companyResponse({})),
      504,
      'HUBSPOT_TIMEOUT',
    ],
    [
      'a refused token',
      () =>
        read().reply(401, {
          status: 'error',
          message: 'Authentication credentials not found.',
          category: 'INVALID_AUTHENTICATION',
        }),
      502,
      'HUBSPOT_MISCONFIGURED',
    ],
  ])('gives up on %s with a clear error', async (_label, arrange, status, code) => {
    arrange();
    const response = await signedRequest(app(), 'GET', PROFILE_PATH);
    expect({ status: response.status, code: response.body.error.code }).toEqual({ status, code });
    expect(response.body.error.message).toMatch(/\S/);
  });
});

describe('HubSpot faults on save', () => {
  it('writes the whole profile in one PATCH or not at all, and the same request can simply be repeated', async () => {
    read().reply(200, companyResponse(storedProperties(3)));
    hubspot().patch(COMPANY_PATH).times(3).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    const failed = await signedRequest(app(), 'PUT', PROFILE_PATH, SAVE);
    expect(failed.status).toBe(502);

    read().reply(200, companyResponse(storedProperties(3)));
    hubspot()
      // The draft's 20 changed properties, the 4 facts of its move to "Who are you?", the 4 stamps.
      .patch(COMPANY_PATH, (body) => Object.keys(body.properties).length === 28)
      .reply(200, { id: COMPANY_ID, properties: {} });
    const repeated = await signedRequest(app(), 'PUT', PROFILE_PATH, SAVE);
    expect({ status: repeated.status, result: repeated.body.result }).toEqual({ status: 200, result: 'saved' });
  });

  it('recognises a repeat of a save that landed although its answer was lost', async () => {
    read().reply(200, companyResponse(storedProperties(3)));
    hubspot().patch(COMPANY_PATH).delay(1_000).reply(200, { id: COMPANY_ID, properties: {} });
    expect((await signedRequest(app(), 'PUT', PROFILE_PATH, SAVE)).status).toBe(504);

    read().reply(200, companyResponse({ ...storedProperties(4, SAVE.requestId), wtc_bucket: 'who_are_you' }));
    const repeated = await signedRequest(app(), 'PUT', PROFILE_PATH, SAVE);
    expect({ status: repeated.status, result: repeated.body.result }).toEqual({ status: 200, result: 'already_saved' });
  });

  it('retries a ten-secondly 429 on the write, then saves once', async () => {
    read().reply(200, companyResponse(storedProperties(3)));
    hubspot().patch(COMPANY_PATH).reply(429, TEN_SECONDLY);
    hubspot().patch(COMPANY_PATH).reply(200, { id: COMPANY_ID, properties: {} });
    const response = await signedRequest(app(), 'PUT', PROFILE_PATH, SAVE);
    expect({ status: response.status, result: response.body.result }).toEqual({ status: 200, result: 'saved' });
  });
});
