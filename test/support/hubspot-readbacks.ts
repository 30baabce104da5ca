/**
 * What setup's workflows and lists may look like when read back from HubSpot: not what setup sent, but
 * the same meaning in the forms HubSpot stores (and exports from real accounts show): keys in HubSpot's
 * order, `includeObjectsWithNoValueSet: false` on every operation, read-only fields (ids, revision,
 * status, `dataSources`), the renewal delay in MINUTES as the UI stores delays, the task body re-encoded
 * by an HTML sanitiser (`&#34;`, `&#39;`), a trigger's value as a one-item MULTISTRING list, filters and
 * branches in another order, a zero offset spelled out. Written by hand, not derived from setup's code.
 */
const MANAGED = 'Managed by Why They Care setup: edits here are overwritten on the next setup run.';

const toCompany = [
  {
    target: { associationTypeId: 192, associationCategory: 'HUBSPOT_DEFINED' },
    value: { type: 'ENROLLED_OBJECT' },
  },
];

export const reRecruitReadBack = () => ({
  id: '1701',
  uuid: '3a0e8f52-9d6c-4b8e-9a0d-2f6f3b6d1c11',
  isEnabled: true,
  flowType: 'WORKFLOW',
  revisionId: '4',
  name: '[Why They Care] Re-recruit',
  description: `A company enters "Who are you?": task for its success manager. ${MANAGED}`,
  createdAt: '2026-11-20T10:02:11.402Z',
  updatedAt: '2026-11-21T08:15:40.118Z',
  startActionId: '1',
  nextAvailableActionId: '2',
  actions: [
    {
      actionId: '1',
      actionTypeVersion: 0,
      actionTypeId: '0-3',
      fields: {
        task_type: 'TODO',
        subject: 'Re-recruit: the customer asked "Who are you?"',
        body: '<p>The customer no longer sees our value. Meet them to understand their definition of success and decide whether a win-win still exists: re-recruit them, or plan a graceful exit.</p>',
        associations: toCompany,
        use_explicit_associations: 'true',
        owner_assignment: { value: { propertyName: 'wtc_success_manager', type: 'OBJECT_PROPERTY' }, type: 'CUSTOM' },
        priority: 'HIGH',
        due_time: { delta: 3, timeUnit: 'DAYS', timeOfDay: { hour: 9, minute: 0 }, daysOfWeek: [] },
      },
      type: 'SINGLE_CONNECTION',
    },
  ],
  enrollmentCriteria: {
    shouldReEnroll: true,
    unEnrollObjectsNotMeetingCriteria: true,
    listFilterBranch: {
      filterBranches: [
        {
          filterBranches: [],
          filters: [
            {
              property: 'wtc_bucket',
              operation: {
                operator: 'IS_ANY_OF',
                includeObjectsWithNoValueSet: false,
                values: ['who_are_you'],
                operationType: 'ENUMERATION',
              },
              filterType: 'PROPERTY',
            },
          ],
          filterBranchType: 'AND',
          filterBranchOperator: 'AND',
        },
      ],
      filters: [],
      filterBranchType: 'OR',
      filterBranchOperator: 'OR',
    },
    reEnrollmentTriggersFilterBranches: [
      {
        filterBranches: [],
        filters: [
          {
            property: 'hs_name',
            operation: {
              operator: 'IS_EQUAL_TO',
              includeObjectsWithNoValueSet: false,
              value: 'wtc_bucket',
              operationType: 'STRING',
            },
            filterType: 'PROPERTY',
          },
          {
            property: 'hs_value',
            operation: {
              operator: 'IS_ANY_OF',
              includeObjectsWithNoValueSet: false,
              values: ['who_are_you'],
              operationType: 'ENUMERATION',
            },
            filterType: 'PROPERTY',
          },
        ],
        filterBranchType: 'AND',
        filterBranchOperator: 'AND',
      },
    ],
    type: 'LIST_BASED',
  },
  timeWindows: [],
  blockedDates: [],
  customProperties: {},
  crmObjectCreationStatus: 'COMPLETE',
  type: 'PLATFORM_FLOW',
  objectTypeId: '0-2',
  dataSources: [],
});

export const renewalItsOkReadBack = () => ({
  id: '1703',
  isEnabled: true,
  flowType: 'WORKFLOW',
  revisionId: '2',
  name: "[Why They Care] Renewal: It's OK",
  description: `90 days before wtc_renewal_date: task for the owner. ${MANAGED}`,
  createdAt: '2026-11-20T10:02:12.007Z',
  updatedAt: '2026-11-20T10:02:12.007Z',
  startActionId: '1',
  nextAvailableActionId: '3',
  actions: [
    {
      actionId: '1',
      actionTypeVersion: 0,
      actionTypeId: '0-35',
      connection: { edgeType: 'STANDARD', nextActionId: '2' },
      fields: {
        date: { propertyName: 'wtc_renewal_date', type: 'OBJECT_PROPERTY' },
        delta: '-129600',
        time_unit: 'MINUTES',
        time_of_day: { hour: 9, minute: 0 },
      },
      type: 'SINGLE_CONNECTION',
    },
    {
      actionId: '2',
      actionTypeVersion: 0,
      actionTypeId: '0-3',
      fields: {
        task_type: 'TODO',
        subject: 'Renewal coming up: confirm why they care',
        body: '<p>They told us &#34;It&#39;s OK&#34;: they weigh alternatives. Address their concerns before they look elsewhere.</p>\n',
        associations: toCompany,
        use_explicit_associations: 'true',
        owner_assignment: { value: { propertyName: 'hubspot_owner_id', type: 'OBJECT_PROPERTY' }, type: 'CUSTOM' },
        priority: 'HIGH',
        due_time: { timeOfDay: { minute: 0, hour: 9 }, delta: 7, daysOfWeek: [], timeUnit: 'DAYS' },
      },
      type: 'SINGLE_CONNECTION',
    },
  ],
  enrollmentCriteria: {
    shouldReEnroll: true,
    unEnrollObjectsNotMeetingCriteria: true,
    listFilterBranch: {
      filterBranches: [
        {
          filterBranches: [],
          filters: [
            {
              property: 'wtc_renewal_date',
              operation: { operator: 'IS_KNOWN', includeObjectsWithNoValueSet: false, operationType: 'ALL_PROPERTY' },
              filterType: 'PROPERTY',
            },
            {
              property: 'wtc_bucket',
              operation: {
                operator: 'IS_ANY_OF',
                includeObjectsWithNoValueSet: false,
                values: ['its_ok'],
                operationType: 'ENUMERATION',
              },
              filterType: 'PROPERTY',
            },
          ],
          filterBranchType: 'AND',
          filterBranchOperator: 'AND',
        },
      ],
      filters: [],
      filterBranchType: 'OR',
      filterBranchOperator: 'OR',
    },
    reEnrollmentTriggersFilterBranches: [
      {
        filterBranches: [],
        filters: [
          {
            property: 'hs_name',
            operation: {
              operator: 'IS_EQUAL_TO',
              includeObjectsWithNoValueSet: false,
              values: ['wtc_renewal_date'],
              operationType: 'MULTISTRING',
            },
            filterType: 'PROPERTY',
          },
          {
            property: 'hs_value',
            operation: { operator: 'IS_KNOWN', includeObjectsWithNoValueSet: false, operationType: 'ALL_PROPERTY' },
            filterType: 'PROPERTY',
          },
        ],
        filterBranchType: 'AND',
        filterBranchOperator: 'AND',
      },
      {
        filterBranches: [],
        filters: [
          {
            property: 'hs_value',
            operation: {
              operator: 'IS_ANY_OF',
              includeObjectsWithNoValueSet: false,
              values: ['its_ok'],
              operationType: 'ENUMERATION',
            },
            filterType: 'PROPERTY',
          },
          {
            property: 'hs_name',
            operation: {
              operator: 'IS_EQUAL_TO',
              includeObjectsWithNoValueSet: false,
              value: 'wtc_bucket',
              operationType: 'STRING',
            },
            filterType: 'PROPERTY',
          },
        ],
        filterBranchType: 'AND',
        filterBranchOperator: 'AND',
      },
    ],
    type: 'LIST_BASED',
  },
  timeWindows: [],
  blockedDates: [],
  customProperties: {},
  crmObjectCreationStatus: 'COMPLETE',
  type: 'PLATFORM_FLOW',
  objectTypeId: '0-2',
  dataSources: [],
});

export const stalledPlanReadBack = () => ({
  id: '1705',
  isEnabled: false,
  flowType: 'WORKFLOW',
  revisionId: '1',
  name: '[Why They Care] Stalled plan',
  description: `The earliest open plan step is past due: task for the owner. ${MANAGED}`,
  createdAt: '2026-11-20T10:02:12.530Z',
  updatedAt: '2026-11-20T10:02:12.530Z',
  startActionId: '1',
  nextAvailableActionId: '2',
  actions: [
    {
      actionId: '1',
      actionTypeVersion: 0,
      actionTypeId: '0-3',
      fields: {
        task_type: 'TODO',
        subject: 'Success plan stalled: steps are overdue',
        body: '<p>Steps of the success plan are past due. Find out who is blocked (the customer or us) and agree on new dates with the customer.</p>',
        associations: toCompany,
        use_explicit_associations: 'true',
        owner_assignment: { value: { propertyName: 'hubspot_owner_id', type: 'OBJECT_PROPERTY' }, type: 'CUSTOM' },
        priority: 'MEDIUM',
        due_time: { delta: 2, timeUnit: 'DAYS', timeOfDay: { hour: 9, minute: 0 }, daysOfWeek: [] },
      },
      type: 'SINGLE_CONNECTION',
    },
  ],
  enrollmentCriteria: {
    shouldReEnroll: true,
    unEnrollObjectsNotMeetingCriteria: true,
    listFilterBranch: {
      filterBranches: [
        {
          filterBranches: [],
          filters: [
            {
              property: 'wtc_plan_next_due',
              operation: {
                operator: 'IS_BEFORE',
                includeObjectsWithNoValueSet: false,
                timePoint: {
                  timezoneSource: 'CUSTOM',
                  zoneId: 'UTC',
                  indexReference: { referenceType: 'TODAY' },
                  offset: { days: 0 },
                  timeType: 'INDEXED',
                },
                endpointBehavior: 'EXCLUSIVE',
                propertyParser: 'VALUE',
                operationType: 'TIME_POINT',
                type: 'TIME_POINT',
              },
              filterType: 'PROPERTY',
            },
          ],
          filterBranchType: 'AND',
          filterBranchOperator: 'AND',
        },
      ],
      filters: [],
      filterBranchType: 'OR',
      filterBranchOperator: 'OR',
    },
    reEnrollmentTriggersFilterBranches: [
      {
        filterBranches: [],
        filters: [
          {
            property: 'hs_name',
            operation: {
              operator: 'IS_EQUAL_TO',
              includeObjectsWithNoValueSet: false,
              value: 'wtc_plan_next_due',
              operationType: 'STRING',
            },
            filterType: 'PROPERTY',
          },
        ],
        filterBranchType: 'AND',
        filterBranchOperator: 'AND',
      },
    ],
    type: 'LIST_BASED',
  },
  timeWindows: [],
  blockedDates: [],
  customProperties: {},
  crmObjectCreationStatus: 'COMPLETE',
  type: 'PLATFORM_FLOW',
  objectTypeId: '0-2',
  dataSources: [],
});

const listReadBack = <T>(listId: string, name: string, filterBranch: T) => ({
  list: {
    listId,
    listVersion: 3,
    name,
    objectTypeId: '0-2',
    processingType: 'DYNAMIC',
    processingStatus: 'COMPLETE',
    createdById: '88120021',
    updatedById: '88120021',
    createdAt: '2026-11-20T10:02:09.511Z',
    updatedAt: '2026-11-20T10:02:09.511Z',
    filtersUpdatedAt: '2026-11-20T10:02:09.511Z',
    size: 3,
    filterBranch,
  },
});

export const whoAreYouListReadBack = () =>
  listReadBack('41', '[Why They Care] Who are you?', {
    filterBranches: [
      {
        filterBranches: [],
        filters: [
          {
            property: 'wtc_bucket',
            operation: {
              operator: 'IS_ANY_OF',
              includeObjectsWithNoValueSet: false,
              values: ['who_are_you'],
              operationType: 'ENUMERATION',
            },
            filterType: 'PROPERTY',
          },
        ],
        filterBranchType: 'AND',
        filterBranchOperator: 'AND',
      },
    ],
    filters: [],
    filterBranchType: 'OR',
    filterBranchOperator: 'OR',
  });

export const notAskedListReadBack = () =>
  listReadBack('48', '[Why They Care] Not asked in 90 days', {
    filterBranches: [
      {
        filterBranches: [],
        filters: [
          {
            property: 'wtc_last_reviewed_at',
            operation: { operator: 'IS_UNKNOWN', includeObjectsWithNoValueSet: false, operationType: 'ALL_PROPERTY' },
            filterType: 'PROPERTY',
          },
        ],
        filterBranchType: 'AND',
        filterBranchOperator: 'AND',
      },
      {
        filterBranches: [],
        filters: [
          {
            property: 'wtc_last_reviewed_at',
            operation: {
              operator: 'IS_BEFORE',
              includeObjectsWithNoValueSet: false,
              timePoint: {
                timezoneSource: 'CUSTOM',
                zoneId: 'UTC',
                indexReference: { referenceType: 'TODAY' },
                offset: { days: -90 },
                timeType: 'INDEXED',
              },
              endpointBehavior: 'EXCLUSIVE',
              propertyParser: 'VALUE',
              operationType: 'TIME_POINT',
              type: 'TIME_POINT',
            },
            filterType: 'PROPERTY',
          },
        ],
        filterBranchType: 'AND',
        filterBranchOperator: 'AND',
      },
    ],
    filters: [],
    filterBranchType: 'OR',
    filterBranchOperator: 'OR',
  });
