import { Redis } from 'ioredis';
import { type Logger } from 'pino';
import { type LockOptions, Mutex, Semaphore } from 'redis-semaphore';

import { SEARCHES_PER_SECOND, WINDOW_MARGIN_MS } from '../hubspot/call';
import { type Answered, type Gate, gateOf } from '../hubspot/gate';
import { HubSpotError } from '../hubspot/errors';
import { createKeyedLock } from '../lib/keyed-lock';
import { type CompanyLock } from './company-lock';
import { type Coordination, type EventDedupe, type Exclusive, type SharedCache } from './coordination';
import { CoordinationError } from './coordination.errors';

/** How long locks live and waits last. Tests shorten them. */
export type RedisTimings = {
  /** A save holding a company's lock that crashed blocks that company this long at most. */
  saveLockTtlMs: number;
  /** A save waits this long for the company's lock before answering 503 SAVE_BUSY. */
  saveLockWaitMs: number;
  /** A scheduled job whose instance died is free to run elsewhere after this long. */
  jobLockTtlMs: number;
  /** How long an instance waits for another one's load of a shared value before loading it itself. */
  cacheWaitMs: number;
  /** How often a waiter asks Redis again (a lock, a lease of the budget). */
  pollMs: number;
};

export const REDIS_TIMINGS: RedisTimings = {
  saveLockTtlMs: 15_000,
  saveLockWaitMs: 20_000,
  jobLockTtlMs: 60_000,
  cacheWaitMs: 5_000,
  pollMs: 20,
};

/** A request waits this long at most for room in the shared budget (HubSpot itself would answer 429). */
const GATE_WAIT_MS = 10 * 60_000;
/** A period's "done" mark outlives the period, so a late instance does not run it again. */
const DONE_FOR_MS = 3 * 24 * 60 * 60_000;
/** How long a starting backend waits for Redis before serving anyway (reads work without it). */
const CONNECT_WAIT_MS = 3_000;
const IGNORE = () => undefined;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Redis did not answer when a request asked for a lease of the shared budget. */
class BudgetUnshared extends Error {
  constructor(cause: unknown) {
    super('shared HubSpot budget unavailable', { cause });
  }
}

const unavailable = (cause: unknown) =>
  new CoordinationError('COORDINATION_UNAVAILABLE', 'Redis (REDIS_URL) does not answer: instances cannot coordinate', {
    cause,
  });

/**
 * One ioredis connection per process. Commands fail at once while it is disconnected (no offline queue)
 * instead of waiting: a save then answers 503 and reads go on; it keeps reconnecting in the background.
 */
export const connectRedis = (url: string, logger: Logger) => {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(100 * times, 2_000),
  });
  let lastProblem = '';
  redis.on('error', (error: Error) => {
    if (error.message !== lastProblem)
      logger.warn({ err: error }, 'Redis unavailable: saves are refused until it is back');
    lastProblem = error.message;
  });
  redis.on('ready', () => {
    if (lastProblem) logger.info('Redis available again');
    lastProblem = '';
  });
  return redis;
};

/**
 * HubSpot's rule, shared: at most `limit` requests in any rolling window, all instances together. Each
 * request takes a lease from a Redis semaphore (redis-semaphore) that is never released: it expires one
 * window after it was last taken or refreshed, and it is refreshed when the request's answer comes back. So,
 * as in this process's own window (createRollingWindow), a request counts from when it leaves until a window
 * after its answer, whenever HubSpot saw it arrive. (One answered later than a window after it left, which
 * the request timeout makes rare, has lost its lease by then and counts no longer.) Inside the process,
 * requests queue in order and only the first one asks Redis. If Redis fails, the request passes this
 * process's own window instead: reads go on, at the risk of HubSpot answering 429 (retried) while the
 * instances cannot count together.
 */
const sharedWindow = (
  redis: Redis,
  key: string,
  limit: number,
  windowMs: number,
  fallback: Gate,
  pollMs: number,
  logger: Logger,
): Gate => {
  const lockTimeout = windowMs + WINDOW_MARGIN_MS;
  const shared = gateOf(async (): Promise<Answered> => {
    const lease = new Semaphore(redis, key, limit, {
      lockTimeout,
      refreshInterval: 0,
      acquireTimeout: GATE_WAIT_MS,
      retryInterval: pollMs,
    });
    let acquired: boolean;
    try {
      acquired = await lease.tryAcquire();
    } catch (error) {
      throw new BudgetUnshared(error);
    }
    if (!acquired) {
      throw new HubSpotError('HUBSPOT_RATE_LIMITED', 'The shared HubSpot budget stayed full', {
        operation: 'rate budget',
      });
    }
    // redis-semaphore's refresh of a lease it knows: its window starts again now.
    const refresh = new Semaphore(redis, key, limit, {
      identifier: lease.identifier,
      acquiredExternally: true,
      lockTimeout,
      refreshInterval: 0,
    });
    return () => void refresh.tryAcquire().catch(IGNORE);
  });
  return async (request) => {
    try {
      return await shared(request);
    } catch (error) {
      // Only a failure to take a lease: the request itself did not run.
      if (!(error instanceof BudgetUnshared)) throw error;
      logger.debug({ err: error.cause }, 'shared HubSpot budget unavailable: this instance counts alone');
      return fallback(request);
    }
  };
};

/** Extends a lock still held by `identifier` (redis-semaphore's refresh of a known holder); false if lost. */
const extend = (redis: Redis, key: string, identifier: string, lockTimeout: number) =>
  new Mutex(redis, key, { identifier, acquiredExternally: true, lockTimeout, refreshInterval: 0 }).tryAcquire();

/** Whether this holder still has the lock, extending it if so. */
const confirmHeld = async (redis: Redis, key: string, identifier: string, lockTimeout: number) => {
  let held: boolean;
  try {
    held = await extend(redis, key, identifier, lockTimeout);
  } catch (error) {
    throw unavailable(error);
  }
  if (!held) throw new CoordinationError('LOCK_LOST', `The lock ${key} expired before the write it guarded`);
};

/**
 * A lock taken with `refreshInterval: 0` and kept alive here: redis-semaphore's own refresh timer lets a
 * failed refresh (Redis down) escape as an unhandled rejection, which would stop the process. A refresh that
 * fails is only logged: the holder's `confirmHeld` before its next write decides.
 */
const takeLock = async (redis: Redis, key: string, options: { lockTimeout: number } & LockOptions) => {
  const mutex = new Mutex(redis, key, { ...options, refreshInterval: 0 });
  if (!(await mutex.tryAcquire())) return null;
  const timer = setInterval(
    () => void extend(redis, key, mutex.identifier, options.lockTimeout).catch(IGNORE),
    Math.round(options.lockTimeout / 3),
  );
  timer.unref();
  return {
    identifier: mutex.identifier,
    release: async () => {
      clearInterval(timer);
      await mutex.release().catch(IGNORE);
    },
  };
};

/**
 * A save's lock across instances: a Redis mutex with a time to live, refreshed while the save runs, so a
 * crashed holder frees it within `saveLockTtlMs`. The save checks it still holds it right before writing
 * (`stillHeld`): a holder paused past its lease does not write. Inside the process, saves of one company
 * queue first, so only one of them polls Redis.
 */
const sharedCompanyLock = (redis: Redis, namespace: string, timings: RedisTimings): CompanyLock => {
  const inProcess = createKeyedLock();
  return (companyId, work) =>
    inProcess(companyId, async () => {
      const key = `${namespace}:company:${companyId}`;
      const lock = await takeLock(redis, key, {
        lockTimeout: timings.saveLockTtlMs,
        acquireTimeout: timings.saveLockWaitMs,
        retryInterval: timings.pollMs,
      }).catch((error: unknown) => {
        throw unavailable(error);
      });
      if (!lock) throw new CoordinationError('LOCK_BUSY', `Company ${companyId} stayed locked by another save`);
      try {
        return await work({ stillHeld: () => confirmHeld(redis, key, lock.identifier, timings.saveLockTtlMs) });
      } finally {
        await lock.release();
      }
    });
};

/**
 * One run at a time across instances: a Redis mutex per job, tried once (busy means under way elsewhere),
 * refreshed while the job runs and checked before each of its batches of writes; with a period, a "done"
 * mark written when the run succeeds, so the period runs once. A holder that died frees the job after
 * `jobLockTtlMs`; whoever runs it next finds the period not done and runs it again.
 */
const sharedExclusive = (redis: Redis, namespace: string, timings: RedisTimings): Exclusive => {
  const isDone = async (doneKey: string | null) => {
    if (!doneKey) return false;
    try {
      return (await redis.exists(doneKey)) === 1;
    } catch (error) {
      throw unavailable(error);
    }
  };
  return async (name, options, work) => {
    const key = `${namespace}:job:${name}`;
    const doneKey = options.period ? `${key}:done:${options.period}` : null;
    if (await isDone(doneKey)) return { ran: false, reason: 'done' };
    const lock = await takeLock(redis, key, { lockTimeout: timings.jobLockTtlMs, acquireAttemptsLimit: 1 }).catch(
      (error: unknown) => {
        throw unavailable(error);
      },
    );
    if (!lock) return { ran: false, reason: 'running_elsewhere' };
    try {
      // Finished elsewhere between the first look and the lock.
      if (await isDone(doneKey)) return { ran: false, reason: 'done' };
      const result = await work(() => confirmHeld(redis, key, lock.identifier, timings.jobLockTtlMs));
      if (doneKey) await redis.set(doneKey, '1', 'PX', DONE_FOR_MS).catch(IGNORE);
      return { ran: true, result };
    } finally {
      await lock.release();
    }
  };
};

type Stored = { at: number; value: unknown };

const isStored = (parsed: unknown): parsed is Stored =>
  typeof parsed === 'object' && parsed !== null && 'at' in parsed && typeof parsed.at === 'number' && 'value' in parsed;

/**
 * A value loaded by one instance and read by all: stored in Redis with when it was loaded. When it is too
 * old, the instance that gets the loading lock loads it while the others wait for its answer (up to
 * `cacheWaitMs`, then they load it themselves). Without Redis, every instance loads its own.
 */
const sharedCache = (redis: Redis, namespace: string, timings: RedisTimings, logger: Logger): SharedCache => {
  return async (name, options, load) => {
    const key = `${namespace}:cache:${name}`;
    const fresh = async () => {
      const text = await redis.get(key);
      const stored: unknown = text ? JSON.parse(text) : null;
      if (!isStored(stored) || Date.now() - stored.at >= options.maxAgeMs) return null;
      const value = options.parse(stored.value);
      return value === null ? null : { value, at: stored.at };
    };
    const loadAndShare = async () => {
      const at = Date.now();
      const value = await load();
      await redis
        .set(key, JSON.stringify({ at, value } satisfies Stored), 'PX', options.maxAgeMs * 6)
        .catch((error: unknown) => logger.warn({ err: error, key }, 'shared value not stored in Redis'));
      return { value, at };
    };
    try {
      const cached = await fresh();
      if (cached) return cached;
      const loading = await takeLock(redis, `${key}:loading`, {
        lockTimeout: timings.cacheWaitMs * 2,
        acquireAttemptsLimit: 1,
      });
      if (loading) {
        try {
          return await loadAndShare();
        } finally {
          await loading.release();
        }
      }
      for (const until = Date.now() + timings.cacheWaitMs; Date.now() < until;) {
        await sleep(Math.max(timings.pollMs, 100));
        const loaded = await fresh();
        if (loaded) return loaded;
      }
    } catch (error) {
      if (error instanceof HubSpotError || error instanceof CoordinationError) throw error;
      logger.warn({ err: error, key }, 'shared value unavailable in Redis: loading it here');
    }
    return loadAndShare();
  };
};

/** SET NX with a time to live: the first instance to see a key wins, for `ttlMs`. */
const sharedDedupe =
  (redis: Redis, namespace: string): EventDedupe =>
  async (key, ttlMs) => {
    try {
      return (await redis.set(`${namespace}:seen:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
    } catch (error) {
      throw unavailable(error);
    }
  };

/**
 * Coordination of every instance through one Redis: the HubSpot budget and search limit, the company locks,
 * the scheduled jobs, shared values and event dedupe. `namespace` prefixes every key (the HubSpot account),
 * so one Redis can serve the backends of several accounts.
 */
export const createRedisCoordination = (input: {
  redis: Redis;
  namespace: string;
  requestsPer10s: number;
  /** CRM searches a second (default SEARCHES_PER_SECOND). */
  searchesPerSecond?: number;
  fallbackGates: Coordination['gates'];
  logger: Logger;
  timings?: Partial<RedisTimings>;
}): Coordination => {
  const { redis, namespace, logger } = input;
  const timings = { ...REDIS_TIMINGS, ...input.timings };
  // Not connected at first: ioredis goes on trying in the background (retryStrategy).
  const connecting = redis.status === 'wait' ? redis.connect().catch(IGNORE) : Promise.resolve();
  return {
    mode: 'redis',
    gates: {
      budget: sharedWindow(
        redis,
        `${namespace}:hubspot:budget`,
        input.requestsPer10s,
        10_000,
        input.fallbackGates.budget,
        timings.pollMs,
        logger,
      ),
      search: sharedWindow(
        redis,
        `${namespace}:hubspot:search`,
        input.searchesPerSecond ?? SEARCHES_PER_SECOND,
        1_000,
        input.fallbackGates.search,
        timings.pollMs,
        logger,
      ),
    },
    companyLock: sharedCompanyLock(redis, namespace, timings),
    exclusive: sharedExclusive(redis, namespace, timings),
    sharedCache: sharedCache(redis, namespace, timings, logger),
    firstDelivery: sharedDedupe(redis, namespace),
    health: () =>
      redis.ping().then(
        () => ({ ok: true }) as const,
        (error: unknown) => ({
          ok: false,
          reason: `Redis does not answer (${error instanceof Error ? error.message : String(error)})`,
        }),
      ),
    ready: () => Promise.race([connecting, sleep(CONNECT_WAIT_MS)]).then(IGNORE),
    close: async () => {
      redis.disconnect();
    },
  };
};
