import { type Backend, createBackend } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import {
  COMPANY_ID,
  companyResponse,
  draft,
  NOW,
  PROFILE_QUERY,
  storedProperties,
  TAG_PROPERTIES_READ,
} from '../support/company-fixtures';
import { testEnv } from '../support/env';
import { interceptHubSpot } from '../support/nock-hubspot';
import { signedRequest } from '../support/signed';

/**
 * The account's tag lists: read in one call when the backend starts (then every few minutes in the
 * background), offered by the card with each profile, and the check on every save.
 */
const hubspot = interceptHubSpot();
const COMPANY_PATH = `/crm/v3/objects/companies/${COMPANY_ID}`;
const PROFILE_PATH = `/api/companies/${COMPANY_ID}/profile`;

let running: Backend | null = null;
let calls: string[] = [];
afterEach(() => running?.stop());

const start = () => {
  calls = [];
  running = createBackend({
    env: testEnv(),
    logger: createLogger('silent'),
    now: () => NOW,
    observe: (event) => calls.push(event.operation),
  });
  running.start();
  return running;
};

describe('the tag lists', () => {
  it('are read once at start, hidden options left out, and come with every profile the card loads', async () => {
    const answer = TAG_PROPERTIES_READ.answer({ valueThemes: ['saves_time'], concerns: ['price', 'legacy'] });
    const concerns = answer.results[1];
    if (concerns?.options[1]) concerns.options[1].hidden = true;
    hubspot().post(TAG_PROPERTIES_READ.path, TAG_PROPERTIES_READ.body).reply(200, answer);
    const backend = start();
    hubspot()
      .get(COMPANY_PATH)
      .query(PROFILE_QUERY)
      .reply(200, companyResponse(storedProperties(3)));
    const response = await signedRequest(backend.app, 'GET', PROFILE_PATH);
    expect(response.status).toBe(200);
    expect(response.body.profile.tagOptions).toEqual({
      valueThemes: [{ value: 'saves_time', label: 'saves_time' }],
      concerns: [{ value: 'price', label: 'price' }],
    });
    expect(calls).toEqual(['properties.batchRead', 'companies.get']);
  });

  it('refuse a save with a tag outside them, before anything is written', async () => {
    hubspot().post(TAG_PROPERTIES_READ.path, TAG_PROPERTIES_READ.body).reply(200, TAG_PROPERTIES_READ.answer());
    const backend = start();
    hubspot()
      .get(COMPANY_PATH)
      .query(PROFILE_QUERY)
      .reply(200, companyResponse(storedProperties(3)));
    const profile = { ...draft(), whyTheyCare: { ...draft().whyTheyCare, concerns: ['price', 'weather'] } };
    const response = await signedRequest(backend.app, 'PUT', PROFILE_PATH, {
      requestId: 'save-request-0001',
      expectedVersion: 3,
      profile,
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: {
        'profile.whyTheyCare.concerns': ['Not in the list of "What worries them" (ask your HubSpot admin): weather'],
      },
    });
  });

  it('are unknown (null) while the properties are missing: the card says so, HubSpot checks the options', async () => {
    hubspot()
      .post(TAG_PROPERTIES_READ.path, TAG_PROPERTIES_READ.body)
      .reply(200, { ...TAG_PROPERTIES_READ.answer(), results: [] });
    const backend = start();
    hubspot().get(COMPANY_PATH).query(PROFILE_QUERY).reply(200, companyResponse({}));
    const response = await signedRequest(backend.app, 'GET', PROFILE_PATH);
    expect(response.body.profile.tagOptions).toBeNull();
  });
});
