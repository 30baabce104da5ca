import { type Client } from '@hubspot/api-client';

import { toApiModel } from './api-models';
import { type FilterBranch } from './filters';
import { OBJECT_TYPE_ID } from './objects';

/** Lists (segments): MANUAL and SNAPSHOT lists hold what was put in; a DYNAMIC one, what its filters match. */
export const LIST_PROCESSING_TYPES = ['MANUAL', 'DYNAMIC', 'SNAPSHOT'] as const;
export type ListProcessingType = (typeof LIST_PROCESSING_TYPES)[number];

type ApiListCreate = Parameters<Client['crm']['lists']['listsApi']['create']>[0];
type ApiListFilterUpdate = Parameters<Client['crm']['lists']['listsApi']['updateListFilters']>[1];

/** A DYNAMIC list of companies. */
export const dynamicCompanyListBody = (name: string, filterBranch: FilterBranch) =>
  toApiModel<ApiListCreate>({
    name,
    objectTypeId: OBJECT_TYPE_ID.company,
    processingType: 'DYNAMIC' satisfies ListProcessingType,
    filterBranch,
  });

export const listFiltersBody = (filterBranch: FilterBranch) => toApiModel<ApiListFilterUpdate>({ filterBranch });
