import { type SuccessManagerLookup } from '@why-they-care/domain';
import { type Logger } from 'pino';
import { z } from 'zod';

import { type SharedCache } from '../coordination/coordination';
import { type Owner, type OwnersApi } from '../hubspot/owners';

export type SuccessManagerRules = {
  byTeam: Record<string, string>;
  fallback: string | null;
};

export const OWNERS_REFRESH_MS = 10 * 60 * 1000;
/** After a failed listing, and at most this often for an owner missing from the list (a new user). */
const RELOAD_GAP_MS = 30 * 1000;

/** The owners as shared between instances (see SharedCache): checked when read back. */
const ownersSchema = z.array(
  z.object({
    id: z.string(),
    email: z.string().nullable(),
    name: z.string(),
    teamIds: z.array(z.string()),
    primaryTeamId: z.string().nullable(),
  }),
);
const parseOwners = (stored: unknown): Owner[] | null => ownersSchema.safeParse(stored).data ?? null;

/**
 * HubSpot has no manager field. A company's success manager is the manager mapped to its owner's team
 * (primary team first), else the default manager, else the owner: the one rule both automation modes
 * follow, since the re-recruit task goes to whoever the stored property names.
 *
 * With team rules the owners must be listed. That happens when the backend starts and again in the
 * background every 10 minutes, so a save only reads the list and never pays for, or waits on, an owners
 * call. Until a listing has included the owner, the answer is `known: false`. With a shared cache (Redis),
 * one instance lists them for all: the others read its listing while it is recent enough.
 */
export const createSuccessManagers = (deps: {
  owners: OwnersApi;
  rules: SuccessManagerRules;
  logger: Logger;
  refreshEveryMs?: number;
  now?: () => number;
  sharedCache?: SharedCache;
}) => {
  const { rules } = deps;
  const now = deps.now ?? (() => Date.now());
  const needsOwners = Object.keys(rules.byTeam).length > 0;
  const refreshEveryMs = deps.refreshEveryMs ?? OWNERS_REFRESH_MS;
  // Without a shared cache (one process), every listing asks HubSpot.
  const shared: SharedCache =
    deps.sharedCache ??
    (async (_key, _options, list) => {
      const at = now();
      return { value: await list(), at };
    });
  let owners: Map<string, Owner> | null = null;
  let listedAt = 0;
  let loading: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  /** Owners a lookup did not find, with when: a listing that started later settles them for good. */
  const missedAt = new Map<string, number>();
  const onLoad: (() => void)[] = [];

  /** Lists again in `inMs`, accepting a listing made at most `maxAgeMs` ago (by this or another instance). */
  const scheduleLoad = (inMs: number, maxAgeMs: number) => {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = null;
    if (inMs <= 0) {
      void load(maxAgeMs);
      return;
    }
    timer = setTimeout(() => void load(maxAgeMs), inMs);
    timer.unref();
  };

  const load = (maxAgeMs: number): Promise<void> => {
    if (loading) return loading;
    loading = shared('owners', { maxAgeMs, parse: parseOwners }, () => deps.owners.all())
      .then(
        ({ value: list, at }) => {
          owners = new Map(list.map((owner) => [owner.id, owner]));
          listedAt = at;
          scheduleLoad(Math.max(0, at + refreshEveryMs - now()), refreshEveryMs);
          onLoad.forEach((listener) => listener());
        },
        (error: unknown) => {
          deps.logger.warn({ err: error }, 'HubSpot owners could not be listed for the success-manager rule; retrying');
          scheduleLoad(RELOAD_GAP_MS, RELOAD_GAP_MS);
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
    const missedSince = firstMissed ?? now();
    missedAt.set(ownerId, missedSince);
    // Only a listing that started after the miss settles it.
    if (!loading) scheduleLoad(Math.max(0, listedAt + RELOAD_GAP_MS - now()), Math.max(0, now() - missedSince));
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
      if (needsOwners) void load(refreshEveryMs);
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
