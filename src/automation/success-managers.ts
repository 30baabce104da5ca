import { type SuccessManagerLookup } from '@why-they-care/domain';
import { type Logger } from 'pino';

import { type Owner, type OwnersApi } from '../hubspot/owners';

export type SuccessManagerRules = {
  byTeam: Record<string, string>;
  fallback: string | null;
};

export const OWNERS_REFRESH_MS = 10 * 60 * 1000;
/** After a failed listing, and at most this often for an owner missing from the list (a new user). */
const RELOAD_GAP_MS = 30 * 1000;

/**
 * HubSpot has no manager field. A company's success manager is the manager mapped to its owner's team
 * (primary team first), else the default manager, else the owner: the one rule both automation modes
 * follow, since the re-recruit task goes to whoever the stored property names.
 *
 * With team rules the owners must be listed. That happens when the backend starts and again in the
 * background every 10 minutes, so a save only reads the list and never pays for, or waits on, an owners
 * call. Until a listing has included the owner, the answer is `known: false`.
 */
export const createSuccessManagers = (deps: {
  owners: OwnersApi;
  rules: SuccessManagerRules;
  logger: Logger;
  refreshEveryMs?: number;
  now?: () => number;
}) => {
  const { rules } = deps;
  const now = deps.now ?? (() => Date.now());
  const needsOwners = Object.keys(rules.byTeam).length > 0;
  let owners: Map<string, Owner> | null = null;
  let listedAt = 0;
  let loading: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  /** Owners a lookup did not find, with when: a listing that started later settles them for good. */
  const missedAt = new Map<string, number>();
  const onLoad: (() => void)[] = [];

  const scheduleLoad = (inMs: number) => {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = null;
    if (inMs <= 0) {
      void load();
      return;
    }
    timer = setTimeout(() => void load(), inMs);
    timer.unref();
  };

  const load = (): Promise<void> => {
    if (loading) return loading;
    const startedAt = now();
    loading = deps.owners
      .all()
      .then(
        (list) => {
          owners = new Map(list.map((owner) => [owner.id, owner]));
          listedAt = startedAt;
          scheduleLoad(deps.refreshEveryMs ?? OWNERS_REFRESH_MS);
          onLoad.forEach((listener) => listener());
        },
        (error: unknown) => {
          deps.logger.warn({ err: error }, 'HubSpot owners could not be listed for the success-manager rule; retrying');
          scheduleLoad(RELOAD_GAP_MS);
        },
      )
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  /** An owner not in the list may be a user added since: list again soon, then decide. */
  const missed = (ownerId: string): SuccessManagerLookup => {
    const firstMissed = missedAt.get(ownerId);
    if (firstMissed !== undefined && listedAt > firstMissed) return { known: true, successManagerId: null };
    if (firstMissed === undefined) missedAt.set(ownerId, now());
    if (!loading) scheduleLoad(Math.max(0, listedAt + RELOAD_GAP_MS - now()));
    return { known: false };
  };

  const teamManager = (ownerId: string): SuccessManagerLookup => {
    if (!owners) return { known: false };
    const owner = owners.get(ownerId);
    if (!owner) return missed(ownerId);
    const teams = [owner.primaryTeamId, ...owner.teamIds].filter((team): team is string => Boolean(team));
    return { known: true, successManagerId: teams.map((team) => rules.byTeam[team]).find(Boolean) ?? null };
  };

  const lookup = (ownerId: string | null): SuccessManagerLookup => {
    const mapped: SuccessManagerLookup =
      ownerId && needsOwners ? teamManager(ownerId) : { known: true, successManagerId: null };
    if (!mapped.known) return mapped;
    return { known: true, successManagerId: mapped.successManagerId ?? rules.fallback ?? ownerId };
  };

  return {
    lookup,
    /** Lists the owners now (when team rules need them) and keeps the list fresh in the background. */
    start: () => {
      running = true;
      if (needsOwners) void load();
    },
    stop: () => {
      running = false;
      if (timer) clearTimeout(timer);
    },
    /** Settles when the listing under way does (at once when none is). */
    settled: (): Promise<void> => loading ?? Promise.resolve(),
    /** Called after every successful listing. */
    onLoad: (listener: () => void) => {
      onLoad.push(listener);
    },
  };
};

export type SuccessManagers = ReturnType<typeof createSuccessManagers>;
