import { type Client } from '@hubspot/api-client';
import { z } from 'zod';

import { type ApiWire } from './api-models';

/**
 * Filter branches, as HubSpot's Lists API and workflow enrollment take them: a root OR branch of AND
 * branches of PROPERTY filters. Each operation the app uses is written once here, as a builder (what the
 * app sends) and a reader (what a stored operation tests): the sandbox evaluates filters through the
 * readers. The formats confirmed only by public sources are in unverified-formats.ts.
 */
type ApiFilterBranch = Parameters<Client['crm']['lists']['listsApi']['updateListFilters']>[1]['filterBranch'];

/** A filter branch as the api-client's spec types it (enrollment takes the same form). */
export type FilterBranch = ApiWire<ApiFilterBranch>;
type AndBranch = Extract<FilterBranch, { filterBranchType: 'AND' }>;
export type PropertyFilter = Extract<AndBranch['filters'][number], { filterType: 'PROPERTY' }>;
/** An operation as the app builds it (in the spec's types) ... */
export type PropertyOperation = PropertyFilter['operation'];
export type OperationOfType<Type extends PropertyOperation['operationType']> = Extract<
  PropertyOperation,
  { operationType: Type }
>;
/** ... and as a reader takes a stored one: any object, read leniently. */
export type Operation = Record<string, unknown>;

/** Operation forms by `operationType` (older payloads call it `type`). */
export const OPERATION_TYPE = {
  enumeration: 'ENUMERATION',
  allProperty: 'ALL_PROPERTY',
  string: 'STRING',
  multiString: 'MULTISTRING',
  number: 'NUMBER',
  numberRanged: 'NUMBER_RANGED',
  timePoint: 'TIME_POINT',
} as const;

export const operationTypeOf = (operation: Operation): unknown => operation.operationType ?? operation.type;

/** A filter on a property, as branches hold it. */
export const propertyFilter = (property: string, operation: PropertyOperation): PropertyFilter => ({
  filterType: 'PROPERTY',
  property,
  operation,
});

/** HubSpot stores `includeObjectsWithNoValueSet: false` on every operation the app uses; sent as stored. */
export const isAnyOfOperation = (values: readonly string[]): OperationOfType<'ENUMERATION'> => ({
  operationType: OPERATION_TYPE.enumeration,
  operator: 'IS_ANY_OF',
  values: [...values],
  includeObjectsWithNoValueSet: false,
});

export const isKnownOperation = (): OperationOfType<'ALL_PROPERTY'> => ({
  operationType: OPERATION_TYPE.allProperty,
  operator: 'IS_KNOWN',
  includeObjectsWithNoValueSet: false,
});

/** A text property equal to the value (the form `readConfirmedOperation` reads as `equals`). */
export const isEqualToOperation = (value: string) => ({
  operationType: OPERATION_TYPE.string,
  operator: 'IS_EQUAL_TO',
  value,
  includeObjectsWithNoValueSet: false,
});

export const andBranch = (filters: readonly PropertyFilter[]): AndBranch => ({
  filterBranchType: 'AND',
  filterBranchOperator: 'AND',
  filterBranches: [],
  filters: [...filters],
});

/** Any of the groups (OR), each group all of its filters (AND): the root every list and enrollment needs. */
export const anyOf = (...groups: readonly (readonly PropertyFilter[])[]): FilterBranch => ({
  filterBranchType: 'OR',
  filterBranchOperator: 'OR',
  filters: [],
  filterBranches: groups.map(andBranch),
});

export const isOrBranch = (branch: { filterBranchType?: unknown }) => branch.filterBranchType === 'OR';

const stringList = z.array(z.string()).catch([]);

/** A filter branch as stored, read leniently: missing lists are empty. */
export const storedBranchSchema = z.object({
  filterBranchType: z.string().optional(),
  filters: z.array(z.record(z.string(), z.unknown())).catch([]),
  get filterBranches() {
    return z.array(storedBranchSchema).catch([]);
  },
});
export type StoredBranch = z.infer<typeof storedBranchSchema>;

const storedFilterSchema = z.object({
  filterType: z.literal('PROPERTY'),
  property: z.string().min(1),
  operation: z.record(z.string(), z.unknown()),
});

/** What one stored operation tests, for the operations the app sends (in the forms HubSpot may store them). */
export type OperationTest =
  | { test: 'is_any_of'; values: string[] }
  | { test: 'is_known' }
  | { test: 'is_unknown' }
  | { test: 'equals'; values: string[] }
  | { test: 'before_today'; offsetDays: number }
  | { test: 'number_range'; low: number; high: number | null };

/** The confirmed operations' tests (the others: unverified-formats.ts); null for any other operation. */
export const readConfirmedOperation = (operation: Operation): OperationTest | null => {
  const type = operationTypeOf(operation);
  if (type === OPERATION_TYPE.enumeration && operation.operator === 'IS_ANY_OF') {
    return { test: 'is_any_of', values: stringList.parse(operation.values) };
  }
  if (type === OPERATION_TYPE.allProperty && operation.operator === 'IS_KNOWN') return { test: 'is_known' };
  if (type === OPERATION_TYPE.allProperty && operation.operator === 'IS_UNKNOWN') return { test: 'is_unknown' };
  if ((type === OPERATION_TYPE.string || type === OPERATION_TYPE.multiString) && operation.operator === 'IS_EQUAL_TO') {
    // A single `value` and a one-item `values` are the same test.
    return { test: 'equals', values: stringList.parse(operation.values ?? [operation.value]) };
  }
  return null;
};

/** A stored PROPERTY filter as property + operation; null for any other kind of filter. */
export const readPropertyFilter = (filter: unknown): { property: string; operation: Operation } | null => {
  const parsed = storedFilterSchema.safeParse(filter);
  return parsed.success ? { property: parsed.data.property, operation: parsed.data.operation } : null;
};
