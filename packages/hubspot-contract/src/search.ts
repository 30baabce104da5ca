import { type Client } from '@hubspot/api-client';
import { z } from 'zod';

import { toApiModel } from './api-models';

type ApiSearchRequest = Parameters<Client['crm']['companies']['searchApi']['doSearch']>[0];
/** The api-client's filter type, whose operator is an enum: what the client hands over. */
export type ApiSearchFilter = NonNullable<ApiSearchRequest['filterGroups']>[number]['filters'][number];

/** Every CRM search operator, as the api-client's spec lists them. */
export type SearchOperator = `${ApiSearchFilter['operator']}`;

export const SEARCH_OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const satisfies readonly SearchOperator[];

/** One filter of a CRM search; a group's filters are ANDed, the groups ORed. */
export type SearchFilter = {
  propertyName: string;
  operator: SearchOperator;
  value?: string;
  highValue?: string;
  values?: string[];
};

/**
 * HubSpot's limits on one search request and on what paging can reach. Its docs (2026-03) say 5 groups of
 * at most 6 filters, 18 filters in all; older pages and the spec say more: the stricter figures hold
 * everywhere. A search past them is refused with 400 VALIDATION_ERROR.
 */
export const SEARCH_LIMITS = {
  groups: 5,
  filtersPerGroup: 6,
  filters: 18,
  pageSize: 200,
  results: 10_000,
  /** "Five requests per second per account" for CRM search (on top of the app's ten-second budget). */
  requestsPerSecond: 5,
} as const;

/** Whether a search's filters fit HubSpot's limits: a search built by the app is checked before it is sent. */
export const fitsSearchLimits = (filterGroups: readonly { filters: readonly unknown[] }[]): boolean =>
  filterGroups.length <= SEARCH_LIMITS.groups &&
  filterGroups.every((group) => group.filters.length <= SEARCH_LIMITS.filtersPerGroup) &&
  filterGroups.reduce((total, group) => total + group.filters.length, 0) <= SEARCH_LIMITS.filters;

export const searchFilterSchema = z.object({
  propertyName: z.string(),
  operator: z.enum(SEARCH_OPERATORS),
  value: z.string().optional(),
  highValue: z.string().optional(),
  values: z.array(z.string()).optional(),
});

/** A search request within HubSpot's limits (paging and the properties asked for are read apart). */
export const searchRequestSchema = z
  .object({ filterGroups: z.array(z.object({ filters: z.array(searchFilterSchema) })).default([]) })
  .refine((request) => fitsSearchLimits(request.filterGroups));

/** The client's filters in the api-client's type: the same strings, its enum in name only. */
export const toApiSearchFilter = (filter: SearchFilter) => toApiModel<ApiSearchFilter>(filter);
