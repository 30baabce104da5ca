import { type Owner, type OwnersApi } from '../hubspot/owners';

export type SuccessManagerRules = {
  byTeam: Record<string, string>;
  fallback: string | null;
};

const OWNERS_TTL_MS = 10 * 60 * 1000;

/**
 * HubSpot has no manager field: the success manager of a company is the manager mapped to its owner's
 * team (primary team first), else the default manager. Owners are cached briefly so a save usually
 * costs no extra HubSpot call.
 */
export const createSuccessManagerResolver = (owners: OwnersApi, rules: SuccessManagerRules, now = () => Date.now()) => {
  let cache: { at: number; byId: Map<string, Owner> } | null = null;

  const ownerById = async (ownerId: string): Promise<Owner | undefined> => {
    if (!cache || now() - cache.at > OWNERS_TTL_MS) {
      cache = { at: now(), byId: new Map((await owners.all()).map((owner) => [owner.id, owner])) };
    }
    return cache.byId.get(ownerId);
  };

  return async (ownerId: string | null): Promise<string | null> => {
    if (Object.keys(rules.byTeam).length === 0) return rules.fallback;
    const owner = ownerId ? await ownerById(ownerId) : undefined;
    const teams = owner ? [owner.primaryTeamId, ...owner.teamIds].filter((team): team is string => Boolean(team)) : [];
    const mapped = teams.map((team) => rules.byTeam[team]).find(Boolean);
    return mapped ?? rules.fallback;
  };
};
