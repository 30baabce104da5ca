import { draftOf } from '@why-they-care/domain';

import { automationOptionsFrom, createBackend, setupOptionsFrom } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import { applySetup, planSetup } from '../../src/setup/setup';
import { sandboxCompany } from '../support/company-fixtures';
import { moveBucket as moveToBucket, startSandboxBackend, tasksIn } from '../support/sandbox-backend';
import { signedRequest } from '../support/signed';
import { SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';

let today = new Date('2026-11-23T08:00:00.000Z');
const clock = () => today;

const overdueStep = JSON.stringify([
  {
    id: 's1',
    title: 'Send usage data',
    ownerSide: 'customer',
    ownerName: 'Dana',
    dueDate: '2026-11-20',
    status: 'in_progress',
  },
]);

describe('direct mode: the tasks the backend creates', () => {
  let running: Awaited<ReturnType<typeof startSandboxBackend>>;

  beforeAll(async () => {
    running = await startSandboxBackend({ AUTOMATION_MODE: 'direct', SUCCESS_MANAGERS_BY_TEAM: '{"11":"501"}' }, clock);
    const state = running.sandbox.store.state;
    state.companies = Object.fromEntries(
      [
        sandboxCompany('2001', 'Alpha', { wtc_bucket: 'its_ok', wtc_renewal_date: '2027-01-10', wtc_version: '4' }),
        sandboxCompany('2002', 'Beta', {
          wtc_bucket: 'need_you',
          wtc_plan_steps: overdueStep,
          wtc_plan_next_due: '2026-11-20',
          wtc_renewal_date: '2027-06-01',
          wtc_version: '2',
        }),
        sandboxCompany('2003', 'Gamma', { wtc_bucket: 'need_you' }),
      ].map((record) => [record.id, record]),
    );
    await applySetup(await planSetup(running.backend.setupDeps, setupOptionsFrom(running.env)));
  });
  afterAll(() => running.stop());

  const tasks = () => tasksIn(running);
  const run = () => running.backend.runAutomation(automationOptionsFrom(running.env, today.toISOString().slice(0, 10)));
  const moveBucket = (companyId: string, bucket: string, requestId: string) =>
    moveToBucket(running, companyId, bucket, requestId);

  it('creates the renewal task inside the lead window and the stalled-plan task, worded per bucket', async () => {
    const summary = await run();
    expect(summary.taskKeys).toEqual(['renewal:2001:2027-01-10', 'stalled_plan:2002:2026-11-20']);
    expect(tasks()).toEqual([
      { company: '2001', subject: 'Alpha: Renewal coming up: confirm why they care', owner: '502', due: '2026-11-30' },
      { company: '2002', subject: 'Beta: Success plan stalled: steps are overdue', owner: '502', due: '2026-11-25' },
    ]);
    const body = Object.values(running.sandbox.store.state.tasks)[0]?.properties.hs_task_body;
    expect(body).toMatch(/weigh alternatives/);
    // Alpha is "It's OK" as its renewal task is created: its renewal play starts then; Beta's renewal is not due.
    expect(running.sandbox.store.state.companies['2001']?.properties.wtc_renewal_play_at).toBe(today.toISOString());
    expect(running.sandbox.store.state.companies['2002']?.properties.wtc_renewal_play_at).toBeUndefined();
  });

  it('adds nothing when run again', async () => {
    expect((await run()).taskKeys).toEqual([]);
    expect(tasks()).toHaveLength(2);
  });

  it('gives the success manager a re-recruit task when a save moves a company to "Who are you?", once', async () => {
    const saved = await moveBucket('2003', 'who_are_you', 'move-gamma-0001');
    expect(saved.status).toBe(200);
    expect(tasks()[2]).toEqual({
      company: '2003',
      subject: 'Gamma: Re-recruit: the customer asked "Who are you?"',
      owner: '501',
      due: '2026-11-26',
    });

    const loaded = await signedRequest(running.backendUrl, 'GET', '/api/companies/2003/profile', undefined, {
      portalId: SANDBOX_PORTAL_ID,
    });
    const retried = await signedRequest(
      running.backendUrl,
      'PUT',
      '/api/companies/2003/profile',
      { requestId: 'move-gamma-0001', expectedVersion: 0, profile: draftOf(loaded.body.profile) },
      { portalId: SANDBOX_PORTAL_ID },
    );
    expect(retried.body.result).toBe('already_saved');
    expect((await run()).taskKeys).toEqual([]);
    expect(tasks()).toHaveLength(3);
  });

  it('re-recruits again when the company leaves "Who are you?" and comes back', async () => {
    expect((await moveBucket('2003', 'need_you', 'move-gamma-0002')).status).toBe(200);
    expect(tasks()).toHaveLength(3);
    expect((await moveBucket('2003', 'who_are_you', 'move-gamma-0003')).status).toBe(200);
    expect(tasks()).toHaveLength(4);
    expect(running.sandbox.store.state.companies['2003']?.properties.wtc_re_recruit_task_key).toBe(
      're_recruit:2003:v3',
    );
  });

  it('creates next renewal tasks as time passes, once even when two runs overlap', async () => {
    today = new Date('2027-03-10T08:00:00.000Z');
    const [first, second] = await Promise.all([run(), run()]);
    expect(first.taskKeys).toEqual(['renewal:2002:2027-06-01']);
    expect(second).toBe(first);
    expect(tasks()).toHaveLength(5);
    expect((await run()).taskKeys).toEqual([]);
  });
});

describe('direct mode when search trails writes by seconds, as HubSpot does', () => {
  it('creates each task once when another run or another instance follows seconds later', async () => {
    const lagging = await startSandboxBackend({ AUTOMATION_MODE: 'direct' }, clock, true, { searchLagMs: 60_000 });
    try {
      lagging.sandbox.store.state.companies = Object.fromEntries(
        [
          sandboxCompany('2001', 'Alpha', { wtc_bucket: 'its_ok', wtc_renewal_date: '2027-01-10', wtc_version: '4' }),
          sandboxCompany('2002', 'Beta', { wtc_bucket: 'need_you', wtc_plan_next_due: '2026-11-20' }),
          sandboxCompany('2004', 'Delta', { wtc_bucket: 'who_are_you', wtc_version: '6' }),
        ].map((record) => [record.id, record]),
      );
      const options = automationOptionsFrom(lagging.env, '2026-11-23');
      const first = await lagging.backend.runAutomation(options);
      expect(first.taskKeys).toEqual(['renewal:2001:2027-01-10', 'stalled_plan:2002:2026-11-20', 're_recruit:2004:v6']);

      // Search still shows the companies without the task keys the first run recorded.
      expect((await lagging.backend.runAutomation(options)).taskKeys).toEqual([]);
      // Sharing the first one's HubSpot limits, as instances sharing a Redis do.
      const otherInstance = createBackend({
        env: lagging.env,
        logger: createLogger('silent'),
        now: clock,
        coordination: lagging.backend.coordination,
      });
      expect((await otherInstance.runAutomation(options)).taskKeys).toEqual([]);
      expect(tasksIn(lagging)).toHaveLength(3);
      // The task starts the company's re-recruit play, recorded with its key for the home page.
      expect(lagging.sandbox.store.state.companies['2004']?.properties).toMatchObject({
        wtc_re_recruit_task_key: 're_recruit:2004:v6',
        wtc_re_recruit_at: clock().toISOString(),
      });
    } finally {
      await lagging.stop();
    }
  });
});
