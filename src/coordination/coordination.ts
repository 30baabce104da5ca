import { type CallGates } from '../hubspot/call';
import { type CompanyLock } from './company-lock';

/** Whether the store the instances share answers; always true without Redis. */
export type CoordinationHealth = { ok: true } | { ok: false; reason: string };

/** What `exclusive` did: ran the work (its result), or not because it was done or under way elsewhere. */
export type ExclusiveOutcome<T> = { ran: true; result: T } | { ran: false; reason: 'done' | 'running_elsewhere' };

/**
 * Runs `work` in one place at a time across instances (`name` is the job, e.g. "automation"). With a
 * `period` (e.g. today's date), once per period: a period already done is skipped. The work gets
 * `stillInCharge`, to call before each batch of writes: it throws once another instance may have taken over.
 */
export type Exclusive = <T>(
  name: string,
  options: { period?: string },
  work: (stillInCharge: () => Promise<void>) => Promise<T>,
) => Promise<ExclusiveOutcome<T>>;

/**
 * A value every instance shares, loaded by one of them when it is older than `maxAgeMs` (the others wait
 * for it a moment), with when it was loaded (`at`, epoch ms). `parse` checks what was stored (null: not
 * usable, load again); the value must be plain JSON. Without Redis, each call loads. Usable for any cache
 * of HubSpot data that instances should not each pay for.
 */
export type SharedCache = <T>(
  key: string,
  options: { maxAgeMs: number; parse: (stored: unknown) => T | null },
  load: () => Promise<T>,
) => Promise<{ value: T; at: number }>;

/**
 * True the first time `key` is seen within `ttlMs`, false for a repeat, across instances: for events that
 * may be delivered twice (HubSpot's webhooks retry, and say duplicates are possible).
 */
export type EventDedupe = (key: string, ttlMs: number) => Promise<boolean>;

/** How instances of the backend share the HubSpot budget, company locks, scheduled runs and caches. */
export type Coordination = {
  mode: 'local' | 'redis';
  gates: CallGates;
  companyLock: CompanyLock;
  exclusive: Exclusive;
  sharedCache: SharedCache;
  firstDelivery: EventDedupe;
  health: () => Promise<CoordinationHealth>;
  /** Settles once connected, or after a few seconds without (the backend serves meanwhile: reads work). */
  ready: () => Promise<void>;
  close: () => Promise<void>;
};
