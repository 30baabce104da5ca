import { type SandboxProperty, type SandboxRecord } from './store';

export type SearchFilter = {
  propertyName: string;
  operator: string;
  value?: string;
  highValue?: string;
  values?: string[];
};

export const SEARCH_MAX_LIMIT = 200;
export const SEARCH_MAX_RESULTS = 10_000;

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

const matches = (record: SandboxRecord, filter: SearchFilter, definitions: Record<string, SandboxProperty>) => {
  const property = definitions[filter.propertyName];
  const stored = record.properties[filter.propertyName] ?? '';
  if (filter.operator === 'HAS_PROPERTY') return stored !== '';
  if (filter.operator === 'NOT_HAS_PROPERTY') return stored === '';
  if (stored === '') return filter.operator === 'NEQ' || filter.operator === 'NOT_IN';
  const actual = comparable(property, stored);
  const value = comparable(property, filter.value ?? '');
  switch (filter.operator) {
    case 'EQ':
      return actual === value;
    case 'NEQ':
      return actual !== value;
    case 'LT':
      return actual < value;
    case 'LTE':
      return actual <= value;
    case 'GT':
      return actual > value;
    case 'GTE':
      return actual >= value;
    case 'BETWEEN':
      return actual >= value && actual <= comparable(property, filter.highValue ?? '');
    case 'IN':
      return (filter.values ?? []).map((item) => comparable(property, item)).includes(actual);
    case 'NOT_IN':
      return !(filter.values ?? []).map((item) => comparable(property, item)).includes(actual);
    default:
      return false;
  }
};

export const KNOWN_OPERATORS = [
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
];

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
