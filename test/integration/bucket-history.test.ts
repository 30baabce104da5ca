import { mustExist } from '@why-they-care/domain';
import { applyValues } from '@why-they-care/hubspot-sandbox';

import { SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { sandboxCompany } from '../support/company-fixtures';
import { moveBucket, startSandboxBackend } from '../support/sandbox-backend';
import { signedRequest } from '../support/signed';

/**
 * Who moved the bucket, on the sandbox, whichever way HubSpot treats a write that repeats a stored value
 * (here: the same account manager's email in the reviewer stamp on two saves in a row).
 */
describe.each([
  ['records no history entry for an unchanged value', false],
  ['records a history entry for an unchanged value too', true],
])('bucket moves when HubSpot %s', (_label, historyOfUnchangedValues) => {
  let now = new Date('2026-11-23T09:00:00.000Z');
  let running: Awaited<ReturnType<typeof startSandboxBackend>>;
  const minutesLater = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };

  beforeAll(async () => {
    running = await startSandboxBackend({}, () => now, true, { historyOfUnchangedValues });
    running.sandbox.store.state.companies['2005'] = sandboxCompany('2005', 'Epsilon', { wtc_bucket: 'need_you' });
  });
  afterAll(() => running.stop());

  it('names the same person for two moves in a row, HubSpot users for edits made in HubSpot, and the next person', async () => {
    minutesLater(1);
    expect((await moveBucket(running, '2005', 'its_ok', 'hist-0001', 'ana@example.com')).status).toBe(200);
    minutesLater(1);
    expect((await moveBucket(running, '2005', 'who_are_you', 'hist-0002', 'ana@example.com')).status).toBe(200);
    minutesLater(1);
    const company = mustExist(running.sandbox.store.state.companies['2005'], 'company 2005');
    applyValues(company, { wtc_bucket: 'need_you' }, { sourceType: 'CRM_UI', updatedByUserId: 991 }, now.toISOString());
    minutesLater(1);
    expect((await moveBucket(running, '2005', 'its_ok', 'hist-0003', 'ben@example.com')).status).toBe(200);

    const reviewerEntries = company.history.wtc_last_reviewed_by?.map((entry) => entry.value);
    expect(reviewerEntries).toEqual(
      historyOfUnchangedValues
        ? ['ben@example.com', 'ana@example.com', 'ana@example.com']
        : ['ben@example.com', 'ana@example.com'],
    );

    const loaded = await signedRequest(running.backendUrl, 'GET', '/api/companies/2005/profile', undefined, {
      portalId: SANDBOX_PORTAL_ID,
    });
    expect(loaded.body.profile.bucketHistory).toEqual([
      { bucket: 'its_ok', changedAt: '2026-11-23T09:04:00.000Z', changedBy: 'ben@example.com' },
      { bucket: 'need_you', changedAt: '2026-11-23T09:03:00.000Z', changedBy: 'HubSpot user 991' },
      { bucket: 'who_are_you', changedAt: '2026-11-23T09:02:00.000Z', changedBy: 'ana@example.com' },
      { bucket: 'its_ok', changedAt: '2026-11-23T09:01:00.000Z', changedBy: 'ana@example.com' },
    ]);
  });
});
