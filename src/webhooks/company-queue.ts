import { BATCH_LIMIT } from '@why-they-care/hubspot-contract';
import { type Logger } from 'pino';

/** After a failed batch, its companies are tried again after these delays, then given up (logged). */
export const RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000] as const;

/**
 * The companies a webhook named, handled in the background after the delivery is answered: up to 100 per
 * batch (one batch read, one batch update), one batch at a time. A company named again while it waits is
 * handled once; named again while its batch runs, once more afterwards (the change may be newer than the
 * read). A failed batch is retried later, its companies merged with whatever arrived meanwhile.
 */
export const createCompanyQueue = (deps: {
  process: (companyIds: string[]) => Promise<unknown>;
  logger: Logger;
  retryDelaysMs?: readonly number[];
}) => {
  const retryDelays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  const waiting = new Set<string>();
  const failures = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let running: Promise<void> | null = null;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];

  const settleIfIdle = () => {
    if (running || waiting.size || timers.size) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  };

  const retryLater = (companyIds: string[], error: unknown) => {
    const attempt = Math.max(...companyIds.map((id) => failures.get(id) ?? 0));
    const delay = retryDelays[attempt];
    if (delay === undefined || stopped) {
      companyIds.forEach((id) => failures.delete(id));
      deps.logger.error({ err: error, companyIds }, 'webhook changes given up after retries: the daily run catches up');
      return;
    }
    companyIds.forEach((id) => failures.set(id, attempt + 1));
    deps.logger.warn({ err: error, companyIds, retryInMs: delay }, 'webhook changes not handled yet; retrying');
    const timer = setTimeout(() => {
      timers.delete(timer);
      add(companyIds);
    }, delay);
    timer.unref();
    timers.add(timer);
  };

  const run = async () => {
    while (waiting.size && !stopped) {
      const batch = [...waiting].slice(0, BATCH_LIMIT);
      batch.forEach((id) => waiting.delete(id));
      try {
        await deps.process(batch);
        batch.forEach((id) => failures.delete(id));
      } catch (error) {
        retryLater(batch, error);
      }
    }
  };

  const kick = () => {
    if (running || stopped || !waiting.size) return;
    running = run().finally(() => {
      running = null;
      kick();
      settleIfIdle();
    });
  };

  const add = (companyIds: readonly string[]) => {
    companyIds.forEach((id) => waiting.add(id));
    kick();
  };

  return {
    add,
    /** Settles once nothing waits, runs or is due for a retry (tests, a graceful stop). */
    idle: () => new Promise<void>((resolve) => (idleWaiters.push(resolve), settleIfIdle())),
    /** Stops taking batches; the one under way finishes. */
    stop: async () => {
      stopped = true;
      timers.forEach(clearTimeout);
      timers.clear();
      waiting.clear();
      await running;
      settleIfIdle();
    },
  };
};

export type CompanyQueue = ReturnType<typeof createCompanyQueue>;
