import { OBJECT_TYPE_ID } from '@why-they-care/hubspot-contract';

import { type HubSpotContext } from './client';

export type AccountUser = {
  ownerId: string;
  userId: number | null;
  email: string;
  firstName: string;
  lastName: string;
};

export type CompanyTask = { id: string; properties: Record<string, string | null>; companyIds: string[] };

const PAGE_SIZE = 100;

/** Follows HubSpot's `paging.next.after` until the last page. */
const everyPage = async <T>(fetchPage: (after: string | undefined) => Promise<{ items: T[]; after?: string }>) => {
  const items: T[] = [];
  let after: string | undefined;
  do {
    const page = await fetchPage(after);
    items.push(...page.items);
    after = page.after;
  } while (after);
  return items;
};

/**
 * What the local preview shows around the card, read the way HubSpot's record page would: the account's
 * companies, users, a company's lists and its tasks. Reads every page, so meant for small accounts (the
 * sandbox), never for the product's own work.
 */
export const previewReads = ({ client, call }: HubSpotContext) => ({
  companies: (properties: readonly string[]) =>
    everyPage(async (after) => {
      const page = await call(
        'companies.search',
        () =>
          client.crm.companies.searchApi.doSearch({
            filterGroups: [],
            properties: [...properties],
            sorts: ['name'],
            limit: PAGE_SIZE,
            ...(after ? { after } : {}),
          }),
        { idempotent: true, search: true },
      );
      return {
        items: page.results.map(({ id, properties: values }) => ({ id, properties: values })),
        after: page.paging?.next?.after,
      };
    }),

  company: async (companyId: string, properties: readonly string[]) => {
    const company = await call('companies.get', () =>
      client.crm.companies.basicApi.getById(companyId, [...properties]),
    );
    return { id: company.id, properties: company.properties };
  },

  users: () =>
    everyPage<AccountUser>(async (after) => {
      const page = await call('owners.list', () => client.crm.owners.ownersApi.getPage(undefined, after, PAGE_SIZE));
      return {
        items: page.results.map((owner) => ({
          ownerId: owner.id,
          userId: owner.userId ?? null,
          email: owner.email ?? '',
          firstName: owner.firstName ?? '',
          lastName: owner.lastName ?? '',
        })),
        after: page.paging?.next?.after,
      };
    }),

  /** The names of the lists a company is in: its memberships, then those lists by id. */
  listsContaining: async (companyId: string): Promise<string[]> => {
    const memberships = await call('lists.memberships', () =>
      client.crm.lists.membershipsApi.getLists(OBJECT_TYPE_ID.company, companyId),
    );
    const ids = memberships.results.map((membership) => membership.listId);
    if (ids.length === 0) return [];
    const { lists } = await call('lists.getAll', () => client.crm.lists.listsApi.getAll(ids));
    return lists.map((list) => list.name);
  },

  /** Every task with the companies it is associated with. */
  tasks: (properties: readonly string[]) =>
    everyPage<CompanyTask>(async (after) => {
      const page = await call('tasks.list', () =>
        client.crm.objects.tasks.basicApi.getPage(PAGE_SIZE, after, [...properties], undefined, ['companies']),
      );
      return {
        items: page.results.map((task) => ({
          id: task.id,
          properties: task.properties,
          companyIds: (task.associations?.companies?.results ?? []).map((association) => association.id),
        })),
        after: page.paging?.next?.after,
      };
    }),
});

export type PreviewReads = ReturnType<typeof previewReads>;
