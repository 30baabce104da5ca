import { SANDBOX_ACCESS_TOKEN } from '../../src/cli/sandbox-mode';
import { sandboxCompany } from '../support/company-fixtures';
import { isWrite, moveBucket as moveToBucket, startSandboxBackend, tasksIn } from '../support/sandbox-backend';

/**
 * Workflows mode: the backend creates no task itself; the workflows setup installs do, here run by the
 * sandbox's workflow engine over the same companies as the direct-mode test.
 */
let today = new Date('2026-11-23T08:00:00.000Z');
const clock = () => today;

describe('workflows mode: the tasks HubSpot workflows create', () => {
  let running: Awaited<ReturnType<typeof startSandboxBackend>>;

  beforeAll(async () => {
    running = await startSandboxBackend(
      { AUTOMATION_MODE: 'workflows', SUCCESS_MANAGERS_BY_TEAM: '{"11":"501"}' },
      clock,
      true,
    );
    running.sandbox.store.state.companies = Object.fromEntries(
      [
        sandboxCompany('2001', 'Alpha', { wtc_bucket: 'its_ok', wtc_renewal_date: '2027-01-10', wtc_version: '4' }),
        sandboxCompany('2002', 'Beta', {
          wtc_bucket: 'need_you',
          wtc_plan_next_due: '2026-11-20',
          wtc_renewal_date: '2027-06-01',
          wtc_version: '2',
        }),
        sandboxCompany('2003', 'Gamma', { wtc_bucket: 'need_you' }),
      ].map((record) => [record.id, record]),
    );
  });
  afterAll(() => running.stop());

  const tasks = () => tasksIn(running);
  const moveBucket = (companyId: string, bucket: string, requestId: string) =>
    moveToBucket(running, companyId, bucket, requestId);

  it('installs the ten workflows turned on', () => {
    const flows = Object.values(running.sandbox.store.state.flows);
    expect(flows.map((flow) => [flow.name, flow.isEnabled])).toEqual([
      ['[Why They Care] Re-recruit', true],
      ['[Why They Care] Renewal: We need you', true],
      ["[Why They Care] Renewal: It's OK", true],
      ['[Why They Care] Renewal: Who are you?', true],
      ['[Why They Care] Renewal: We need you, ask to advocate', true],
      ['[Why They Care] Stalled plan', true],
      ['[Why They Care] Customer stuck', true],
      ['[Why They Care] Health dropped', true],
      ['[Why They Care] Renewal: plan the exit', true],
      ['[Why They Care] Address their concerns', true],
    ]);
  });

  it('gives the owner a renewal task worded for the bucket inside the lead window, and a stalled-plan task', () => {
    running.sandbox.runWorkflows();
    expect(tasks()).toEqual([
      { company: '2001', subject: 'Alpha: Renewal coming up: confirm why they care', owner: '502', due: '2026-11-30' },
      { company: '2002', subject: 'Beta: Success plan stalled: steps are overdue', owner: '502', due: '2026-11-25' },
    ]);
    expect(Object.values(running.sandbox.store.state.tasks)[0]?.properties.hs_task_body).toMatch(/weigh alternatives/);
    running.sandbox.runWorkflows();
    expect(tasks()).toHaveLength(2);
  });

  it('stamps, in the daily pass, when the "It\'s OK" renewal play the workflow started; a rerun writes nothing', async () => {
    const companies = running.sandbox.store.state.companies;
    const summary = await running.backend.runDailyPass('2026-11-23');
    expect(summary.renewalPlays).toEqual({ stamped: ['2001'] });
    expect(companies['2001']?.properties.wtc_renewal_play_at).toBe('2026-11-23T08:00:00.000Z');
    // "We need you" renews too, but starts no "It's OK" renewal play.
    expect(companies['2002']?.properties.wtc_renewal_play_at).toBeUndefined();

    running.calls.length = 0;
    expect((await running.backend.runDailyPass('2026-11-23')).renewalPlays).toEqual({ stamped: [] });
    expect(running.calls.filter(isWrite)).toEqual([]);
  });

  it('re-recruits through the workflow when a save moves a company to "Who are you?"; the backend creates no task', async () => {
    await running.backend.successManagers.settled();
    running.calls.length = 0;
    expect((await moveBucket('2003', 'who_are_you', 'wf-gamma-0001')).status).toBe(200);
    expect(running.calls.map((call) => call.operation)).toEqual(['companies.get', 'companies.get', 'companies.update']);
    expect(tasks()[2]).toEqual({
      company: '2003',
      subject: 'Gamma: Re-recruit: the customer asked "Who are you?"',
      owner: '501',
      due: '2026-11-26',
    });
    expect((await moveBucket('2003', 'need_you', 'wf-gamma-0002')).status).toBe(200);
    expect((await moveBucket('2003', 'who_are_you', 'wf-gamma-0003')).status).toBe(200);
    expect(tasks()).toHaveLength(4);
  });

  it('creates the next renewal task when the date comes inside the lead window', () => {
    today = new Date('2027-03-10T08:00:00.000Z');
    running.sandbox.runWorkflows();
    expect(tasks().slice(4)).toEqual([
      { company: '2002', subject: 'Beta: Renewal coming up: confirm why they care', owner: '502', due: '2027-03-17' },
    ]);
    running.sandbox.runWorkflows();
    expect(tasks()).toHaveLength(5);
  });

  it('enrolls a company again when its renewal date changes: the next renewal gets its task too', async () => {
    const patched = await fetch(`${running.hubspotUrl}/crm/v3/objects/companies/2001`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ properties: { wtc_renewal_date: '2028-01-10' } }),
    });
    expect(patched.status).toBe(200);
    expect(tasks()).toHaveLength(5);
    today = new Date('2027-10-12T08:00:00.000Z');
    running.sandbox.runWorkflows();
    expect(tasks().slice(5)).toEqual([
      { company: '2001', subject: 'Alpha: Renewal coming up: confirm why they care', owner: '502', due: '2027-10-19' },
    ]);
    // A new renewal cycle: a new renewal play, stamped by the next daily pass.
    expect((await running.backend.runDailyPass('2027-10-12')).renewalPlays).toEqual({ stamped: ['2001'] });
    expect(running.sandbox.store.state.companies['2001']?.properties.wtc_renewal_play_at).toBe(
      '2027-10-12T08:00:00.000Z',
    );
  });
});
