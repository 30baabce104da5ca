import { type HubSpotContext } from './client';

export type Owner = {
  id: string;
  email: string | null;
  /** As people know them (first and last name, else the email), for the home page's rows by owner. */
  name: string;
  teamIds: string[];
  primaryTeamId: string | null;
};

const nameOf = (owner: { firstName?: string; lastName?: string; email?: string; id: string }) =>
  [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || `Owner ${owner.id}`;

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
          name: nameOf(owner),
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
