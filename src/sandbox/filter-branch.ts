import { addDays, type IsoDate } from '@why-they-care/domain';

/**
 * Evaluates the list filter branches the app creates (a root OR of AND branches of PROPERTY filters)
 * against one record, so the sandbox can show list members and run workflows. Operations outside the
 * app's own use are reported, not guessed.
 */
type Operation = {
  operationType?: string;
  operator?: string;
  value?: string;
  values?: string[];
  timePoint?: { indexReference?: { referenceType?: string }; offset?: { days?: number } };
};
export type Filter = { filterType?: string; property?: string; operation?: Operation };
export type FilterBranch = { filterBranchType?: string; filters?: Filter[]; filterBranches?: FilterBranch[] };

export class UnsupportedFilter extends Error {}

export const matchesFilter = (filter: Filter, properties: Record<string, string>, today: IsoDate): boolean => {
  if (filter.filterType !== 'PROPERTY' || !filter.property || !filter.operation) {
    throw new UnsupportedFilter(`filterType ${filter.filterType}`);
  }
  const value = properties[filter.property] ?? '';
  const { operationType, operator, values = [], timePoint } = filter.operation;
  if (operationType === 'ENUMERATION' && operator === 'IS_ANY_OF') return values.includes(value);
  if (operationType === 'ALL_PROPERTY' && operator === 'IS_KNOWN') return value !== '';
  if (operationType === 'ALL_PROPERTY' && operator === 'IS_UNKNOWN') return value === '';
  if (
    operationType === 'TIME_POINT' &&
    operator === 'IS_BEFORE' &&
    timePoint?.indexReference?.referenceType === 'TODAY'
  ) {
    return value !== '' && value.slice(0, 10) < addDays(today, timePoint.offset?.days ?? 0);
  }
  throw new UnsupportedFilter(`${operationType} ${operator}`);
};

export const matchesBranch = (branch: FilterBranch, properties: Record<string, string>, today: IsoDate): boolean => {
  const filters = (branch.filters ?? []).map((filter) => matchesFilter(filter, properties, today));
  const branches = (branch.filterBranches ?? []).map((child) => matchesBranch(child, properties, today));
  const results = [...filters, ...branches];
  return branch.filterBranchType === 'OR' ? results.some(Boolean) : results.every(Boolean);
};
