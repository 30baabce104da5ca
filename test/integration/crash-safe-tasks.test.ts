import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { type SandboxState } from '@why-they-care/hubspot-sandbox';

import { automationOptionsFrom, createBackend, setupOptionsFrom } from '../../src/backend';
import { startLocalStack, type LocalStack } from '../../src/cli/local-stack';
import { createLocalCoordination } from '../../src/coordination/local-coordination';
import { type Gate } from '../../src/hubspot/gate';
import { taskKeysIn } from '@why-they-care/hubspot-contract';
import { createLogger } from '../../src/lib/logger';
import { applySetup, planSetup } from '../../src/setup/setup';
import { sandboxCompany } from '../support/company-fixtures';

const TODAY = '2026-11-23';
const clock = () => new Date('2026-11-23T08:00:00.000Z');
/** A gate that never waits: this test is about crash points, not HubSpot's limits. */
const open: Gate = (request) => request();

/** How the process dies at the k-th HubSpot request: before it leaves, or after HubSpot did it but before the answer. */
type CrashPoint = { at: number; answerLost: boolean };

describe('direct-mode tasks when the process dies at any moment of a run', () => {
  let stack: LocalStack;
  let start: SandboxState;
  let crashing: Server;
  let crashingUrl: string;
  let crash: CrashPoint = { at: Number.POSITIVE_INFINITY, answerLost: false };
  let requests = 0;

  beforeAll(async () => {
    // The runs here test crash points, not HubSpot's limits: no limit on either side.
    stack = await startLocalStack({ env: { AUTOMATION_MODE: 'direct' }, now: clock, searchesPerSecond: 1_000_000 });
    const state = stack.sandbox.store.state;
    state.companies = Object.fromEntries(
      [
        sandboxCompany('2001', 'Alpha', { wtc_bucket: 'its_ok', wtc_renewal_date: '2027-01-10' }),
        sandboxCompany('2002', 'Beta', { wtc_bucket: 'need_you', wtc_renewal_date: '2026-12-24' }),
        sandboxCompany('2003', 'Gamma', { wtc_bucket: 'need_you', wtc_plan_next_due: '2026-11-20' }),
        sandboxCompany('2004', 'Delta', { wtc_bucket: 'who_are_you', wtc_version: '6' }),
        // A save recorded its re-recruit task, then the backend stopped before creating it.
        sandboxCompany('2005', 'Epsilon', {
          wtc_bucket: 'who_are_you',
          wtc_version: '3',
          wtc_re_recruit_task_key: 're_recruit:2005:v3',
          wtc_re_recruit_task_pending: 're_recruit:2005:v3',
        }),
        sandboxCompany('2006', 'Zeta', { wtc_bucket: 'its_ok', wtc_customer_stuck_on: '2026-11-10' }),
        // A save lowered the health and recorded its task, then the backend stopped before creating it.
        sandboxCompany('2007', 'Eta', {
          wtc_bucket: 'its_ok',
          wtc_version: '8',
          wtc_health_signal: 'Customer happiness fell from 4 - Very happy to 2 - Unhappy.',
          wtc_health_signal_at: '2026-11-22T10:00:00.000Z',
          wtc_health_drop_task_key: 'health_drop:2007:v8',
          wtc_health_drop_task_pending: 'health_drop:2007:v8',
        }),
      ].map((record) => [record.id, record]),
    );
    await applySetup(await planSetup(stack.backend.setupDeps, setupOptionsFrom(stack.env)));
    start = structuredClone(stack.sandbox.store.state);

    // HubSpot as a process that dies at request `crash.at` sees it: nothing answers from then on.
    crashing = createServer((req, res) => {
      requests += 1;
      if (requests < crash.at) return stack.sandbox.app(req, res);
      if (requests > crash.at || !crash.answerLost) return req.socket.destroy();
      res.end = (() => req.socket.destroy() && res) as typeof res.end;
      return stack.sandbox.app(req, res);
    });
    crashingUrl = await new Promise((resolve) =>
      crashing.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(crashing.address() as AddressInfo).port}`)),
    );
  });
  afterAll(async () => {
    crashing.closeAllConnections();
    crashing.close();
    await stack.stop();
  });

  const reset = () => {
    const fresh = structuredClone(start);
    const state = stack.sandbox.store.state;
    Object.assign(state, fresh);
  };
  const taskKeys = () =>
    Object.values(stack.sandbox.store.state.tasks)
      .flatMap((task) => taskKeysIn(task.properties.hs_task_body))
      .sort();
  const pendingLeft = () =>
    Object.values(stack.sandbox.store.state.companies).filter((company) =>
      Object.entries(company.properties).some(([name, value]) => name.endsWith('_task_pending') && value),
    );
  const runThrough = (hubspotUrl: string) =>
    createBackend({
      env: { ...stack.env, HUBSPOT_API_BASE_URL: hubspotUrl, HUBSPOT_MAX_ATTEMPTS: 1 },
      logger: createLogger('silent'),
      now: clock,
      coordination: {
        ...createLocalCoordination(stack.env.HUBSPOT_REQUESTS_PER_10S),
        gates: { budget: open, search: open },
      },
    }).runAutomation(automationOptionsFrom(stack.env, TODAY));

  it('every task exists exactly once after the next run, wherever the crash happened', async () => {
    reset();
    requests = 0;
    crash = { at: Number.POSITIVE_INFINITY, answerLost: false };
    await runThrough(crashingUrl);
    const expected = taskKeys();
    const callsInARun = requests;
    expect(expected).toEqual([
      'customer_stuck:2006:2026-11-10',
      'health_drop:2007:v8',
      're_recruit:2004:v6',
      're_recruit:2005:v3',
      'renewal:2001:2027-01-10',
      'renewal:2002:2026-12-24',
      'stalled_plan:2003:2026-11-20',
    ]);
    expect(callsInARun).toBeGreaterThan(10);

    for (let at = 1; at <= callsInARun; at += 1) {
      for (const answerLost of [false, true]) {
        reset();
        requests = 0;
        crash = { at, answerLost };
        await expect(runThrough(crashingUrl)).rejects.toThrow();
        await runThrough(stack.hubspotUrl);
        expect({ at, answerLost, tasks: taskKeys() }).toEqual({ at, answerLost, tasks: expected });
        expect({ at, answerLost, pending: pendingLeft() }).toEqual({ at, answerLost, pending: [] });
      }
    }
  });
});
