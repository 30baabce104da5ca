import { type Client } from '@hubspot/api-client';
import { z } from 'zod';

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

/** HubSpot's limits on one search request and on what paging can reach. */
export const SEARCH_LIMITS = { groups: 5, filters: 25, pageSize: 200, results: 10_000 } as const;

export const searchFilterSchema = z.object({
  propertyName: z.string(),
  operator: z.enum(SEARCH_OPERATORS),
  value: z.string().optional(),
  highValue: z.string().optional(),
  values: z.array(z.string()).optional(),
});

/** A search request within HubSpot's limits (paging and the properties asked for are read apart). */
export const searchRequestSchema = z
  .object({
    filterGroups: z
      .array(z.object({ filters: z.array(searchFilterSchema) }))
      .max(SEARCH_LIMITS.groups)
      .default([]),
  })
  .refine((request) => request.filterGroups.flatMap((group) => group.filters).length <= SEARCH_LIMITS.filters);

/** The client's filters in the api-client's type: the same strings, its enum in name only. */
export const toApiSearchFilter = (filter: SearchFilter): ApiSearchFilter => ({
  ...filter,
  operator: filter.operator as ApiSearchFilter['operator'],
});
