import { mustExist, PROPERTY_DEFINITIONS } from '@why-they-care/domain';

import { createBackend, setupOptionsFrom } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import { desiredLists, type WorkflowSwitch } from '../../src/setup/desired-state';
import { applySetup, planSetup, type SetupItem } from '../../src/setup/setup';
import { testEnv } from '../support/env';
import {
  briefedTaskText,
  notAskedListReadBack,
  renewalItsOkReadBack,
  reRecruitReadBack,
  stalledPlanReadBack,
  whoAreYouListReadBack,
} from '../support/hubspot-readbacks';
import { and, or, prospectsMatchingNobody } from '../support/hubspot-requests';
import { interceptHubSpot } from '../support/nock-hubspot';

const hubspot = interceptHubSpot();

type Body = Record<string, unknown>;

/** Intercepts one kind of write any number of times, keeping each body to assert on exactly. */
const recordBodies = (method: 'post' | 'put', path: string | RegExp, reply: (body: Body) => Body, status = 200) => {
  const bodies: Body[] = [];
  const scope = hubspot().persist();
  const interceptor = method === 'post' ? scope.post.bind(scope) : scope.put.bind(scope);
  interceptor(path, (body: Body) => {
    bodies.push(body);
    return true;
  }).reply(status, (_uri, body) => reply(body as Body));
  return bodies;
};

const CONTRACT_END = {
  name: 'contract_end',
  label: 'Contract end',
  type: 'date',
  fieldType: 'date',
  groupName: 'companyinformation',
  description: '',
  options: [],
};

const emptyAccount = (flows: 'empty' | 'forbidden' = 'empty', existingProperties: Body[] = []) => {
  hubspot()
    .get('/crm/v3/properties/companies/groups')
    .reply(200, {
      results: [{ name: 'companyinformation', label: 'Company information', displayOrder: 0, archived: false }],
    });
  hubspot().get('/crm/v3/properties/companies').reply(200, { results: existingProperties });
  hubspot()
    .get(/\/crm\/v3\/lists\/object-type-id\/0-2\/name\/.+/)
    .query({ includeFilters: 'true' })
    .times(desiredLists().length)
    .reply(404, { status: 'error', message: 'List does not exist', category: 'OBJECT_NOT_FOUND' });
  if (flows === 'empty') hubspot().get('/automation/v4/flows').query({ limit: '100' }).reply(200, { results: [] });
  else
    hubspot().get('/automation/v4/flows').query({ limit: '100' }).reply(403, {
      status: 'error',
      message: "This app hasn't been granted all required scopes",
      category: 'MISSING_SCOPES',
    });
};

const bucketFilter = (values: string[]) => ({
  filterType: 'PROPERTY',
  property: 'wtc_bucket',
  operation: { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values, includeObjectsWithNoValueSet: false },
});

/** A re-enrollment trigger as real flows have it: `hs_name` names the property that changed... */
const changed = (property: string) => ({
  filterType: 'PROPERTY',
  property: 'hs_name',
  operation: { operationType: 'STRING', operator: 'IS_EQUAL_TO', value: property, includeObjectsWithNoValueSet: false },
});
/** ...and `hs_value` tests its new value. */
const changedValue = (operation: Body) => ({ filterType: 'PROPERTY', property: 'hs_value', operation });

const taskAction = (actionId: string, fields: Body) => ({
  type: 'SINGLE_CONNECTION',
  actionId,
  actionTypeId: '0-3',
  actionTypeVersion: 0,
  fields: {
    task_type: 'TODO',
    associations: [
      {
        target: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 },
        value: { type: 'ENROLLED_OBJECT' },
      },
    ],
    use_explicit_associations: 'true',
    ...fields,
  },
});

/** The "date before today" operation exactly as setup sends it, for lists and enrollment alike. */
const beforeToday = (offset?: { days: number }) => ({
  operationType: 'TIME_POINT',
  type: 'TIME_POINT',
  operator: 'IS_BEFORE',
  includeObjectsWithNoValueSet: false,
  endpointBehavior: 'EXCLUSIVE',
  propertyParser: 'VALUE',
  timePoint: {
    timeType: 'INDEXED',
    timezoneSource: 'CUSTOM',
    zoneId: 'UTC',
    indexReference: { referenceType: 'TODAY' },
    ...(offset ? { offset } : {}),
  },
});

/** The re-recruit workflow's definition exactly as setup sends it, on create and on update. */
const RE_RECRUIT = {
  name: '[Why They Care] Re-recruit',
  description:
    'A company enters "Who are you?": task for its success manager. Managed by Why They Care setup: edits here are overwritten on the next setup run.',
  actions: [
    taskAction('1', {
      ...briefedTaskText(
        'Re-recruit: the customer asked "Who are you?"',
        'The customer no longer sees our value. Meet them to understand their definition of success and decide whether a win-win still exists: re-recruit them, or plan a graceful exit.',
      ),
      priority: 'HIGH',
      owner_assignment: { type: 'CUSTOM', value: { type: 'OBJECT_PROPERTY', propertyName: 'wtc_success_manager' } },
      due_time: { delta: 3, timeUnit: 'DAYS', timeOfDay: { hour: 9, minute: 0 }, daysOfWeek: [] },
    }),
  ],
  enrollmentCriteria: {
    type: 'LIST_BASED',
    shouldReEnroll: true,
    unEnrollObjectsNotMeetingCriteria: true,
    listFilterBranch: or(and([bucketFilter(['who_are_you'])])),
    reEnrollmentTriggersFilterBranches: [
      and([
        changed('wtc_bucket'),
        changedValue({
          operationType: 'ENUMERATION',
          operator: 'IS_ANY_OF',
          values: ['who_are_you'],
          includeObjectsWithNoValueSet: false,
        }),
      ]),
    ],
  },
};

const run = async (env: Record<string, string>, workflows: WorkflowSwitch = 'keep') => {
  const backend = createBackend({ env: testEnv(env), logger: createLogger('silent') });
  return applySetup(await planSetup(backend.setupDeps, setupOptionsFrom(testEnv(env), workflows)));
};

describe('npm run setup on an empty account (workflows mode)', () => {
  describe('sends the exact group, property, list and workflow bodies', () => {
    let groups: Body[];
    let properties: Body[];
    let lists: Body[];
    let flows: Body[];
    let items: SetupItem[];

    beforeEach(async () => {
      emptyAccount();
      groups = recordBodies(
        'post',
        '/crm/v3/properties/companies/groups',
        (body) => ({ ...body, archived: false }),
        201,
      );
      properties = recordBodies('post', '/crm/v3/properties/companies', (body) => body, 201);
      let listId = 0;
      lists = recordBodies('post', '/crm/v3/lists', (body) => ({
        list: { ...body, listId: String((listId += 1)) },
      }));
      let flowId = 0;
      flows = recordBodies(
        'post',
        '/automation/v4/flows',
        (body) => ({ ...body, id: String((flowId += 1)), revisionId: '1' }),
        201,
      );
      items = await run({ AUTOMATION_MODE: 'workflows' });
    });

    const common = {
      type: 'PLATFORM_FLOW',
      flowType: 'WORKFLOW',
      objectTypeId: '0-2',
      isEnabled: false,
      startActionId: '1',
      timeWindows: [],
      blockedDates: [],
      customProperties: {},
      dataSources: [],
    };

    it('the property group and every property', () => {
      expect(groups).toEqual([{ name: 'why_they_care', label: 'Why They Care', displayOrder: -1 }]);
      // Every property the catalog declares, once.
      expect(properties.map((body) => body.name)).toEqual(PROPERTY_DEFINITIONS.map((property) => property.name));
      expect(properties.find((body) => body.name === 'wtc_advocacy')).toMatchObject({
        type: 'enumeration',
        fieldType: 'select',
        options: [
          { value: 'reference', label: 'Yes: as a reference' },
          { value: 'case_study', label: 'Yes: for a case study' },
          { value: 'reference_and_case_study', label: 'Yes: reference and case study' },
          { value: 'not_now', label: 'Not now' },
          { value: 'declined', label: 'No' },
        ],
      });
      // A tag list: a checkbox property started with the default options, which are the admin's from then on.
      expect(properties.find((body) => body.name === 'wtc_concerns')).toMatchObject({
        type: 'enumeration',
        fieldType: 'checkbox',
        options: expect.arrayContaining([
          {
            label: 'Price',
            value: 'price',
            description: 'We cost too much for what they get.',
            displayOrder: 0,
            hidden: false,
          },
        ]),
      });
      expect(properties.find((body) => body.name === 'wtc_bucket')).toEqual({
        name: 'wtc_bucket',
        label: 'Why they care',
        type: 'enumeration',
        fieldType: 'select',
        groupName: 'why_they_care',
        description: "Why the customer keeps paying, in their own words: We need you / It's OK / Who are you?",
        options: [
          {
            label: 'We need you',
            value: 'need_you',
            description: 'Ideal customer: learn why, and find more like them.',
            displayOrder: 0,
            hidden: false,
          },
          {
            label: "It's OK",
            value: 'its_ok',
            description: 'They use it but weigh alternatives: address their concerns.',
            displayOrder: 1,
            hidden: false,
          },
          {
            label: 'Who are you?',
            value: 'who_are_you',
            description: 'They forgot the value or outgrew it: re-recruit, or plan for their exit.',
            displayOrder: 2,
            hidden: false,
          },
        ],
      });
      expect(properties.find((body) => body.name === 'wtc_success_manager')).toEqual({
        name: 'wtc_success_manager',
        label: 'Success manager',
        type: 'enumeration',
        fieldType: 'select',
        groupName: 'why_they_care',
        description: "The manager who receives re-recruit tasks. Filled from the owner's team on save.",
        referencedObjectType: 'OWNER',
        externalOptions: true,
      });
      expect(properties.find((body) => body.name === 'wtc_plan_next_due')).toEqual({
        name: 'wtc_plan_next_due',
        label: 'Success plan: next step due',
        type: 'date',
        fieldType: 'date',
        groupName: 'why_they_care',
        description: 'Earliest due date of an open step. In the past means the plan is stalled.',
      });
    });

    it('the lists by bucket, by quadrant, ready to advocate and not asked in 90 days', () => {
      expect(lists.map((body) => body.name)).toEqual([
        '[Why They Care] We need you',
        "[Why They Care] It's OK",
        '[Why They Care] Who are you?',
        '[Why They Care] Quadrant: Customer success',
        '[Why They Care] Quadrant: Work to keep: happy but unprofitable',
        '[Why They Care] Quadrant: Work to keep: profitable but unhappy',
        '[Why They Care] Quadrant: Let go',
        '[Why They Care] Ready to advocate',
        '[Why They Care] Not asked in 90 days',
        "[Why They Care] It's OK with open concerns",
        '[Why They Care] Planned exits',
        '[Why They Care] Prospects like the customers who need us',
      ]);
      expect(lists[7]).toEqual({
        name: '[Why They Care] Ready to advocate',
        objectTypeId: '0-2',
        processingType: 'DYNAMIC',
        filterBranch: or(
          and([
            bucketFilter(['need_you']),
            {
              filterType: 'PROPERTY',
              property: 'wtc_advocacy',
              operation: {
                operationType: 'ENUMERATION',
                operator: 'IS_ANY_OF',
                values: ['reference', 'case_study', 'reference_and_case_study'],
                includeObjectsWithNoValueSet: false,
              },
            },
          ]),
        ),
      });
      expect(lists[2]).toEqual({
        name: '[Why They Care] Who are you?',
        objectTypeId: '0-2',
        processingType: 'DYNAMIC',
        filterBranch: or(and([bucketFilter(['who_are_you'])])),
      });
      expect(lists[8]).toEqual({
        name: '[Why They Care] Not asked in 90 days',
        objectTypeId: '0-2',
        processingType: 'DYNAMIC',
        filterBranch: or(
          and([
            {
              filterType: 'PROPERTY',
              property: 'wtc_last_reviewed_at',
              operation: beforeToday({ days: -90 }),
            },
          ]),
          and([
            {
              filterType: 'PROPERTY',
              property: 'wtc_last_reviewed_at',
              operation: { operationType: 'ALL_PROPERTY', operator: 'IS_UNKNOWN', includeObjectsWithNoValueSet: false },
            },
          ]),
        ),
      });
    });

    it('ten workflows, created off, whose ids the report gives', () => {
      expect(flows.map((body) => body.name)).toEqual([
        '[Why They Care] Re-recruit',
        '[Why They Care] Renewal: We need you',
        "[Why They Care] Renewal: It's OK",
        '[Why They Care] Renewal: Who are you?',
        '[Why They Care] Renewal: We need you, ask to advocate',
        '[Why They Care] Stalled plan',
        '[Why They Care] Customer stuck',
        '[Why They Care] Health dropped',
        '[Why They Care] Renewal: plan the exit',
        '[Why They Care] Address their concerns',
      ]);
      expect(items.filter((item) => item.kind === 'workflow').map((item) => item.id)).toEqual(
        Array.from({ length: 10 }, (_, index) => String(index + 1)),
      );
    });

    it('the re-recruit workflow', () => {
      expect(flows[0]).toEqual({ ...common, ...RE_RECRUIT });
    });

    it("a renewal workflow: the delay before the renewal date, then the owner's task", () => {
      const renewalEnrollment = [
        bucketFilter(['its_ok']),
        {
          filterType: 'PROPERTY',
          property: 'wtc_renewal_date',
          operation: { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN', includeObjectsWithNoValueSet: false },
        },
      ];
      expect(flows[2]).toEqual({
        ...common,
        name: "[Why They Care] Renewal: It's OK",
        description:
          '90 days before wtc_renewal_date: task for the owner. Managed by Why They Care setup: edits here are overwritten on the next setup run.',
        actions: [
          {
            type: 'SINGLE_CONNECTION',
            actionId: '1',
            actionTypeId: '0-35',
            actionTypeVersion: 0,
            connection: { edgeType: 'STANDARD', nextActionId: '2' },
            fields: {
              date: { type: 'OBJECT_PROPERTY', propertyName: 'wtc_renewal_date' },
              delta: '-90',
              time_unit: 'DAYS',
              time_of_day: { hour: 9, minute: 0 },
            },
          },
          taskAction('2', {
            ...briefedTaskText(
              'Renewal coming up: confirm why they care',
              'They told us "It\'s OK": they weigh alternatives. Address their concerns before they look elsewhere.',
            ),
            priority: 'HIGH',
            owner_assignment: { type: 'CUSTOM', value: { type: 'OBJECT_PROPERTY', propertyName: 'hubspot_owner_id' } },
            due_time: { delta: 7, timeUnit: 'DAYS', timeOfDay: { hour: 9, minute: 0 }, daysOfWeek: [] },
          }),
        ],
        enrollmentCriteria: {
          type: 'LIST_BASED',
          shouldReEnroll: true,
          unEnrollObjectsNotMeetingCriteria: true,
          listFilterBranch: or(and(renewalEnrollment)),
          reEnrollmentTriggersFilterBranches: [
            and([
              changed('wtc_bucket'),
              changedValue({
                operationType: 'ENUMERATION',
                operator: 'IS_ANY_OF',
                values: ['its_ok'],
                includeObjectsWithNoValueSet: false,
              }),
            ]),
            and([
              changed('wtc_renewal_date'),
              changedValue({
                operationType: 'ALL_PROPERTY',
                operator: 'IS_KNOWN',
                includeObjectsWithNoValueSet: false,
              }),
            ]),
          ],
        },
      });
    });

    it('the stalled-plan workflow', () => {
      expect(flows[5]).toEqual({
        ...common,
        name: '[Why They Care] Stalled plan',
        description:
          'The earliest open plan step is past due: task for the owner. Managed by Why They Care setup: edits here are overwritten on the next setup run.',
        actions: [
          taskAction('1', {
            ...briefedTaskText(
              'Success plan stalled: steps are overdue',
              'Steps of the success plan are past due. Find out who is blocked (the customer or us) and agree on new dates with the customer.',
            ),
            priority: 'MEDIUM',
            owner_assignment: { type: 'CUSTOM', value: { type: 'OBJECT_PROPERTY', propertyName: 'hubspot_owner_id' } },
            due_time: { delta: 2, timeUnit: 'DAYS', timeOfDay: { hour: 9, minute: 0 }, daysOfWeek: [] },
          }),
        ],
        enrollmentCriteria: {
          type: 'LIST_BASED',
          shouldReEnroll: true,
          unEnrollObjectsNotMeetingCriteria: true,
          listFilterBranch: or(
            and([
              {
                filterType: 'PROPERTY',
                property: 'wtc_plan_next_due',
                operation: beforeToday(),
              },
            ]),
          ),
          reEnrollmentTriggersFilterBranches: [and([changed('wtc_plan_next_due')])],
        },
      });
    });
    const advocacyFilter = (operator: string) => ({
      filterType: 'PROPERTY',
      property: 'wtc_advocacy',
      operation: { operationType: 'ALL_PROPERTY', operator, includeObjectsWithNoValueSet: false },
    });
    const renewalKnown = {
      filterType: 'PROPERTY',
      property: 'wtc_renewal_date',
      operation: { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN', includeObjectsWithNoValueSet: false },
    };
    const ownerTask = (subject: string, asked: string, priority: string, days: number) =>
      taskAction('1', {
        ...briefedTaskText(subject, asked),
        priority,
        owner_assignment: { type: 'CUSTOM', value: { type: 'OBJECT_PROPERTY', propertyName: 'hubspot_owner_id' } },
        due_time: { delta: days, timeUnit: 'DAYS', timeOfDay: { hour: 9, minute: 0 }, daysOfWeek: [] },
      });

    it('"We need you" renewals in two: one asks to advocate while nobody has', () => {
      expect(flows[1]).toMatchObject({
        name: '[Why They Care] Renewal: We need you',
        enrollmentCriteria: {
          listFilterBranch: or(and([bucketFilter(['need_you']), renewalKnown, advocacyFilter('IS_KNOWN')])),
        },
      });
      expect(flows[4]).toMatchObject({
        name: '[Why They Care] Renewal: We need you, ask to advocate',
        actions: [
          { actionTypeId: '0-35' },
          {
            ...ownerTask(
              'Renewal coming up: confirm why they care',
              'They told us "We need you". Use the renewal for an expansion conversation and ask for a reference. Nobody has asked yet whether they would be a reference or a case study: ask, and record the answer on the card.',
              'HIGH',
              7,
            ),
            actionId: '2',
          },
        ],
        enrollmentCriteria: {
          listFilterBranch: or(and([bucketFilter(['need_you']), renewalKnown, advocacyFilter('IS_UNKNOWN')])),
          // Recording the answer later does not start a renewal again: only the bucket and the date do.
          reEnrollmentTriggersFilterBranches: [
            and([changed('wtc_bucket'), changedValue(bucketFilter(['need_you']).operation)]),
            and([changed('wtc_renewal_date'), changedValue(renewalKnown.operation)]),
          ],
        },
      });
    });

    /** Enrolled while one property passes a test, and again each time it changes. */
    const enrolledWhileAndOnChangeOf = (property: string, operation: Body) => ({
      type: 'LIST_BASED',
      shouldReEnroll: true,
      unEnrollObjectsNotMeetingCriteria: true,
      listFilterBranch: or(and([{ filterType: 'PROPERTY', property, operation }])),
      reEnrollmentTriggersFilterBranches: [and([changed(property)])],
    });

    it('the customer-stuck workflow', () => {
      expect(flows[6]).toEqual({
        ...common,
        name: '[Why They Care] Customer stuck',
        description:
          'Every open step the customer owns is 14 days past due: task for the owner. Managed by Why They Care setup: edits here are overwritten on the next setup run.',
        actions: [
          ownerTask(
            'They are stuck: every step the customer owns is overdue',
            'Every open step the customer owns in the success plan is more than 14 days past due. Call them: find out what blocks them, offer help, and agree on steps they can do.',
            'HIGH',
            2,
          ),
        ],
        enrollmentCriteria: enrolledWhileAndOnChangeOf('wtc_customer_stuck_on', beforeToday()),
      });
    });

    it('the health-drop workflow, whose task says what changed from the company property', () => {
      expect(flows[7]).toEqual({
        ...common,
        name: '[Why They Care] Health dropped',
        description:
          "A save lowered the customer's health: task for the owner saying what changed. Managed by Why They Care setup: edits here are overwritten on the next setup run.",
        actions: [
          ownerTask(
            'Health dropped: find out what changed',
            "{{ enrolled_object.wtc_health_signal }} A save recorded a drop in this customer's health. Talk to them before it shows in the renewal.",
            'HIGH',
            2,
          ),
        ],
        enrollmentCriteria: enrolledWhileAndOnChangeOf('wtc_health_signal_at', renewalKnown.operation),
      });
    });

    const known = (property: string) => ({
      filterType: 'PROPERTY',
      property,
      operation: { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN', includeObjectsWithNoValueSet: false },
    });
    const decisionFilter = (values: string[]) => ({
      filterType: 'PROPERTY',
      property: 'wtc_win_win_decision',
      operation: { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values, includeObjectsWithNoValueSet: false },
    });

    it("the plays' lists: open concerns, planned exits, and prospects that match nobody until the first refresh", () => {
      expect(lists.slice(9)).toEqual([
        {
          name: "[Why They Care] It's OK with open concerns",
          objectTypeId: '0-2',
          processingType: 'DYNAMIC',
          filterBranch: or(and([bucketFilter(['its_ok']), known('wtc_open_concerns')])),
        },
        {
          name: '[Why They Care] Planned exits',
          objectTypeId: '0-2',
          processingType: 'DYNAMIC',
          filterBranch: or(and([bucketFilter(['who_are_you']), decisionFilter(['no_win_win'])])),
        },
        {
          name: '[Why They Care] Prospects like the customers who need us',
          objectTypeId: '0-2',
          processingType: 'DYNAMIC',
          filterBranch: prospectsMatchingNobody,
        },
      ]);
    });

    it('"Who are you?" renews unless no win-win was found; then the renewal task plans the exit', () => {
      const renews = [bucketFilter(['who_are_you']), renewalKnown];
      const noDecision = {
        filterType: 'PROPERTY',
        property: 'wtc_win_win_decision',
        operation: { operationType: 'ALL_PROPERTY', operator: 'IS_UNKNOWN', includeObjectsWithNoValueSet: false },
      };
      expect(flows[3]).toMatchObject({
        name: '[Why They Care] Renewal: Who are you?',
        enrollmentCriteria: {
          listFilterBranch: or(
            and([...renews, noDecision]),
            and([...renews, decisionFilter(['win_win', 'undecided'])]),
          ),
        },
      });
      expect(flows[8]).toMatchObject({
        name: '[Why They Care] Renewal: plan the exit',
        actions: [
          { actionTypeId: '0-35' },
          {
            ...ownerTask(
              'Renewal coming up: plan the exit',
              'No win-win was found: assume they will not renew. Plan a graceful exit with them (hand-over, their data, what worked), take them out of the revenue forecast, and keep the door open.',
              'HIGH',
              7,
            ),
            actionId: '2',
          },
        ],
        enrollmentCriteria: { listFilterBranch: or(and([...renews, decisionFilter(['no_win_win'])])) },
      });
    });

    it('the concerns workflow: "It\'s OK" with open concerns, again whenever they change', () => {
      const filters = [bucketFilter(['its_ok']), known('wtc_open_concerns')];
      expect(flows[9]).toEqual({
        ...common,
        name: '[Why They Care] Address their concerns',
        description:
          '"It\'s OK" with concerns no plan step of ours addresses: task for the owner naming them. Managed by Why They Care setup: edits here are overwritten on the next setup run.',
        actions: [
          ownerTask(
            'Address their concerns',
            'They told us "It\'s OK" and worry about: {{ enrolled_object.wtc_open_concerns }}. No step of ours in the success plan addresses these yet: agree with them on one step per concern, owned by us, and add it to the plan.',
            'HIGH',
            3,
          ),
        ],
        enrollmentCriteria: {
          type: 'LIST_BASED',
          shouldReEnroll: true,
          unEnrollObjectsNotMeetingCriteria: true,
          listFilterBranch: or(and(filters)),
          reEnrollmentTriggersFilterBranches: filters.map((filter) =>
            and([changed(filter.property), changedValue(filter.operation)]),
          ),
        },
      });
    });
  });

  it('creates the workflows enabled with --enable, with the configured renewal lead and date property', async () => {
    emptyAccount('empty', [CONTRACT_END]);
    recordBodies('post', '/crm/v3/properties/companies/groups', (body) => body, 201);
    recordBodies('post', '/crm/v3/properties/companies', (body) => body, 201);
    recordBodies('post', '/crm/v3/lists', (body) => ({ list: { ...body, listId: '7' } }));
    const flows = recordBodies('post', '/automation/v4/flows', (body) => ({ ...body, id: '9', revisionId: '1' }), 201);
    await run(
      { AUTOMATION_MODE: 'workflows', RENEWAL_LEAD_DAYS: '180', RENEWAL_DATE_PROPERTY: 'contract_end' },
      'enable',
    );
    expect(flows.every((flow) => flow.isEnabled === true)).toBe(true);
    const renewal = flows[1] as { actions: { fields: Body }[] };
    expect(renewal.actions[0]?.fields).toEqual({
      date: { type: 'OBJECT_PROPERTY', propertyName: 'contract_end' },
      delta: '-180',
      time_unit: 'DAYS',
      time_of_day: { hour: 9, minute: 0 },
    });
  });

  it('tells the admin to use direct mode when HubSpot refuses the workflows API', async () => {
    emptyAccount('forbidden');
    recordBodies('post', '/crm/v3/properties/companies/groups', (body) => body, 201);
    recordBodies('post', '/crm/v3/properties/companies', (body) => body, 201);
    recordBodies('post', '/crm/v3/lists', (body) => ({ list: { ...body, listId: '7' } }));
    const items = await run({ AUTOMATION_MODE: 'workflows' });
    const workflows = items.filter((item) => item.kind === 'workflow');
    expect(workflows).toHaveLength(10);
    expect(
      workflows.every((item) => item.action === 'skipped' && /AUTOMATION_MODE=direct/.test(item.detail ?? '')),
    ).toBe(true);
  });
});

const listing = (flow: Body) => {
  const { id, name, objectTypeId, flowType, isEnabled, revisionId, createdAt, updatedAt } = flow;
  return { id, name, objectTypeId, flowType, isEnabled, revisionId, createdAt, updatedAt };
};

/** An account where setup ran before: its lists and workflows as HubSpot returns them (properties left out). */
const accountAsStored = (flows: Body[], lists: Body[]) => {
  hubspot()
    .get('/crm/v3/properties/companies/groups')
    .reply(200, { results: [{ name: 'why_they_care', label: 'Why They Care', displayOrder: -1, archived: false }] });
  hubspot().get('/crm/v3/properties/companies').reply(200, { results: [] });
  hubspot()
    .get(/\/crm\/v3\/lists\/object-type-id\/0-2\/name\/.+/)
    .query({ includeFilters: 'true' })
    .times(desiredLists().length)
    .reply((uri) => {
      const name = decodeURIComponent(/\/name\/([^?]+)/.exec(uri)?.[1] ?? '');
      const found = lists.find((stored) => (stored.list as Body).name === name);
      return found
        ? [200, found]
        : [404, { status: 'error', message: 'List does not exist', category: 'OBJECT_NOT_FOUND' }];
    });
  hubspot()
    .get('/automation/v4/flows')
    .query({ limit: '100' })
    .reply(200, { results: flows.map(listing) });
  for (const flow of flows) hubspot().get(`/automation/v4/flows/${flow.id}`).reply(200, flow);
};

const planOn = async (workflows: WorkflowSwitch = 'keep') => {
  const backend = createBackend({ env: testEnv({ AUTOMATION_MODE: 'workflows' }), logger: createLogger('silent') });
  return planSetup(backend.setupDeps, setupOptionsFrom(testEnv({ AUTOMATION_MODE: 'workflows' }), workflows));
};

/** The plan for the workflows the account has (the missing ones would be created: not under test here). */
const storedWorkflowItems = async (workflows: WorkflowSwitch = 'keep') =>
  (await planOn(workflows)).filter((item) => item.kind === 'workflow' && item.action !== 'create');

const stored = (items: SetupItem[], ids: string[]) =>
  items
    .filter((item) => item.id && ids.includes(item.id))
    .map(({ name, action, detail }) => ({ name, action, detail }));

describe('setup rerun on lists and workflows as HubSpot stores them', () => {
  it('finds nothing to change when HubSpot normalised what setup sent', async () => {
    accountAsStored(
      [reRecruitReadBack(), renewalItsOkReadBack(), stalledPlanReadBack()],
      [whoAreYouListReadBack(), notAskedListReadBack()],
    );
    expect(stored(await planOn(), ['41', '48', '1701', '1703', '1705'])).toEqual([
      { name: '[Why They Care] Who are you?', action: 'unchanged', detail: undefined },
      { name: '[Why They Care] Not asked in 90 days', action: 'unchanged', detail: undefined },
      { name: '[Why They Care] Re-recruit', action: 'unchanged', detail: 'on' },
      { name: "[Why They Care] Renewal: It's OK", action: 'unchanged', detail: 'on' },
      { name: '[Why They Care] Stalled plan', action: 'unchanged', detail: 'off' },
    ]);
  });

  it('still puts back what someone really changed in HubSpot', async () => {
    const reRecruit = reRecruitReadBack();
    mustExist(reRecruit.actions[0], 'an action').fields.subject = 'Call them';
    const renewal = renewalItsOkReadBack();
    mustExist(renewal.actions[0], 'an action').fields.delta = '-86400'; // 60 days, not 90
    const stalled = stalledPlanReadBack();
    stalled.enrollmentCriteria.reEnrollmentTriggersFilterBranches = [];
    const whoAreYou = whoAreYouListReadBack(['its_ok']);
    const notAsked = notAskedListReadBack(-30);
    accountAsStored([reRecruit, renewal, stalled], [whoAreYou, notAsked]);
    expect(
      stored(await planOn(), ['41', '48', '1701', '1703', '1705']).map(({ action, detail }) => [action, detail]),
    ).toEqual([
      ['update', 'filters changed'],
      ['update', 'filters changed'],
      ['update', 'definition changed'],
      ['update', 'definition changed'],
      ['update', 'definition changed'],
    ]);
  });

  it('updates a changed workflow with the fields of the update request only, leaving it on', async () => {
    const edited = reRecruitReadBack();
    mustExist(edited.actions[0], 'an action').fields.subject = 'Call them';
    accountAsStored([edited], []);
    const puts = recordBodies('put', '/automation/v4/flows/1701', (body) => ({ ...edited, ...body, revisionId: '5' }));
    await applySetup(await storedWorkflowItems());
    expect(puts).toEqual([
      {
        type: 'PLATFORM_FLOW',
        isEnabled: true,
        startActionId: '1',
        ...RE_RECRUIT,
        timeWindows: [],
        blockedDates: [],
        customProperties: {},
        revisionId: '4',
      },
    ]);
  });

  it('--disable sends back each stored definition as it is, switched off; one already off is left alone', async () => {
    const renewal = renewalItsOkReadBack();
    accountAsStored([renewal, stalledPlanReadBack()], []);
    const puts = recordBodies('put', '/automation/v4/flows/1703', (body) => ({ ...renewal, ...body, revisionId: '3' }));
    const items = await applySetup(await storedWorkflowItems('disable'));
    const { type, name, description, startActionId, actions, enrollmentCriteria, timeWindows, blockedDates } = renewal;
    expect(puts).toEqual([
      {
        type,
        name,
        description,
        isEnabled: false,
        startActionId,
        actions,
        enrollmentCriteria,
        timeWindows,
        blockedDates,
        customProperties: {},
        revisionId: '2',
      },
    ]);
    expect(stored(items, ['1703', '1705'])).toEqual([
      { name: "[Why They Care] Renewal: It's OK", action: 'update', detail: 'on → off' },
      { name: '[Why They Care] Stalled plan', action: 'unchanged', detail: 'off' },
    ]);
  });
});
