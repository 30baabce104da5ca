import {
  anyOptionListed,
  dayPlus,
  isOrBranch,
  readOperation,
  readPropertyFilter,
  storedBranchSchema,
} from '@why-they-care/hubspot-contract';

/**
 * Evaluates the list filter branches the app creates (a root OR of AND branches of PROPERTY filters)
 * against one record, so the sandbox can show list members and run workflows. Each operation is read
 * through the contract, as setup writes it; operations outside the app's own use are reported, not guessed.
 */
export class UnsupportedFilter extends Error {}

/** A property filter (`property` and `operation`) against a record's values, on the given day. */
export const matchesPropertyFilter = (
  filter: { property: string; operation: Record<string, unknown> },
  properties: Record<string, string>,
  today: string,
): boolean => {
  const value = properties[filter.property] ?? '';
  const operation = readOperation(filter.operation);
  switch (operation?.test) {
    case 'is_any_of':
      // A checkbox property holds several options: any of them listed matches.
      return anyOptionListed(value, operation.values);
    case 'equals':
      return operation.values.some((expected) => expected.toLowerCase() === value.toLowerCase());
    case 'number_range': {
      const number = Number(value);
      return value !== '' && number >= operation.low && (operation.high === null || number <= operation.high);
    }
    case 'is_known':
      return value !== '';
    case 'is_unknown':
      return value === '';
    case 'before_today':
      return value !== '' && value.slice(0, 10) < dayPlus(today, operation.offsetDays);
    default:
      throw new UnsupportedFilter(`${String(filter.operation.operationType)} ${String(filter.operation.operator)}`);
  }
};

export const matchesFilter = (filter: unknown, properties: Record<string, string>, today: string): boolean => {
  const propertyFilter = readPropertyFilter(filter);
  if (!propertyFilter) throw new UnsupportedFilter(`filter ${JSON.stringify(filter)}`);
  return matchesPropertyFilter(propertyFilter, properties, today);
};

export const matchesBranch = (branch: unknown, properties: Record<string, string>, today: string): boolean => {
  const stored = storedBranchSchema.parse(branch);
  const results = [
    ...stored.filters.map((filter) => matchesFilter(filter, properties, today)),
    ...stored.filterBranches.map((child) => matchesBranch(child, properties, today)),
  ];
  return isOrBranch(stored) ? results.some(Boolean) : results.every(Boolean);
};
