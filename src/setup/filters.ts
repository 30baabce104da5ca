/** Filter branches in the shape HubSpot's Lists API and flow enrollment take: a root OR of AND branches. */
export type PropertyFilter = { property: string; operation: Record<string, unknown> };

export const propertyFilter = (property: string, operation: Record<string, unknown>): PropertyFilter => ({
  property,
  operation,
});

export const isAnyOf = (property: string, values: readonly string[]) =>
  propertyFilter(property, {
    operationType: 'ENUMERATION',
    operator: 'IS_ANY_OF',
    values: [...values],
    includeObjectsWithNoValueSet: false,
  });

export const isKnown = (property: string) =>
  propertyFilter(property, {
    operationType: 'ALL_PROPERTY',
    operator: 'IS_KNOWN',
    includeObjectsWithNoValueSet: false,
  });

export const andBranch = (filters: readonly PropertyFilter[]) => ({
  filterBranchType: 'AND',
  filterBranchOperator: 'AND',
  filterBranches: [],
  filters: filters.map(({ property, operation }) => ({ filterType: 'PROPERTY', property, operation })),
});

/** Any of the groups (OR), each group all of its filters (AND). */
export const anyOf = (...groups: readonly (readonly PropertyFilter[])[]) => ({
  filterBranchType: 'OR',
  filterBranchOperator: 'OR',
  filters: [],
  filterBranches: groups.map(andBranch),
});
