import { playsOverviewSchema } from '@why-they-care/domain';
import { listMembers } from '@why-they-care/hubspot-sandbox';

import { setupOptionsFrom } from '../../src/backend';
import { applySetup, planSetup } from '../../src/setup/setup';
import { sandboxCompany } from '../support/company-fixtures';
import { SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { startSandboxBackend, tasksIn } from '../support/sandbox-backend';
import { signedRequest } from '../support/signed';

/**
 * The bucket plays end to end against the sandbox, in direct mode: each play fires on the company made for
 * it, once, and a second run the same day creates nothing.
 */
const MONDAY = '2026-11-23';
let today = new Date(`${MONDAY}T08:00:00.000Z`);
const clock = () => today;

const customer = (id: string, name: string, properties: Record<string, string>) =>
  sandboxCompany(id, name, { lifecyclestage: 'customer', wtc_asked_on: '2026-11-01', ...properties });
const software = { industry: 'COMPUTER_SOFTWARE', numberofemployees: '120', country: 'Germany' };
const retail = { industry: 'RETAIL', numberofemployees: '9000', country: 'France' };

describe('the bucket plays', () => {
  let running: Awaited<ReturnType<typeof startSandboxBackend>>;

  beforeAll(async () => {
    running = await startSandboxBackend(
      { AUTOMATION_MODE: 'direct', PLAYS: 'lookalikes,concerns,exit,ask_buyer', DEFAULT_SUCCESS_MANAGER_ID: '501' },
      clock,
    );
    const state = running.sandbox.store.state;
    state.companies = Object.fromEntries(
      [
        // Four "We need you" customers, all software companies of 51-200 people in Germany...
        ...['3001', '3002', '3003', '3004'].map((id) =>
          customer(id, `Need ${id}`, { wtc_bucket: 'need_you', ...software }),
        ),
        // ...among ten customers; the other six are large retailers in France.
        customer('3005', 'Okay Retail', {
          wtc_bucket: 'its_ok',
          wtc_concerns: 'price;reliability',
          wtc_open_concerns: 'Price, Reliability',
          wtc_renewal_date: '2027-06-01',
          ...retail,
        }),
        customer('3006', 'Undecided Retail', {
          wtc_bucket: 'who_are_you',
          wtc_re_recruit_at: '2026-11-02T10:00:00.000Z',
          wtc_re_recruit_task_key: 're_recruit:3006:v3',
          wtc_success_manager: '501',
          ...retail,
        }),
        customer('3007', 'Leaving Retail', {
          wtc_bucket: 'who_are_you',
          wtc_win_win_decision: 'no_win_win',
          wtc_re_recruit_at: '2026-10-01T10:00:00.000Z',
          wtc_renewal_date: '2027-01-15',
          wtc_re_recruit_task_key: 're_recruit:3007:v2',
          ...retail,
        }),
        // Owner 503's customers: one never asked (with a decision maker), one asked long ago.
        customer('3008', 'Never Asked', { hubspot_owner_id: '503', wtc_asked_on: '', ...retail }),
        customer('3009', 'Asked Long Ago', { hubspot_owner_id: '503', wtc_asked_on: '2025-01-10', ...retail }),
        customer('3010', 'Recently Asked', { hubspot_owner_id: '504', wtc_asked_on: '2026-10-01', ...retail }),
        // Prospects: two software leads like them, one retail lead not.
        sandboxCompany('3101', 'Lead Like Them', { lifecyclestage: 'lead', ...software }),
        sandboxCompany('3102', 'Opportunity Like Them', { lifecyclestage: 'opportunity', ...software }),
        sandboxCompany('3103', 'Lead Unlike Them', { lifecyclestage: 'lead', ...retail }),
      ].map((record) => [record.id, record]),
    );
    state.contacts = {
      '9101': {
        ...sandboxCompany('9101', '', {}),
        properties: {
          firstname: 'Dana',
          lastname: 'Buyer',
          email: 'dana@never.example',
          hs_buying_role: 'DECISION_MAKER',
        },
        associations: { companies: ['3008'] },
      },
      '9102': {
        ...sandboxCompany('9102', '', {}),
        properties: { firstname: 'Eve', lastname: 'User', email: 'eve@never.example', hs_buying_role: 'END_USER' },
        associations: { companies: ['3008'] },
      },
    };
    await applySetup(await planSetup(running.backend.setupDeps, setupOptionsFrom(running.env)));
  });
  afterAll(() => running.stop());

  const taskBodies = () =>
    Object.values(running.sandbox.store.state.tasks).map((task) => ({
      company: task.associations.companies[0],
      subject: task.properties.hs_task_subject,
      owner: task.properties.hubspot_owner_id,
      body: task.properties.hs_task_body,
    }));

  it('finds the segments over-represented among "We need you" customers by counts, and lists prospects in them', async () => {
    const { plays } = await running.backend.runDailyPass(MONDAY);
    expect(plays.lookalikes?.totals).toEqual({ needYou: 4, customers: 10 });
    expect(
      plays.lookalikes?.segments.map(({ dimension, value, needYou, customers, lift }) => [
        dimension,
        value,
        needYou,
        customers,
        lift,
      ]),
    ).toEqual([
      ['country', 'Germany', 4, 4, 2.5],
      ['industry', 'COMPUTER_SOFTWARE', 4, 4, 2.5],
      ['size', '51-200', 4, 4, 2.5],
    ]);
    expect(plays.lookalikes?.list).toBe('updated');
    const state = running.sandbox.store.state;
    const prospects = Object.values(state.lists).find((list) => list.name.includes('Prospects like'));
    expect(listMembers(state, prospects?.filterBranch, MONDAY)).toEqual(['3101', '3102']);
  });

  it('gives each play its task, naming the company and what is asked', () => {
    const tasks = taskBodies();
    expect(tasks.map(({ company, subject, owner }) => ({ company, subject, owner }))).toEqual([
      // Direct mode's pass: the renewal of a planned exit plans the exit.
      { company: '3007', subject: 'Leaving Retail: Renewal coming up: plan the exit', owner: '502' },
      { company: '3005', subject: 'Okay Retail: Address their concerns', owner: '502' },
      {
        company: '3006',
        subject: 'Undecided Retail: Re-recruit still undecided: win-win or exit?',
        owner: '501',
      },
      // One buyer a day: owner 503's customer never asked (502's and 504's were all asked this autumn).
      { company: '3008', subject: 'Never Asked: Ask why they care', owner: '503' },
    ]);
    expect(tasks[1]?.body).toContain('worry about: Price, Reliability.');
    expect(tasks[3]?.body).toMatch(/^Call Dana Buyer \(decision maker, dana@never\.example\) and ask them/);
  });

  it('creates nothing more on a second run the same day', async () => {
    const before = tasksIn(running).length;
    const { plays } = await running.backend.runDailyPass(MONDAY);
    expect(plays.taskKeys).toEqual([]);
    expect(plays.lookalikes?.segments.map((segment) => segment.value)).toEqual([
      'Germany',
      'COMPUTER_SOFTWARE',
      '51-200',
    ]);
    expect(plays.lookalikes?.list).toBe('unchanged');
    expect(tasksIn(running)).toHaveLength(before);
  });

  it('asks the next buyer on the next working day, none on the weekend', async () => {
    today = new Date('2026-11-24T08:00:00.000Z');
    expect((await running.backend.runPlays('2026-11-24')).taskKeys).toEqual(['ask_buyer:3009:2026-11-24']);
    expect((await running.backend.runPlays('2026-11-28')).taskKeys).toEqual([]);
  });

  it("tells the home page the segments and why, and each owner's progress in asking", async () => {
    const answer = await signedRequest(running.backendUrl, 'GET', '/api/plays', undefined, {
      portalId: SANDBOX_PORTAL_ID,
      userEmail: 'am@example.com',
    });
    expect(answer.status).toBe(200);
    // The home page reads the answer through this schema: the backend's answer must pass it.
    expect(playsOverviewSchema.safeParse(answer.body).error).toBeUndefined();
    expect(answer.body.plays).toEqual({ lookalikes: true, concerns: true, exit: true, ask_buyer: true });
    expect(answer.body.lookalikes.segments).toHaveLength(3);
    expect(answer.body.lookalikes.segments[0]).toMatchObject({ dimension: 'country', value: 'Germany', lift: 2.5 });
    expect(answer.body.askBuyer).toEqual([
      { ownerId: '502', name: 'Eli Enterprise', email: 'eli.enterprise@example.com', customers: 7, askedIn90Days: 7 },
      { ownerId: '503', name: 'Gus Growth', email: 'gus.growth@example.com', customers: 2, askedIn90Days: 0 },
      { ownerId: '504', name: 'Greta Lead', email: 'greta.lead@example.com', customers: 1, askedIn90Days: 1 },
    ]);
  });
});
