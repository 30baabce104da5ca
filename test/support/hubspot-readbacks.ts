/**
 * What setup's workflows and lists may look like when read back from HubSpot: not what setup sent, but
 * the same meaning in the forms HubSpot stores (and exports from real accounts show): keys in HubSpot's
 * order, `includeObjectsWithNoValueSet: false` on every operation, read-only fields (ids, revision,
 * status, `dataSources`), the renewal delay in MINUTES as the UI stores delays, the task body re-encoded
 * by an HTML sanitiser (`&#34;`, `&#39;`), a trigger's value as a one-item MULTISTRING list, filters and
 * branches in another order, a zero offset spelled out. Written by hand, not derived from setup's code.
 */
const MANAGED = 'Managed by Why They Care setup: edits here are overwritten on the next setup run.';

/** Branches and filters as HubSpot writes them back: its key order, `includeObjectsWithNoValueSet` on every operation. */
const and = (filters: unknown[]) => ({
  filterBranches: [],
  filters,
  filterBranchType: 'AND',
  filterBranchOperator: 'AND',
});
const or = (...filterBranches: unknown[]) => ({
  filterBranches,
  filters: [],
  filterBranchType: 'OR',
  filterBranchOperator: 'OR',
});
const filter = <T>(property: string, operation: T) => ({ property, operation, filterType: 'PROPERTY' });
const isAnyOf = (values: string[]) => ({
  operator: 'IS_ANY_OF',
  includeObjectsWithNoValueSet: false,
  values,
  operationType: 'ENUMERATION',
});
const allProperty = (operator: 'IS_KNOWN' | 'IS_UNKNOWN') => ({
  operator,
  includeObjectsWithNoValueSet: false,
  operationType: 'ALL_PROPERTY',
});
const changedProperty = (property: string) =>
  filter('hs_name', {
    operator: 'IS_EQUAL_TO',
    includeObjectsWithNoValueSet: false,
    value: property,
    operationType: 'STRING',
  });
const beforeToday = (days: number) => ({
  operator: 'IS_BEFORE',
  includeObjectsWithNoValueSet: false,
  timePoint: {
    timezoneSource: 'CUSTOM',
    zoneId: 'UTC',
    indexReference: { referenceType: 'TODAY' },
    offset: { days },
    timeType: 'INDEXED',
  },
  endpointBehavior: 'EXCLUSIVE',
  propertyParser: 'VALUE',
  operationType: 'TIME_POINT',
  type: 'TIME_POINT',
});
/** What HubSpot adds to every flow it returns. */
const readOnly = {
  crmObjectCreationStatus: 'COMPLETE',
  type: 'PLATFORM_FLOW',
  objectTypeId: '0-2',
  flowType: 'WORKFLOW',
  timeWindows: [],
  blockedDates: [],
  customProperties: {},
  dataSources: [],
};

const toCompany = [
  {
    target: { associationTypeId: 192, associationCategory: 'HUBSPOT_DEFINED' },
    value: { type: 'ENROLLED_OBJECT' },
  },
];

/** A property of the enrolled company, as a workflow task's text names it for HubSpot to fill in. */
const token = (property: string) => `{{ enrolled_object.${property} }}`;

/**
 * A workflow task's subject and notes as setup words them: the company named, what is asked, then the facts
 * (the task brief, one paragraph per line). `separator` is what HubSpot may put between paragraphs.
 */
export const briefedTaskText = (subject: string, asked: string, separator = '', renewalDate = 'wtc_renewal_date') => ({
  subject: `${token('name')}: ${subject}`,
  body: [
    asked,
    `Why they care, in their words: "${token('wtc_answer')}" (${token('wtc_answered_by_name')}, ${token('wtc_answered_by_role')}, asked on ${token('wtc_asked_on')}).`,
    `Desired outcome: ${token('wtc_required_outcome')}. How they need to get there: ${token('wtc_appropriate_experience')}.`,
    `Success plan: ${token('wtc_plan_steps_done')} of ${token('wtc_plan_steps_total')} steps done; overdue: ${token('wtc_plan_overdue_customer')} on their side, ${token('wtc_plan_overdue_us')} on ours.`,
    `Renewal: ${token(renewalDate)}. Revenue at stake: ${token('total_revenue')}.`,
  ]
    .map((line) => `<p>${line}</p>`)
    .join(separator),
});

const taskFields = (text: { subject: string; body: string }, owner: string, priority: string, dueInDays: number) => ({
  task_type: 'TODO',
  ...text,
  associations: toCompany,
  use_explicit_associations: 'true',
  owner_assignment: { value: { propertyName: owner, type: 'OBJECT_PROPERTY' }, type: 'CUSTOM' },
  priority,
  due_time: { delta: dueInDays, timeUnit: 'DAYS', timeOfDay: { hour: 9, minute: 0 }, daysOfWeek: [] },
});

export const reRecruitReadBack = () => ({
  id: '1701',
  uuid: '3a0e8f52-9d6c-4b8e-9a0d-2f6f3b6d1c11',
  isEnabled: true,
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
      fields: taskFields(
        briefedTaskText(
          'Re-recruit: the customer asked "Who are you?"',
          'The customer no longer sees our value. Meet them to understand their definition of success and decide whether a win-win still exists: re-recruit them, or plan a graceful exit.',
        ),
        'wtc_success_manager',
        'HIGH',
        3,
      ),
      type: 'SINGLE_CONNECTION',
    },
  ],
  enrollmentCriteria: {
    shouldReEnroll: true,
    unEnrollObjectsNotMeetingCriteria: true,
    listFilterBranch: or(and([filter('wtc_bucket', isAnyOf(['who_are_you']))])),
    reEnrollmentTriggersFilterBranches: [
      and([changedProperty('wtc_bucket'), filter('hs_value', isAnyOf(['who_are_you']))]),
    ],
    type: 'LIST_BASED',
  },
  ...readOnly,
});

export const renewalItsOkReadBack = () => ({
  id: '1703',
  isEnabled: true,
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
        ...taskFields(
          // HubSpot's editor re-serialises the HTML: quotes as entities, a line break after each paragraph.
          briefedTaskText(
            'Renewal coming up: confirm why they care',
            'They told us &#34;It&#39;s OK&#34;: they weigh alternatives. Address their concerns before they look elsewhere.',
            '\n',
          ),
          'hubspot_owner_id',
          'HIGH',
          7,
        ),
        due_time: { timeOfDay: { minute: 0, hour: 9 }, delta: 7, daysOfWeek: [], timeUnit: 'DAYS' },
      },
      type: 'SINGLE_CONNECTION',
    },
  ],
  enrollmentCriteria: {
    shouldReEnroll: true,
    unEnrollObjectsNotMeetingCriteria: true,
    listFilterBranch: or(
      and([filter('wtc_renewal_date', allProperty('IS_KNOWN')), filter('wtc_bucket', isAnyOf(['its_ok']))]),
    ),
    reEnrollmentTriggersFilterBranches: [
      and([
        filter('hs_name', {
          operator: 'IS_EQUAL_TO',
          includeObjectsWithNoValueSet: false,
          values: ['wtc_renewal_date'],
          operationType: 'MULTISTRING',
        }),
        filter('hs_value', allProperty('IS_KNOWN')),
      ]),
      and([filter('hs_value', isAnyOf(['its_ok'])), changedProperty('wtc_bucket')]),
    ],
    type: 'LIST_BASED',
  },
  ...readOnly,
});

export const stalledPlanReadBack = () => ({
  id: '1705',
  isEnabled: false,
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
      fields: taskFields(
        briefedTaskText(
          'Success plan stalled: steps are overdue',
          'Steps of the success plan are past due. Find out who is blocked (the customer or us) and agree on new dates with the customer.',
        ),
        'hubspot_owner_id',
        'MEDIUM',
        2,
      ),
      type: 'SINGLE_CONNECTION',
    },
  ],
  enrollmentCriteria: {
    shouldReEnroll: true,
    unEnrollObjectsNotMeetingCriteria: true,
    listFilterBranch: or(and([filter('wtc_plan_next_due', beforeToday(0))])),
    reEnrollmentTriggersFilterBranches: [and([changedProperty('wtc_plan_next_due')])],
    type: 'LIST_BASED',
  },
  ...readOnly,
});

const listReadBack = (listId: string, name: string, filterBranch: unknown) => ({
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

/** `buckets`: what the list holds in HubSpot (setup's: who_are_you). */
export const whoAreYouListReadBack = (buckets = ['who_are_you']) =>
  listReadBack('41', '[Why They Care] Who are you?', or(and([filter('wtc_bucket', isAnyOf(buckets))])));

/** `daysAgo`: the list's "before today" offset in HubSpot (setup's: -90). */
export const notAskedListReadBack = (daysAgo = -90) =>
  listReadBack(
    '48',
    '[Why They Care] Not asked in 90 days',
    or(
      and([filter('wtc_last_reviewed_at', allProperty('IS_UNKNOWN'))]),
      and([filter('wtc_last_reviewed_at', beforeToday(daysAgo))]),
    ),
  );
