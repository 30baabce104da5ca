import { type ListCreateRequest } from '@hubspot/api-client/lib/codegen/crm/lists/models/ListCreateRequest';
import { type ListFilterUpdateRequest } from '@hubspot/api-client/lib/codegen/crm/lists/models/ListFilterUpdateRequest';

import { type HubSpotContext } from './client';
import { HubSpotError } from './errors';

export const COMPANY_OBJECT_TYPE_ID = '0-2';

/** A list filter branch as HubSpot's Lists API takes it (root OR of AND branches). */
export type FilterBranch = Record<string, unknown>;

export type ExistingList = { listId: string; name: string; filterBranch: FilterBranch | undefined };

export const listsApi = ({ client, call }: HubSpotContext) => ({
  findByName: async (name: string): Promise<ExistingList | null> => {
    try {
      const { list } = await call('lists.getByName', () =>
        client.crm.lists.listsApi.getByName(name, COMPANY_OBJECT_TYPE_ID, true),
      );
      return { listId: list.listId, name: list.name, filterBranch: list.filterBranch as FilterBranch | undefined };
    } catch (error) {
      if (error instanceof HubSpotError && error.code === 'HUBSPOT_NOT_FOUND') return null;
      throw error;
    }
  },

  create: async (name: string, filterBranch: FilterBranch): Promise<string> => {
    const request = {
      name,
      objectTypeId: COMPANY_OBJECT_TYPE_ID,
      processingType: 'DYNAMIC',
      filterBranch,
    } as unknown as ListCreateRequest;
    const { list } = await call('lists.create', () => client.crm.lists.listsApi.create(request), { idempotent: false });
    return list.listId;
  },

  updateFilters: async (listId: string, filterBranch: FilterBranch) => {
    const request = { filterBranch } as unknown as ListFilterUpdateRequest;
    await call('lists.updateFilters', () => client.crm.lists.listsApi.updateListFilters(listId, request));
  },
});

export type ListsApi = ReturnType<typeof listsApi>;
