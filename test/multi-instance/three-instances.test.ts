import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { addDays, draftOf, type Profile, toIsoDate } from '@why-they-care/domain';
import { createSandbox, type JournalEntry, type SandboxState } from '@why-they-care/hubspot-sandbox';

import { automationOptionsFrom, type Backend, createBackend, setupOptionsFrom } from '../../src/backend';
import { startLocalStack } from '../../src/cli/local-stack';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { loadEnv } from '../../src/config/env';
import { taskKeysIn } from '@why-they-care/hubspot-contract';
import { createLogger } from '../../src/lib/logger';
import { applySetup, planSetup } from '../../src/setup/setup';
import { sandboxCompany } from '../support/company-fixtures';
import { CLIENT_SECRET, PUBLIC_BASE_URL } from '../support/env';
import { describeWithRedis, type RedisServer, startRedis } from '../support/redis';
import { signedRequest } from '../support/signed';

/**
 * The app's budget and HubSpot's limit in this test: the instances together make more calls than that within
 * seconds, so the shared budget is what paces them.
 */
const BUDGET = 60;
const TODAY = toIsoDate(new Date());
const AS_USER = { portalId: SANDBOX_PORTAL_ID, userEmail: 'am@example.com' };

/** The most requests the journal shows inside any rolling 10 s. */
const busiestTenSeconds = (entries: readonly JournalEntry[]) =>
  Math.max(0, ...entries.map(({ at }) => entries.filter((other) => other.at >= at && other.at < at + 10_000).length));

/** The demo account with the app installed (setup run on an unthrottled copy, so its calls do not count here). */
const installedAccount = async (): Promise<SandboxState> => {
  const stack = await startLocalStack({ env: { AUTOMATION_MODE: 'direct' } });
  await applySetup(await planSetup(stack.backend.setupDeps, setupOptionsFrom(stack.env)));
  const state = structuredClone(stack.sandbox.store.state);
  await stack.stop();
  return state;
};

const listenOn = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

const instanceEnv = (hubspotUrl: string, redisUrl: string) => ({
  HUBSPOT_ACCESS_TOKEN: SANDBOX_ACCESS_TOKEN,
  HUBSPOT_API_BASE_URL: hubspotUrl,
  HUBSPOT_CLIENT_SECRET: CLIENT_SECRET,
  HUBSPOT_PORTAL_ID: SANDBOX_PORTAL_ID,
  PUBLIC_BASE_URL,
  HUBSPOT_REQUESTS_PER_10S: String(BUDGET),
  HUBSPOT_RETRY_BASE_MS: '5',
  AUTOMATION_MODE: 'direct',
  REDIS_URL: redisUrl,
  LOG_LEVEL: 'silent',
});

describeWithRedis('three backend instances sharing one Redis, in front of one HubSpot (the sandbox)', () => {
  let redis: RedisServer;
  let sandbox: ReturnType<typeof createSandbox>;
  let hubspot: Server;
  let hubspotUrl: string;
  let instances: { backend: Backend; url: string; server: Server }[];
  /** Set by the crash test: the process to kill once HubSpot has answered its first batch of task creates. */
  let killOnFirstCreate: ChildProcess | null = null;

  beforeAll(async () => {
    redis = await startRedis();
    sandbox = createSandbox({
      accessToken: SANDBOX_ACCESS_TOKEN,
      file: null,
      initialState: await installedAccount(),
      requestsPer10s: BUDGET,
      journal: true,
    });
    hubspot = createServer((req, res) => {
      if (killOnFirstCreate && req.url?.startsWith('/crm/v3/objects/tasks/batch/create')) {
        const victim = killOnFirstCreate;
        killOnFirstCreate = null;
        res.on('finish', () => victim.kill('SIGKILL'));
      }
      sandbox.app(req, res);
    });
    hubspotUrl = await listenOn(hubspot);
    instances = await Promise.all(
      [1, 2, 3].map(async () => {
        const env = loadEnv(instanceEnv(hubspotUrl, redis.url));
        const backend = createBackend({ env, logger: createLogger('silent') });
        await backend.coordination.ready();
        const server = createServer(backend.app);
        return { backend, server, url: await listenOn(server) };
      }),
    );
  });

  afterAll(async () => {
    for (const { backend, server } of instances) {
      server.closeAllConnections();
      server.close();
      await backend.coordination.close();
    }
    hubspot.closeAllConnections();
    hubspot.close();
    await redis.remove();
  });

  it('50 concurrent saves of one company across the instances: exactly one saved, 49 conflicts, nothing lost', async () => {
    const path = '/api/companies/1001/profile';
    const loaded = (await signedRequest(instances[0]?.url ?? '', 'GET', path, undefined, AS_USER)).body
      .profile as Profile;
    const draft = draftOf(loaded);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        signedRequest(
          instances[n % 3]?.url ?? '',
          'PUT',
          path,
          {
            requestId: `concurrent-save-${String(n).padStart(4, '0')}`,
            expectedVersion: loaded.version,
            profile: { ...draft, whyTheyCare: { ...draft.whyTheyCare, answer: `Edit number ${n}` } },
          },
          AS_USER,
        ),
      ),
    );
    const saved = answers.filter((answer) => answer.status === 200);
    const conflicts = answers.filter((answer) => answer.status === 409);
    expect({ saved: saved.length, conflicts: conflicts.length }).toEqual({ saved: 1, conflicts: 49 });

    // The winner's edit is what HubSpot holds, and every loser was shown it (their own edit stays in their card).
    const winner = saved[0]?.body.profile as Profile;
    const stored = sandbox.store.state.companies['1001']?.properties;
    expect(stored?.wtc_answer).toBe(winner.whyTheyCare.answer);
    expect(stored?.wtc_version).toBe(String(loaded.version + 1));
    for (const conflict of conflicts) {
      expect(conflict.body.error.code).toBe('VERSION_CONFLICT');
      expect(conflict.body.current).toMatchObject({ version: loaded.version + 1, whyTheyCare: winner.whyTheyCare });
    }
  });

  it('the daily automation, scheduled on all three, runs once', async () => {
    const options = automationOptionsFrom(loadEnv(instanceEnv(hubspotUrl, redis.url)), TODAY);
    const outcomes = await Promise.all(
      instances.map(({ backend }) => backend.runAutomationExclusive(options, `daily ${TODAY}`)),
    );
    const ran = outcomes.flatMap((outcome) => (outcome.ran ? [outcome.result] : []));
    expect(ran).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ran)).toHaveLength(2);
    expect(ran[0]?.tasksCreated).toBeGreaterThan(0);
    const keys = Object.values(sandbox.store.state.tasks).flatMap((task) => taskKeysIn(task.properties.hs_task_body));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual([...(ran[0]?.taskKeys ?? [])].sort());

    // Later that day, on any instance: done already.
    expect(await instances[2]?.backend.runAutomationExclusive(options, `daily ${TODAY}`)).toEqual({
      ran: false,
      reason: 'done',
    });
  });

  it('a run killed (SIGKILL) right after HubSpot created a batch of tasks: the next run leaves no duplicate, no gap', async () => {
    const renewal = addDays(TODAY, 30);
    const ids = Array.from({ length: 150 }, (_, n) => String(7000 + n));
    for (const id of ids) {
      sandbox.store.state.companies[id] = sandboxCompany(id, `Renewing ${id}`, {
        wtc_bucket: 'its_ok',
        wtc_renewal_date: renewal,
      });
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/automation.ts'], {
      env: { ...process.env, ...instanceEnv(hubspotUrl, redis.url) },
      stdio: 'ignore',
    });
    killOnFirstCreate = child;
    const exit = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    expect(exit).toBe('SIGKILL');

    const renewalKeys = () =>
      Object.values(sandbox.store.state.tasks)
        .flatMap((task) => taskKeysIn(task.properties.hs_task_body))
        .filter((key) => key.startsWith('renewal:7'));
    // Killed mid-run: some tasks exist, recorded as pending (not confirmed), the others not even decided yet.
    const createdBeforeKill = renewalKeys().length;
    expect(createdBeforeKill).toBeGreaterThan(0);
    expect(createdBeforeKill).toBeLessThan(ids.length);
    const pending = ids.filter((id) => sandbox.store.state.companies[id]?.properties.wtc_renewal_task_pending);
    expect(pending.length).toBeGreaterThan(0);

    // The next run (the killed one's lock has not lapsed yet, so this one is started directly).
    const next = await instances[1]?.backend.runAutomation(
      automationOptionsFrom(loadEnv(instanceEnv(hubspotUrl, redis.url)), TODAY),
    );
    expect(next?.tasksCreated).toBe(ids.length - createdBeforeKill);
    expect(renewalKeys().sort()).toEqual(ids.map((id) => `renewal:${id}:${renewal}`).sort());
    expect(ids.filter((id) => sandbox.store.state.companies[id]?.properties.wtc_renewal_task_pending)).toEqual([]);
  });

  it('never went over the budget in any rolling 10 s, all instances together, and HubSpot never answered 429', () => {
    const journal = sandbox.journal();
    // More calls than one window allows were made within seconds: the shared budget spread them out.
    expect(journal.length).toBeGreaterThan(BUDGET);
    expect(journal.filter((entry) => entry.status === 429)).toEqual([]);
    expect(busiestTenSeconds(journal)).toBeLessThanOrEqual(BUDGET);
  });

  it('with Redis down: saves answer 503 and write nothing, reads and /healthz go on, /readyz says why', async () => {
    const [first] = instances;
    const url = first?.url ?? '';
    const path = '/api/companies/1002/profile';
    const loaded = (await signedRequest(url, 'GET', path, undefined, AS_USER)).body.profile as Profile;
    const before = { ...sandbox.store.state.companies['1002']?.properties };
    await redis.stop();
    try {
      const draft = draftOf(loaded);
      const save = await signedRequest(
        url,
        'PUT',
        path,
        {
          requestId: 'save-while-redis-is-down',
          expectedVersion: loaded.version,
          profile: { ...draft, whyTheyCare: { ...draft.whyTheyCare, answer: 'Saved while Redis was down' } },
        },
        AS_USER,
      );
      expect(save.status).toBe(503);
      expect(save.body.error.code).toBe('COORDINATION_UNAVAILABLE');
      expect(sandbox.store.state.companies['1002']?.properties).toEqual(before);

      expect((await signedRequest(url, 'GET', path, undefined, AS_USER)).status).toBe(200);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { error: { code: string } }).error.code).toBe('REDIS_UNAVAILABLE');
    } finally {
      await redis.start();
    }
  });
});
