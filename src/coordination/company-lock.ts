import { createKeyedLock } from '../lib/keyed-lock';

/** What the work under a company lock can ask: whether the lock is still its own, right before it writes. */
export type LockHeld = {
  /** Throws (CoordinationError) when the lock was lost, e.g. after a pause longer than its time to live. */
  stillHeld: () => Promise<void>;
};

/**
 * Runs work for one company at a time: across instances with Redis, inside this process without. HubSpot has
 * no conditional writes, so this is what keeps two saves of one company from both passing the version check.
 */
export type CompanyLock = <T>(companyId: string, work: (held: LockHeld) => Promise<T>) => Promise<T>;

const ALWAYS_HELD: LockHeld = { stillHeld: async () => undefined };

/** One process: a keyed in-process queue; nothing can take the lock away. */
export const createLocalCompanyLock = (): CompanyLock => {
  const oneAtATime = createKeyedLock();
  return (companyId, work) => oneAtATime(companyId, () => work(ALWAYS_HELD));
};

/** Work under the locks of several companies, taken in a fixed order so two callers cannot deadlock. */
export const withCompanyLocks = <T>(lock: CompanyLock, companyIds: readonly string[], work: () => Promise<T>) =>
  [...new Set(companyIds)]
    .sort()
    .reduceRight<() => Promise<T>>((inner, companyId) => () => lock(companyId, inner), work)();
