import { anyOptionListed, type SearchFilter, type SearchOperator } from '@why-they-care/hubspot-contract';

import { type SandboxProperty, type SandboxRecord } from './store';

/** Dates compare as midnight-UTC epoch ms, numbers as numbers, the rest as text (case-insensitive EQ). */
const comparable = (property: SandboxProperty | undefined, value: string): number | string => {
  if (property?.type === 'number') return Number(value);
  if (property?.type === 'date' || property?.type === 'datetime') {
    return /^\d+$/.test(value)
      ? Number(value)
      : Date.parse(property.type === 'date' ? `${value.slice(0, 10)}T00:00:00Z` : value);
  }
  return value.toLowerCase();
};

type Compare = (actual: number | string, filter: SearchFilter, as: (value: string) => number | string) => boolean;

/** The operators the sandbox evaluates on a stored value (the token operators are HubSpot's full-text search). */
const COMPARISONS: Partial<Record<SearchOperator, Compare>> = {
  EQ: (actual, filter, as) => actual === as(filter.value ?? ''),
  NEQ: (actual, filter, as) => actual !== as(filter.value ?? ''),
  LT: (actual, filter, as) => actual < as(filter.value ?? ''),
  LTE: (actual, filter, as) => actual <= as(filter.value ?? ''),
  GT: (actual, filter, as) => actual > as(filter.value ?? ''),
  GTE: (actual, filter, as) => actual >= as(filter.value ?? ''),
  BETWEEN: (actual, filter, as) => actual >= as(filter.value ?? '') && actual <= as(filter.highValue ?? ''),
  IN: (actual, filter, as) => (filter.values ?? []).map(as).includes(actual),
  NOT_IN: (actual, filter, as) => !(filter.values ?? []).map(as).includes(actual),
};

/** Present or not, whatever the value. */
const PRESENCE: Partial<Record<SearchOperator, (stored: string) => boolean>> = {
  HAS_PROPERTY: (stored) => stored !== '',
  NOT_HAS_PROPERTY: (stored) => stored === '',
};

/** The sandbox answers only the searches it can evaluate, and refuses the others as malformed. */
export const isEvaluated = (filter: SearchFilter) => Boolean(COMPARISONS[filter.operator] ?? PRESENCE[filter.operator]);

/** A checkbox property holds several options: IN and NOT_IN test them as the contract says HubSpot does. */
const OPTION_LISTS: Partial<Record<SearchOperator, (stored: string, listed: readonly string[]) => boolean>> = {
  IN: anyOptionListed,
  NOT_IN: (stored, listed) => !anyOptionListed(stored, listed),
};

const matches = (record: SandboxRecord, filter: SearchFilter, definitions: Record<string, SandboxProperty>) => {
  const property = definitions[filter.propertyName];
  // Every HubSpot record has its id as hs_object_id, whether or not it was written.
  const stored = filter.propertyName === 'hs_object_id' ? record.id : (record.properties[filter.propertyName] ?? '');
  const presence = PRESENCE[filter.operator];
  if (presence) return presence(stored);
  // A record without a value matches only the negative comparisons.
  if (stored === '') return filter.operator === 'NEQ' || filter.operator === 'NOT_IN';
  const optionList = property?.fieldType === 'checkbox' ? OPTION_LISTS[filter.operator] : undefined;
  if (optionList) return optionList(stored, filter.values ?? []);
  const as = (value: string) => comparable(property, value);
  return COMPARISONS[filter.operator]?.(as(stored), filter, as) ?? false;
};

/** filterGroups are ORed, filters inside a group ANDed; results sorted by id, paged by offset. */
export const searchRecords = (
  records: readonly SandboxRecord[],
  definitions: Record<string, SandboxProperty>,
  filterGroups: readonly { filters: readonly SearchFilter[] }[],
) =>
  records
    .filter(
      (record) =>
        filterGroups.length === 0 ||
        filterGroups.some((group) => group.filters.every((filter) => matches(record, filter, definitions))),
    )
    .sort((a, b) => Number(a.id) - Number(b.id));
