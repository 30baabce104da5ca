import { Redis } from 'ioredis';

import { createCoordination } from '../../src/coordination/connect';
import { type Coordination } from '../../src/coordination/coordination';
import { createLogger } from '../../src/lib/logger';
import { describeWithRedis, type RedisServer, startRedis } from '../support/redis';

const SHORT = { saveLockTtlMs: 400, saveLockWaitMs: 3_000, jobLockTtlMs: 400, cacheWaitMs: 2_000, pollMs: 10 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithRedis('coordination through a real Redis, between instances', () => {
  let redis: RedisServer;
  let instances: Coordination[] = [];
  let namespace = 0;

  /** Instances of one account sharing the Redis, each with its own connection as separate processes have. */
  const threeInstances = async () => {
    namespace += 1;
    const made = [1, 2, 3].map(() =>
      createCoordination({
        redisUrl: redis.url,
        portalId: `9${namespace}`,
        requestsPer10s: 100,
        logger: createLogger('silent'),
        timings: SHORT,
      }),
    );
    await Promise.all(made.map((instance) => instance.ready()));
    instances.push(...made);
    return made as [Coordination, Coordination, Coordination];
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    instances = [];
  });
  afterAll(() => redis.remove());

  it('shares the search limit: never more than 4 searches start in any rolling second, whoever sends them', async () => {
    const [a, b, c] = await threeInstances();
    const starts: number[] = [];
    const started = Date.now();
    await Promise.all(
      [a, b, c].flatMap((instance) =>
        Array.from({ length: 4 }, () => instance.gates.search(async () => starts.push(Date.now()))),
      ),
    );
    const busiestSecond = Math.max(
      ...starts.map((at) => starts.filter((other) => other >= at && other < at + 1_000).length),
    );
    expect(busiestSecond).toBe(4);
    // 12 searches at 4 per rolling second: the last can start 2 s after the first, not sooner.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it('counts a request answered late from its answer: HubSpot may have seen it arrive just then', async () => {
    const [a, b] = await threeInstances();
    const started = Date.now();
    // Four searches whose answers take 600 ms.
    const inFlight = Array.from({ length: 4 }, () => a.gates.search(() => sleep(600)));
    await sleep(50);
    const next = b.gates.search(async () => Date.now() - started);
    // A window (1 s and the margin) after the answers at 600 ms, not after the leases were taken.
    expect(await next).toBeGreaterThanOrEqual(1_650);
    await Promise.all(inFlight);
  });

  it('lets one holder at a time have a company, frees it when a holder dies, and tells a holder that lost it', async () => {
    const [a, b] = await threeInstances();
    const order: string[] = [];
    await Promise.all([
      a.companyLock('1001', async () => {
        order.push('a in');
        await sleep(150);
        order.push('a out');
      }),
      sleep(20).then(() => b.companyLock('1001', async () => void order.push('b in'))),
    ]);
    expect(order).toEqual(['a in', 'a out', 'b in']);

    // A holder whose lock expired (a pause longer than its time to live) may not write any more.
    const admin = new Redis(redis.url);
    try {
      await a.companyLock('1002', async (held) => {
        await expect(held.stillHeld()).resolves.toBeUndefined();
        // redis-semaphore prefixes its keys with "mutex:".
        await admin.del(`mutex:wtc:9${namespace}:company:1002`);
        const taken = b.companyLock('1002', async () => 'b wrote');
        await expect(held.stillHeld()).rejects.toMatchObject({ code: 'LOCK_LOST' });
        await expect(taken).resolves.toBe('b wrote');
      });
    } finally {
      admin.disconnect();
    }

    // An instance that dies holding a lock (its refreshes stop) blocks the company for the lock's time to live only.
    let dying: Promise<unknown> = Promise.resolve();
    await new Promise<void>((locked) => {
      dying = a.companyLock('1003', async () => {
        locked();
        await a.close();
        await sleep(SHORT.saveLockTtlMs * 2);
      });
    });
    const waitedFrom = Date.now();
    await expect(b.companyLock('1003', async () => 'b got it')).resolves.toBe('b got it');
    expect(Date.now() - waitedFrom).toBeLessThan(SHORT.saveLockTtlMs + 500);
    await dying.catch(() => undefined);
  });

  it('runs a period once across instances, and again after a holder died before finishing it', async () => {
    const [a, b, c] = await threeInstances();
    let runs = 0;
    const work = async () => {
      runs += 1;
      await sleep(100);
      return 'ran';
    };
    const outcomes = await Promise.all([a, b, c].map((instance) => instance.exclusive('job', { period: 'd1' }, work)));
    expect(runs).toBe(1);
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ran)).toEqual([
      { ran: false, reason: 'running_elsewhere' },
      { ran: false, reason: 'running_elsewhere' },
    ]);
    expect(await b.exclusive('job', { period: 'd1' }, work)).toEqual({ ran: false, reason: 'done' });

    // The holder dies mid-run: its lock lapses, the period is not done, the next try elsewhere runs it.
    void a.exclusive('job', { period: 'd2' }, async () => {
      await a.close();
      await sleep(5_000);
    });
    await sleep(50);
    expect(await b.exclusive('job', { period: 'd2' }, work)).toEqual({ ran: false, reason: 'running_elsewhere' });
    await sleep(SHORT.jobLockTtlMs + 100);
    expect(await c.exclusive('job', { period: 'd2' }, work)).toEqual({ ran: true, result: 'ran' });
  });

  it('loads a shared value once for every instance, and again once it is too old', async () => {
    const [a, b, c] = await threeInstances();
    let loads = 0;
    const load = async () => {
      loads += 1;
      await sleep(100);
      return { owners: ['501', '502'], load: loads };
    };
    const options = { maxAgeMs: 500, parse: (stored: unknown) => stored as { owners: string[]; load: number } };
    const first = await Promise.all([a, b, c].map((instance) => instance.sharedCache('owners', options, load)));
    expect(loads).toBe(1);
    expect(first.map(({ value }) => value)).toEqual([1, 2, 3].map(() => ({ owners: ['501', '502'], load: 1 })));
    await sleep(600);
    const second = await Promise.all([a, b, c].map((instance) => instance.sharedCache('owners', options, load)));
    expect(loads).toBe(2);
    expect(second.map(({ value }) => value.load)).toEqual([2, 2, 2]);
  });

  it('sees an event first on one instance only, until its time to live passes', async () => {
    const [a, b, c] = await threeInstances();
    const key = 'company:1001:wtc_bucket:1788597072520';
    const answers = await Promise.all([a, b, c].map((instance) => instance.firstDelivery(key, 300)));
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(await b.firstDelivery(key, 300)).toBe(false);
    await sleep(350);
    expect(await c.firstDelivery(key, 300)).toBe(true);
  });

  it('while Redis is down: locks fail with a typed error, the budget falls back to this instance, health says so', async () => {
    const [a] = await threeInstances();
    await redis.stop();
    try {
      await expect(a.companyLock('1001', async () => 'written')).rejects.toMatchObject({
        code: 'COORDINATION_UNAVAILABLE',
      });
      await expect(a.gates.budget(async () => 'sent')).resolves.toBe('sent');
      await expect(a.firstDelivery('event', 1_000)).rejects.toMatchObject({ code: 'COORDINATION_UNAVAILABLE' });
      expect(await a.health()).toEqual({ ok: false, reason: expect.stringMatching(/^Redis does not answer/) });
      const loaded = await a.sharedCache('owners', { maxAgeMs: 1_000, parse: () => null }, async () => 'listed here');
      expect(loaded.value).toBe('listed here');
    } finally {
      await redis.start();
    }
    // ioredis reconnects by itself: saves work again.
    for (let tries = 0; tries < 50 && !(await a.health()).ok; tries += 1) await sleep(100);
    await expect(a.companyLock('1001', async () => 'written')).resolves.toBe('written');
  });
});
