import { createLocalGates } from '../hubspot/call';
import { createLocalCompanyLock } from './company-lock';
import { type Coordination, type EventDedupe, type Exclusive } from './coordination';

const IN_CHARGE = async () => undefined;

/** Periods done and jobs running in this process (a second process cannot see them: use Redis for that). */
const createLocalExclusive = (): Exclusive => {
  const done = new Set<string>();
  const running = new Set<string>();
  return async (name, options, work) => {
    const doneKey = `${name} ${options.period ?? ''}`;
    if (options.period && done.has(doneKey)) return { ran: false, reason: 'done' };
    if (running.has(name)) return { ran: false, reason: 'running_elsewhere' };
    running.add(name);
    try {
      const result = await work(IN_CHARGE);
      if (options.period) done.add(doneKey);
      return { ran: true, result };
    } finally {
      running.delete(name);
    }
  };
};

const createLocalDedupe = (now: () => number = Date.now): EventDedupe => {
  const seenUntil = new Map<string, number>();
  return async (key, ttlMs) => {
    const at = now();
    for (const [seen, until] of seenUntil) if (until <= at) seenUntil.delete(seen);
    if (seenUntil.has(key)) return false;
    seenUntil.set(key, at + ttlMs);
    return true;
  };
};

/** One process, no Redis: everything in memory, as the backend always did. */
export const createLocalCoordination = (requestsPer10s: number, searchesPerSecond?: number): Coordination => ({
  mode: 'local',
  gates: createLocalGates(requestsPer10s, searchesPerSecond),
  companyLock: createLocalCompanyLock(),
  exclusive: createLocalExclusive(),
  sharedCache: async (_key, _options, load) => {
    const at = Date.now();
    return { value: await load(), at };
  },
  firstDelivery: createLocalDedupe(),
  health: async () => ({ ok: true }),
  ready: async () => undefined,
  close: async () => undefined,
});
