import {
  dynamicCompanyListBody,
  type FilterBranch,
  listFiltersBody,
  OBJECT_TYPE_ID,
} from '@why-they-care/hubspot-contract';

import { type HubSpotContext } from './client';
import { HubSpotError } from './errors';

export type ExistingList = { listId: string; name: string; filterBranch: unknown };

export const listsApi = ({ client, call }: HubSpotContext) => ({
  findByName: async (name: string): Promise<ExistingList | null> => {
    try {
      const { list } = await call('lists.getByName', () =>
        client.crm.lists.listsApi.getByName(name, OBJECT_TYPE_ID.company, true),
      );
      return { listId: list.listId, name: list.name, filterBranch: list.filterBranch };
    } catch (error) {
      if (error instanceof HubSpotError && error.code === 'HUBSPOT_NOT_FOUND') return null;
      throw error;
    }
  },

  create: async (name: string, filterBranch: FilterBranch): Promise<string> => {
    const { list } = await call(
      'lists.create',
      () => client.crm.lists.listsApi.create(dynamicCompanyListBody(name, filterBranch)),
      {
        idempotent: false,
      },
    );
    return list.listId;
  },

  updateFilters: async (listId: string, filterBranch: FilterBranch) => {
    await call('lists.updateFilters', () =>
      client.crm.lists.listsApi.updateListFilters(listId, listFiltersBody(filterBranch)),
    );
  },
});

export type ListsApi = ReturnType<typeof listsApi>;
