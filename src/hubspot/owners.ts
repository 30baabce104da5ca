import { type HubSpotContext } from './client';

export type Owner = { id: string; email: string | null; teamIds: string[]; primaryTeamId: string | null };

export const ownersApi = ({ client, call }: HubSpotContext) => ({
  all: async (): Promise<Owner[]> => {
    const owners: Owner[] = [];
    let after: string | undefined;
    do {
      const page = await call('owners.list', () => client.crm.owners.ownersApi.getPage(undefined, after, 100, false));
      owners.push(
        ...page.results.map((owner) => ({
          id: owner.id,
          email: owner.email ?? null,
          teamIds: (owner.teams ?? []).map((team) => String(team.id)),
          primaryTeamId: String((owner.teams ?? []).find((team) => team.primary)?.id ?? '') || null,
        })),
      );
      after = page.paging?.next?.after;
    } while (after);
    return owners;
  },
});

export type OwnersApi = ReturnType<typeof ownersApi>;
