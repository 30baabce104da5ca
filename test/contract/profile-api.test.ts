import { type Profile } from '@why-they-care/domain';
import { RATE_LIMIT_POLICY, rateLimitBody } from '@why-they-care/hubspot-contract';

import { createBackend } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import {
  COMPANY_ID,
  companyResponse,
  draft,
  DRAFT_PROPERTIES,
  moveFacts,
  NOW,
  PROFILE_QUERY,
  SAVE_STAMP,
  storedProperties,
} from '../support/company-fixtures';
import { testEnv } from '../support/env';
import { interceptHubSpot } from '../support/nock-hubspot';
import { signedRequest } from '../support/signed';

const hubspot = interceptHubSpot();
const COMPANY_PATH = `/crm/v3/objects/companies/${COMPANY_ID}`;
const PROFILE_PATH = `/api/companies/${COMPANY_ID}/profile`;

const backend = () => createBackend({ env: testEnv(), logger: createLogger('silent'), now: () => NOW }).app;

/** The exact PATCH body for saving draft() over version 3 ("It's OK") as am@example.com: a move to "Who are you?". */
const EXPECTED_SAVE_BODY = {
  properties: {
    ...DRAFT_PROPERTIES,
    ...moveFacts('its_ok'),
    wtc_re_recruit_at: '2026-11-23T10:00:00.000Z',
    ...SAVE_STAMP,
  },
};

const saveRequest = (overrides: Record<string, unknown> = {}) => ({
  requestId: 'save-request-0001',
  expectedVersion: 3,
  profile: draft(),
  ...overrides,
});

describe('GET /api/companies/:id/profile', () => {
  it('loads a company never filled as an empty profile, in one HubSpot call', async () => {
    hubspot().get(COMPANY_PATH).query(PROFILE_QUERY).reply(200, companyResponse({}));
    const response = await signedRequest(backend(), 'GET', PROFILE_PATH);
    expect(response.status).toBe(200);
    const profile = response.body.profile as Profile;
    expect(profile).toMatchObject({
      companyId: COMPANY_ID,
      companyName: 'Acme Corp',
      version: 0,
      whyTheyCare: { bucket: null, answer: '' },
      successPlan: { steps: [] },
      bucketHistory: [],
    });
  });

  it('says who moved the bucket and when, from HubSpot property history', async () => {
    const history = {
      wtc_bucket: [
        { value: 'its_ok', timestamp: '2026-10-01T09:00:00.000Z', sourceType: 'INTEGRATION', sourceId: 'app' },
        { value: 'need_you', timestamp: '2026-03-01T09:00:00.000Z', sourceType: 'CRM_UI', updatedByUserId: 991 },
      ],
      wtc_last_reviewed_by: [
        { value: 'old@example.com', timestamp: '2026-10-01T09:00:00.000Z', sourceType: 'INTEGRATION' },
      ],
      wtc_version: [{ value: '3', timestamp: '2026-10-01T09:00:00.000Z', sourceType: 'INTEGRATION' }],
    };
    hubspot()
      .get(COMPANY_PATH)
      .query(PROFILE_QUERY)
      .reply(200, companyResponse(storedProperties(3), history));
    const response = await signedRequest(backend(), 'GET', PROFILE_PATH);
    expect(response.status).toBe(200);
    expect(response.body.profile.bucketHistory).toEqual([
      { bucket: 'its_ok', changedAt: '2026-10-01T09:00:00.000Z', changedBy: 'old@example.com' },
      { bucket: 'need_you', changedAt: '2026-03-01T09:00:00.000Z', changedBy: 'HubSpot user 991' },
    ]);
    expect(response.body.profile.version).toBe(3);
  });

  describe('who moved the bucket, whether or not HubSpot records a history entry for an unchanged value', () => {
    const T0 = '2026-03-01T09:00:00.000Z';
    const T1 = '2026-10-01T09:00:00.000Z';
    const T2 = '2026-10-02T09:00:00.000Z';
    const T3 = '2026-10-03T09:00:00.000Z';
    const entry = (value: string, timestamp: string) => ({
      value,
      timestamp,
      sourceType: 'INTEGRATION',
      sourceId: 'app',
    });
    /** ana saves twice (T1, T2: two moves), ben saves once (T3: an answer only), a HubSpot user moved it at T0. */
    const history = (unchangedValuesRecorded: boolean) => ({
      wtc_bucket: [
        ...(unchangedValuesRecorded ? [entry('who_are_you', T3)] : []),
        entry('who_are_you', T2),
        entry('its_ok', T1),
        { value: 'need_you', timestamp: T0, sourceType: 'CRM_UI', updatedByUserId: 991 },
      ],
      wtc_last_reviewed_by: [
        entry('ben@example.com', T3),
        ...(unchangedValuesRecorded ? [entry('ana@example.com', T2)] : []),
        entry('ana@example.com', T1),
      ],
      wtc_version: [entry('3', T3), entry('2', T2), entry('1', T1)],
    });

    it.each([
      ['records none', false],
      ['records one', true],
    ])(
      "HubSpot %s: both moves are ana's, the first a HubSpot user's, and a repeat is no move",
      async (_label, recorded) => {
        hubspot()
          .get(COMPANY_PATH)
          .query(PROFILE_QUERY)
          .reply(200, companyResponse(storedProperties(3), history(recorded)));
        const response = await signedRequest(backend(), 'GET', PROFILE_PATH);
        expect(response.body.profile.bucketHistory).toEqual([
          { bucket: 'who_are_you', changedAt: T2, changedBy: 'ana@example.com' },
          { bucket: 'its_ok', changedAt: T1, changedBy: 'ana@example.com' },
          { bucket: 'need_you', changedAt: T0, changedBy: 'HubSpot user 991' },
        ]);
      },
    );

    it('names the source of a move made by something other than the card (an import, a workflow)', async () => {
      const T4 = '2026-10-04T09:00:00.000Z';
      const imported = { value: 'its_ok', timestamp: T4, sourceType: 'IMPORT', sourceLabel: 'Import: Q4 survey' };
      hubspot()
        .get(COMPANY_PATH)
        .query(PROFILE_QUERY)
        .reply(
          200,
          companyResponse(storedProperties(3), {
            ...history(false),
            wtc_bucket: [imported, ...history(false).wtc_bucket],
          }),
        );
      const response = await signedRequest(backend(), 'GET', PROFILE_PATH);
      expect(response.body.profile.bucketHistory[0]).toEqual({
        bucket: 'its_ok',
        changedAt: T4,
        changedBy: 'Import: Q4 survey',
      });
    });
  });

  it('answers 404 for a company HubSpot does not know', async () => {
    hubspot().get(COMPANY_PATH).query(PROFILE_QUERY).reply(404, {
      status: 'error',
      message: 'Object not found',
      correlationId: 'c-404',
      category: 'OBJECT_NOT_FOUND',
    });
    const response = await signedRequest(backend(), 'GET', PROFILE_PATH);
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: 'COMPANY_NOT_FOUND' });
  });

  it('rejects a company id that is not a HubSpot id, without calling HubSpot', async () => {
    const response = await signedRequest(backend(), 'GET', '/api/companies/12ab/profile');
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ companyId: ['Company id must be a positive whole number'] });
  });

  it('retries a ten-secondly 429 and then succeeds', async () => {
    hubspot()
      .get(COMPANY_PATH)
      .query(PROFILE_QUERY)
      .reply(429, rateLimitBody(RATE_LIMIT_POLICY.tenSecondly))
      .get(COMPANY_PATH)
      .query(PROFILE_QUERY)
      .reply(200, companyResponse({}));
    const response = await signedRequest(backend(), 'GET', PROFILE_PATH);
    expect(response.status).toBe(200);
  });

  it('does not retry the daily limit: 503 with a clear message', async () => {
    hubspot().get(COMPANY_PATH).query(PROFILE_QUERY).reply(429, rateLimitBody(RATE_LIMIT_POLICY.daily));
    const response = await signedRequest(backend(), 'GET', PROFILE_PATH);
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('HUBSPOT_DAILY_LIMIT');
  });

  it('gives up after three 5xx with 502 and a correlation id', async () => {
    hubspot().get(COMPANY_PATH).query(PROFILE_QUERY).times(3).reply(502, '<html>Bad gateway</html>');
    const response = await signedRequest(backend(), 'GET', PROFILE_PATH);
    expect(response.status).toBe(502);
    expect(response.body.error.code).toBe('HUBSPOT_UNAVAILABLE');
    expect(response.body.error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('PUT /api/companies/:id/profile', () => {
  it('writes every property that differs from HubSpot, and the save stamp, in one PATCH; returns the saved profile', async () => {
    hubspot()
      .get(COMPANY_PATH)
      .query(PROFILE_QUERY)
      .reply(200, companyResponse(storedProperties(3)))
      .patch(COMPANY_PATH, EXPECTED_SAVE_BODY)
      .reply(200, { id: COMPANY_ID, properties: {} });
    const response = await signedRequest(backend(), 'PUT', PROFILE_PATH, saveRequest());
    expect(response.status).toBe(200);
    expect(response.body.result).toBe('saved');
    expect(response.body.profile).toMatchObject({
      version: 4,
      whyTheyCare: draft().whyTheyCare,
      derived: { quadrant: 'let_go', plan: { stepsTotal: 1, nextDueDate: '2026-11-30' } },
      review: { lastReviewedAt: '2026-11-23T10:00:00.000Z', lastReviewedBy: 'am@example.com' },
    });
    expect(response.body.profile.bucketHistory[0]).toEqual({
      bucket: 'who_are_you',
      changedAt: '2026-11-23T10:00:00.000Z',
      changedBy: 'am@example.com',
    });
  });

  it.each([
    [
      'a bucket move',
      { whyTheyCare: { ...draft().whyTheyCare, bucket: 'need_you', concerns: [] } },
      // Concerns describe the other buckets: a "We need you" answer has none.
      { wtc_bucket: 'need_you', wtc_concerns: '', ...moveFacts('who_are_you') },
    ],
    [
      'a plan step marked done',
      { successPlan: { steps: [{ ...draft().successPlan.steps[0], status: 'done' }] } },
      {
        wtc_plan_steps:
          '[{"id":"s1","title":"Map stakeholders","ownerSide":"us","ownerName":"Sam","dueDate":"2026-11-30","status":"done"}]',
        wtc_plan_steps_done: '1',
        wtc_plan_next_due: '',
        wtc_plan_next_due_us: '',
      },
    ],
  ])('PATCHes only what %s changed, plus the save stamp', async (_label, edit, changed) => {
    const stored = {
      ...EXPECTED_SAVE_BODY.properties,
      wtc_bucket_moved_at: '2026-09-01T08:00:00.000Z',
      wtc_bucket_moved_by: 'old@example.com',
      wtc_version: '3',
      wtc_last_save_id: 'older-save-000',
    };
    hubspot()
      .get(COMPANY_PATH)
      .query(PROFILE_QUERY)
      .reply(200, companyResponse(stored))
      .patch(COMPANY_PATH, {
        properties: { ...changed, ...SAVE_STAMP },
      })
      .reply(200, { id: COMPANY_ID, properties: {} });
    const response = await signedRequest(
      backend(),
      'PUT',
      PROFILE_PATH,
      saveRequest({ profile: { ...draft(), ...edit } }),
    );
    expect(response.status).toBe(200);
    expect(response.body.result).toBe('saved');
    expect(response.body.profile).toMatchObject({ version: 4, ...edit });
  });

  it('applies a retried request once: the second attempt writes nothing', async () => {
    hubspot()
      .get(COMPANY_PATH)
      .query(PROFILE_QUERY)
      .reply(200, companyResponse({ ...EXPECTED_SAVE_BODY.properties }));
    const response = await signedRequest(backend(), 'PUT', PROFILE_PATH, saveRequest());
    expect(response.status).toBe(200);
    expect(response.body.result).toBe('already_saved');
    expect(response.body.profile.version).toBe(4);
  });

  it('refuses a stale version with 409 and the current profile, writing nothing', async () => {
    hubspot()
      .get(COMPANY_PATH)
      .query(PROFILE_QUERY)
      .reply(200, companyResponse(storedProperties(5)));
    const response = await signedRequest(backend(), 'PUT', PROFILE_PATH, saveRequest());
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('VERSION_CONFLICT');
    expect(response.body.current).toMatchObject({
      version: 5,
      review: { lastReviewedBy: 'old@example.com', lastReviewedAt: '2026-10-01T09:00:00.000Z' },
    });
  });

  it('writes nothing when nothing changed (one HubSpot call)', async () => {
    const unchanged = { ...EXPECTED_SAVE_BODY.properties, wtc_version: '3', wtc_last_save_id: 'older-save-000' };
    hubspot().get(COMPANY_PATH).query(PROFILE_QUERY).reply(200, companyResponse(unchanged));
    const response = await signedRequest(backend(), 'PUT', PROFILE_PATH, saveRequest());
    expect(response.status).toBe(200);
    expect(response.body.result).toBe('unchanged');
    expect(response.body.profile.version).toBe(3);
  });

  it('answers 400 with a message per field and never calls HubSpot', async () => {
    const bad = saveRequest({
      expectedVersion: -1,
      profile: { ...draft(), health: { customerHappiness: 0, companyHappiness: 'high' }, renewalDate: '31/01/2027' },
    });
    const response = await signedRequest(backend(), 'PUT', PROFILE_PATH, bad);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: {
        expectedVersion: ['expectedVersion cannot be negative'],
        'profile.health.customerHappiness': ['Must be at least 1'],
        'profile.health.companyHappiness': ['Must be a score from 1 to 4'],
        'profile.renewalDate': ['Must be a real date in the form YYYY-MM-DD'],
      },
    });
  });

  it('refuses a plan too large for a HubSpot property before writing anything', async () => {
    // Control characters pass the length limits but take six characters each once stored as JSON.
    const escaped = '\u0001'.repeat(200);
    const steps = Array.from({ length: 50 }, (_, index) => ({
      id: `s${index}`,
      title: escaped,
      ownerSide: 'us',
      ownerName: escaped,
      dueDate: null,
      status: 'not_started',
    }));
    hubspot()
      .get(COMPANY_PATH)
      .query(PROFILE_QUERY)
      .reply(200, companyResponse(storedProperties(3)));
    const response = await signedRequest(
      backend(),
      'PUT',
      PROFILE_PATH,
      saveRequest({ profile: { ...draft(), successPlan: { steps } } }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.fields['profile.successPlan.steps'][0]).toMatch(
      /^Too long to store in HubSpot \(124691 characters, at most 65536\)/,
    );
  });

  it('gives up on a failing write with 502, so the card keeps the edits and can retry', async () => {
    hubspot()
      .get(COMPANY_PATH)
      .query(PROFILE_QUERY)
      .reply(200, companyResponse(storedProperties(3)))
      .patch(COMPANY_PATH, EXPECTED_SAVE_BODY)
      .times(3)
      .reply(503, { status: 'error', message: 'Service unavailable' });
    const response = await signedRequest(backend(), 'PUT', PROFILE_PATH, saveRequest());
    expect(response.status).toBe(502);
    expect(response.body.error.code).toBe('HUBSPOT_UNAVAILABLE');
  });
});
