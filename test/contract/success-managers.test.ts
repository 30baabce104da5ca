import { type SaveProfileRequest } from '@why-they-care/domain';

import { type Backend, createBackend } from '../../src/backend';
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
  TAG_PROPERTIES_READ,
} from '../support/company-fixtures';
import { testEnv } from '../support/env';
import { interceptHubSpot } from '../support/nock-hubspot';
import { signedRequest } from '../support/signed';

/**
 * The success manager of a company, with SUCCESS_MANAGERS_BY_TEAM: the owners are listed when the backend
 * starts and refreshed in the background, so every save stays at two HubSpot calls, cold or warm.
 */
const hubspot = interceptHubSpot();
const COMPANY_PATH = `/crm/v3/objects/companies/${COMPANY_ID}`;
const PROFILE_PATH = `/api/companies/${COMPANY_ID}/profile`;

const owner = (id: string, teamId: string) => ({
  id,
  email: `owner${id}@example.com`,
  type: 'PERSON',
  archived: false,
  teams: [{ id: teamId, name: `Team ${teamId}`, primary: true }],
});
/** Owner 502 in team 11 (mapped to manager 501), owner 503 in team 22 (not mapped). */
const OWNERS = { results: [owner('502', '11'), owner('503', '22')] };
const ownersListed = (body: typeof OWNERS = OWNERS, delayMs = 0) =>
  hubspot().get('/crm/v3/owners/').query({ limit: '100', archived: 'false' }).delay(delayMs).reply(200, body);

/** A company owned by 502 and saved before at version 3, with `extra` stored on top. */
const storedCompany = (extra: Record<string, string> = {}) =>
  companyResponse({ ...storedProperties(3), hubspot_owner_id: '502', ...extra });

/** Only the answer changes: no re-recruit task is due. */
const answerOnly: SaveProfileRequest = {
  requestId: 'save-request-0001',
  expectedVersion: 3,
  profile: { ...draft(), whyTheyCare: { ...draft().whyTheyCare, bucket: 'its_ok', answer: 'It is fine, mostly.' } },
};
/** Moves the company from "It's OK" to "Who are you?". */
const reRecruitMove = { ...answerOnly, profile: { ...answerOnly.profile, whyTheyCare: draft().whyTheyCare } };

/**
 * "It's OK" with the draft's concern (price) that no step of ours addresses: an open concern, named as the
 * account labels it (TAG_PROPERTIES_READ's options are labelled with their values), not as the catalog does.
 */
const SAVED_ANSWER = { wtc_answer: 'It is fine, mostly.', wtc_open_concerns: 'price' };
const MOVED = {
  wtc_bucket: 'who_are_you',
  wtc_answer: DRAFT_PROPERTIES.wtc_answer,
  ...moveFacts('its_ok'),
  wtc_re_recruit_at: '2026-11-23T10:00:00.000Z',
};
/** What saving draft() writes besides the bucket and the answer, over storedProperties(). */
const CONTENT_OF_DRAFT = Object.fromEntries(
  Object.entries(DRAFT_PROPERTIES).filter(([name]) => name !== 'wtc_bucket' && name !== 'wtc_answer'),
);

/** HubSpot holds `storedCompany(extra)`; the save must PATCH exactly `written`. */
const savesOver = (extra: Record<string, string>, written: Record<string, string>) =>
  hubspot()
    .get(COMPANY_PATH)
    .query(PROFILE_QUERY)
    .reply(200, storedCompany(extra))
    .patch(COMPANY_PATH, { properties: written })
    .reply(200, { id: COMPANY_ID, properties: {} });

let running: Backend | null = null;
let calls: string[] = [];

const start = (env: Record<string, string> = {}, ownersRefreshMs?: number) => {
  calls = [];
  hubspot().post(TAG_PROPERTIES_READ.path, TAG_PROPERTIES_READ.body).reply(200, TAG_PROPERTIES_READ.answer());
  running = createBackend({
    env: testEnv({ SUCCESS_MANAGERS_BY_TEAM: '{"11":"501"}', ...env }),
    logger: createLogger('silent'),
    now: () => NOW,
    // The tag lists are read at start too (one call, test/contract/tag-options.test.ts): not this file's subject.
    observe: (event) => (event.operation === 'properties.batchRead' ? undefined : void calls.push(event.operation)),
    ownersRefreshMs,
  });
  running.start();
  return running;
};
afterEach(() => running?.stop());

/** The HubSpot calls one save makes. */
const callsOfSave = async (backend: Backend, request: SaveProfileRequest) => {
  calls = [];
  const response = await signedRequest(backend.app, 'PUT', PROFILE_PATH, request);
  expect(response.status).toBe(200);
  return calls;
};

describe('success manager with team rules', () => {
  it('the first save after start makes two HubSpot calls: the owners were listed at start', async () => {
    ownersListed();
    const backend = start();
    await backend.successManagers.settled();
    expect(calls).toEqual(['owners.list']);
    savesOver({}, { ...SAVED_ANSWER, ...CONTENT_OF_DRAFT, ...SAVE_STAMP, wtc_success_manager: '501' });
    expect(await callsOfSave(backend, answerOnly)).toEqual(['companies.get', 'companies.update']);
  });

  it('a save before the owners are listed stores no success manager, and it is filled in once they are, off the save path', async () => {
    ownersListed(OWNERS, 500);
    const backend = start();
    savesOver({ wtc_success_manager: '999' }, { ...SAVED_ANSWER, ...CONTENT_OF_DRAFT, ...SAVE_STAMP });
    expect(await callsOfSave(backend, answerOnly)).toEqual(['companies.get', 'companies.update']);

    hubspot()
      .get(COMPANY_PATH)
      .query({ properties: ['hubspot_owner_id', 'wtc_success_manager'] })
      .reply(200, companyResponse({ hubspot_owner_id: '502', wtc_success_manager: '999' }))
      .patch(COMPANY_PATH, { properties: { wtc_success_manager: '501' } })
      .reply(200, { id: COMPANY_ID, properties: {} });
    await backend.successManagers.settled();
    await backend.profiles.successManagersFilled();
    expect(calls).toEqual(['companies.get', 'companies.update', 'owners.list', 'companies.get', 'companies.update']);
  });

  it('a save into "Who are you?" before the owners are listed waits for that listing, so its one PATCH names the manager', async () => {
    ownersListed(OWNERS, 300);
    const backend = start();
    savesOver({}, { ...MOVED, ...CONTENT_OF_DRAFT, ...SAVE_STAMP, wtc_success_manager: '501' });
    // The one owners listing is the one started at start; the save makes its usual two calls.
    expect(await callsOfSave(backend, reRecruitMove)).toEqual(['companies.get', 'owners.list', 'companies.update']);
  });

  it('after the refresh period the owners are listed again in the background: the next save makes two calls and uses the new teams', async () => {
    ownersListed();
    ownersListed({ results: [owner('502', '22'), owner('503', '22')] });
    const backend = start({}, 200);
    for (let waited = 0; calls.filter((operation) => operation === 'owners.list').length < 2; waited += 10) {
      if (waited > 5_000) throw new Error('the owners were not listed again in the background');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    backend.stop();
    await backend.successManagers.settled();
    savesOver(
      { wtc_success_manager: '501' },
      { ...SAVED_ANSWER, ...CONTENT_OF_DRAFT, ...SAVE_STAMP, wtc_success_manager: '502' },
    );
    expect(await callsOfSave(backend, answerOnly)).toEqual(['companies.get', 'companies.update']);
  });

  it('direct mode, owners cannot be listed: the save stores no manager and no task key, leaving the task to the scheduled run', async () => {
    hubspot()
      .get('/crm/v3/owners/')
      .query({ limit: '100', archived: 'false' })
      .reply(403, { status: 'error', message: 'This app lacks crm.objects.owners.read', category: 'MISSING_SCOPES' });
    const backend = start({ AUTOMATION_MODE: 'direct' });
    await backend.successManagers.settled();
    savesOver({}, { ...MOVED, ...CONTENT_OF_DRAFT, ...SAVE_STAMP });
    expect(await callsOfSave(backend, reRecruitMove)).toEqual(['companies.get', 'companies.update']);
  });
});

describe('success manager without team rules: the company owner', () => {
  it('is stored as the success manager, written only when it differs', async () => {
    const backend = start({ SUCCESS_MANAGERS_BY_TEAM: '' });
    savesOver({}, { ...SAVED_ANSWER, ...CONTENT_OF_DRAFT, ...SAVE_STAMP, wtc_success_manager: '502' });
    expect(await callsOfSave(backend, answerOnly)).toEqual(['companies.get', 'companies.update']);

    savesOver({ wtc_success_manager: '502' }, { ...SAVED_ANSWER, ...CONTENT_OF_DRAFT, ...SAVE_STAMP });
    expect(await callsOfSave(backend, answerOnly)).toEqual(['companies.get', 'companies.update']);
  });
});
