import type nock from 'nock';

/** Filter branches exactly as setup sends them: an AND branch of filters, a root OR of branches. */
export const and = (filters: unknown[]) => ({
  filterBranchType: 'AND',
  filterBranchOperator: 'AND',
  filterBranches: [],
  filters,
});
export const or = (...branches: unknown[]) => ({
  filterBranchType: 'OR',
  filterBranchOperator: 'OR',
  filters: [],
  filterBranches: branches,
});

/**
 * A companies search that only finds candidates (no properties, 200 a page), answered with these ids;
 * `orGroups`: the search's other filter groups.
 */
export const companySearch = (
  hubspot: () => nock.Scope,
  filters: Record<string, string>[],
  ids: string[],
  orGroups: Record<string, string>[][] = [],
) =>
  hubspot()
    .post('/crm/v3/objects/companies/search', {
      filterGroups: [filters, ...orGroups].map((group) => ({ filters: group })),
      properties: [],
      sorts: ['hs_object_id'],
      limit: 200,
    })
    .reply(200, { total: ids.length, results: ids.map((id) => ({ id, properties: { hs_object_id: id } })) });

/** The prospects list's first filters, as setup and the lookalike refresh send them: not a customer yet. */
export const notCustomerYet = [
  {
    filterType: 'PROPERTY',
    property: 'lifecyclestage',
    operation: {
      operationType: 'ENUMERATION',
      operator: 'IS_ANY_OF',
      values: ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity'],
      includeObjectsWithNoValueSet: false,
    },
  },
  {
    filterType: 'PROPERTY',
    property: 'wtc_bucket',
    operation: { operationType: 'ALL_PROPERTY', operator: 'IS_UNKNOWN', includeObjectsWithNoValueSet: false },
  },
];

/** The prospects list before its first refresh, as setup creates it: not a customer yet and no id, so nobody. */
export const prospectsMatchingNobody = or(
  and([
    ...notCustomerYet,
    {
      filterType: 'PROPERTY',
      property: 'hs_object_id',
      operation: { operationType: 'ALL_PROPERTY', operator: 'IS_UNKNOWN', includeObjectsWithNoValueSet: false },
    },
  ]),
);

/**
 * The customers, as every count and play searches them (the domain's CUSTOMER_RULE): a bucket or the
 * customer lifecycle stage, and no left-on date; each group narrowed by `filters`.
 */
export const customerGroups = (...filters: Record<string, string>[]) => [
  [
    { propertyName: 'wtc_bucket', operator: 'HAS_PROPERTY' },
    { propertyName: 'wtc_left_on', operator: 'NOT_HAS_PROPERTY' },
    ...filters,
  ],
  [
    { propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' },
    { propertyName: 'wtc_left_on', operator: 'NOT_HAS_PROPERTY' },
    ...filters,
  ],
];
