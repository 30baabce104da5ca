import { sandboxCompany } from '../support/company-fixtures';
import { moveBucket, startSandboxBackend, tasksIn } from '../support/sandbox-backend';

/**
 * One owner rule in both automation modes: the re-recruit task goes to the company's success manager,
 * else its owner. In workflows mode the sandbox's workflow engine creates it from the stored property.
 */
describe.each(['direct', 'workflows'])('%s mode: who gets the re-recruit task', (mode) => {
  let running: Awaited<ReturnType<typeof startSandboxBackend>>;

  beforeAll(async () => {
    const today = new Date('2026-11-23T08:00:00.000Z');
    running = await startSandboxBackend(
      { AUTOMATION_MODE: mode, SUCCESS_MANAGERS_BY_TEAM: '{"11":"501"}' },
      () => today,
      true,
    );
    running.sandbox.store.state.companies = {
      // Owned by 502, in team 11: manager 501.
      2003: sandboxCompany('2003', 'Gamma', { wtc_bucket: 'need_you' }),
      // Owned by 503, in team 22: no manager rule applies.
      2004: sandboxCompany('2004', 'Delta', { wtc_bucket: 'need_you', hubspot_owner_id: '503' }),
    };
    await running.backend.successManagers.settled();
  });
  afterAll(() => running.stop());

  it("the team's manager when a rule maps the owner's team, else the owner; the stored success manager says so", async () => {
    expect((await moveBucket(running, '2003', 'who_are_you', `${mode}-gamma-0001`)).status).toBe(200);
    expect((await moveBucket(running, '2004', 'who_are_you', `${mode}-delta-0001`)).status).toBe(200);
    // The same task in both modes, naming the company (the brief; workflows mode through tokens).
    const subject = (name: string) => `${name}: Re-recruit: the customer asked "Who are you?"`;
    expect(tasksIn(running)).toEqual([
      { company: '2003', subject: subject('Gamma'), owner: '501', due: '2026-11-26' },
      { company: '2004', subject: subject('Delta'), owner: '503', due: '2026-11-26' },
    ]);
    const { companies } = running.sandbox.store.state;
    expect([
      companies['2003']?.properties.wtc_success_manager,
      companies['2004']?.properties.wtc_success_manager,
    ]).toEqual(['501', '503']);
  });
});
