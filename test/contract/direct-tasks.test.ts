import { automationOptionsFrom, createBackend } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import {
  BRIEF_READ,
  COMPANY_ID,
  companyResponse,
  draft,
  DRAFT_PROPERTIES,
  MOVE_READ,
  NOW,
  PROFILE_QUERY,
  storedProperties,
} from '../support/company-fixtures';
import { testEnv } from '../support/env';
import { companySearch } from '../support/hubspot-requests';
import { interceptHubSpot } from '../support/nock-hubspot';
import { signedRequest } from '../support/signed';
import { bucketEvent, deliver } from '../support/webhooks';

const hubspot = interceptHubSpot();

const directBackend = () =>
  createBackend({
    env: testEnv({ AUTOMATION_MODE: 'direct', DEFAULT_SUCCESS_MANAGER_ID: '501' }),
    logger: createLogger('silent'),
    now: () => NOW,
  });

const TASK_ASSOCIATION = [
  { to: { id: COMPANY_ID }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
];

const READ = [
  'wtc_bucket',
  'wtc_plan_next_due',
  'wtc_customer_stuck_on',
  'wtc_advocacy',
  'wtc_version',
  'wtc_health_signal',
  'wtc_health_signal_at',
  'wtc_success_manager',
  'wtc_re_recruit_task_key',
  'wtc_re_recruit_task_pending',
  'wtc_renewal_task_key',
  'wtc_renewal_task_pending',
  'wtc_stalled_plan_task_key',
  'wtc_stalled_plan_task_pending',
  'wtc_customer_stuck_task_key',
  'wtc_customer_stuck_task_pending',
  'wtc_health_drop_task_key',
  'wtc_health_drop_task_pending',
  'wtc_concerns_task_key',
  'wtc_concerns_task_pending',
  'wtc_follow_up_task_key',
  'wtc_follow_up_task_pending',
  'wtc_ask_buyer_task_key',
  'wtc_ask_buyer_task_pending',
  'hubspot_owner_id',
  'wtc_win_win_decision',
  'wtc_open_concerns',
  // What the task says about the company.
  ...BRIEF_READ,
];

/** Each run first checks that none of the app's workflows is on (they would create the same tasks). */
const workflowsListed = (flows: { id: string; name: string; isEnabled: boolean }[]) =>
  hubspot()
    .get('/automation/v4/flows')
    .query({ limit: '100' })
    .reply(200, {
      results: flows.map((flow) => ({ ...flow, objectTypeId: '0-2', flowType: 'WORKFLOW', revisionId: '3' })),
    });

/** Search only finds candidates: it asks for no properties. */
const searchAny = (groups: Record<string, string>[][], ids: string[]) =>
  hubspot()
    .post('/crm/v3/objects/companies/search', {
      filterGroups: groups.map((filters) => ({ filters })),
      properties: [],
      sorts: ['hs_object_id'],
      limit: 200,
    })
    .reply(200, { total: ids.length, results: ids.map((id) => ({ id, properties: { hs_object_id: id } })) });
const search = (filters: Record<string, string>[], ids: string[]) => companySearch(hubspot, filters, ids);

/**
 * Each run first looks for tasks an earlier run or save recorded as pending: a group per kind, 5 groups per
 * search (HubSpot's limit), so two searches; `ids` are found by the first, `playIds` by the second.
 */
const pendingSearch = (ids: string[], playIds: string[] = []) => {
  const hasPending = (names: string[]) => names.map((name) => [{ propertyName: name, operator: 'HAS_PROPERTY' }]);
  searchAny(
    hasPending([
      'wtc_re_recruit_task_pending',
      'wtc_renewal_task_pending',
      'wtc_stalled_plan_task_pending',
      'wtc_customer_stuck_task_pending',
      'wtc_health_drop_task_pending',
    ]),
    ids,
  );
  searchAny(
    hasPending(['wtc_concerns_task_pending', 'wtc_follow_up_task_pending', 'wtc_ask_buyer_task_pending']),
    playIds,
  );
};

/** The re-recruit task's body for `draft()` with revenue 48000 and `overdueUs` steps of ours overdue, exactly. */
const reRecruitBriefOfDraft = (overdueUs: number) => [
  'The customer no longer sees our value. Meet them to understand their definition of success and decide whether a win-win still exists: re-recruit them, or plan a graceful exit.',
  'Why they care, in their words: "Honestly, we forgot what you do for us." (Pat Lee, CFO, asked on 2026-11-20).',
  'Desired outcome: Cut invoice processing cost by half. How they need to get there: Self-serve, no tickets.',
  `Success plan: 0 of 1 steps done; overdue: 0 on their side, ${overdueUs} on ours.`,
  'Renewal: 2027-01-31. Revenue at stake: 48,000.',
];

/** What a task says about a company with nothing recorded (but its renewal date, when given). */
const briefOfUnknown = (renewal = 'not recorded') =>
  [
    'Why they care, in their words: not asked yet.',
    'Desired outcome: not recorded yet.',
    'Success plan: no steps yet.',
    `Renewal: ${renewal}. Revenue at stake: not recorded.`,
  ].join('\n');

/** The searches for stuck customers and for health signals whose task was never created. */
const stuckSearch = (ids: string[]) =>
  search([{ propertyName: 'wtc_customer_stuck_on', operator: 'LT', value: '1795392000000' }], ids);
const missedHealthDropSearch = (ids: string[]) =>
  search(
    [
      { propertyName: 'wtc_health_signal_at', operator: 'GTE', value: '1794787200000' },
      { propertyName: 'wtc_health_drop_task_key', operator: 'NOT_HAS_PROPERTY' },
    ],
    ids,
  );

/** The decision is made on the values read by id. */
const batchRead = (ids: string[], results: { id: string; properties: Record<string, string> }[]) =>
  hubspot()
    .post('/crm/v3/objects/companies/batch/read', {
      inputs: ids.map((id) => ({ id })),
      properties: READ,
      propertiesWithHistory: [],
    })
    .reply(200, { status: 'COMPLETE', results });

const runAt = (today: string) =>
  directBackend().runAutomation(automationOptionsFrom(testEnv({ AUTOMATION_MODE: 'direct' }), today));

describe('direct mode: task requests', () => {
  it('a save into "Who are you?" records the task as decided and pending in the same PATCH, then creates it for the manager', async () => {
    hubspot()
      .get(`/crm/v3/objects/companies/${COMPANY_ID}`)
      .query(PROFILE_QUERY)
      // The revenue at stake is read with the profile, in the same call (PROFILE_QUERY).
      .reply(200, companyResponse({ ...storedProperties(3), hubspot_owner_id: '502', total_revenue: '48000' }))
      .patch(`/crm/v3/objects/companies/${COMPANY_ID}`, (body) => {
        expect(body.properties).toMatchObject({
          wtc_bucket: 'who_are_you',
          wtc_version: '4',
          wtc_success_manager: '501',
          wtc_re_recruit_task_key: `re_recruit:${COMPANY_ID}:v4`,
          wtc_re_recruit_task_pending: `re_recruit:${COMPANY_ID}:v4`,
        });
        return true;
      })
      .reply(200, { id: COMPANY_ID, properties: {} })
      .post('/crm/v3/objects/tasks', {
        properties: {
          hs_timestamp: '2026-11-26T09:00:00.000Z',
          hs_task_subject: 'Acme Corp: Re-recruit: the customer asked "Who are you?"',
          hs_task_body: [...reRecruitBriefOfDraft(0), '', '(Why They Care: re_recruit:5150:v4)'].join('\n'),
          hs_task_status: 'NOT_STARTED',
          hs_task_priority: 'HIGH',
          hs_task_type: 'TODO',
          hubspot_owner_id: '501',
        },
        associations: TASK_ASSOCIATION,
      })
      .reply(201, { id: '77', properties: {} });
    const response = await signedRequest(directBackend().app, 'PUT', `/api/companies/${COMPANY_ID}/profile`, {
      requestId: 'save-request-0001',
      expectedVersion: 3,
      profile: draft(),
    });
    expect(response.status).toBe(200);
  });

  it('a move to "Who are you?" seen by a webhook creates its re-recruit task with the same brief, from the read the move makes', async () => {
    const movedAt = '2026-11-23T09:00:00.000Z';
    const movedAtMs = Date.parse(movedAt);
    const backend = directBackend();
    hubspot()
      .post('/crm/v3/objects/companies/batch/read', {
        inputs: [{ id: COMPANY_ID }],
        // The move and, in the same read, what its task says.
        ...MOVE_READ,
      })
      .reply(200, {
        status: 'COMPLETE',
        startedAt: movedAt,
        completedAt: movedAt,
        results: [
          companyResponse(
            {
              ...DRAFT_PROPERTIES,
              wtc_plan_overdue_us: '1',
              hubspot_owner_id: '502',
              wtc_success_manager: '501',
              total_revenue: '48000',
            },
            {
              wtc_bucket: [
                { value: 'who_are_you', timestamp: movedAt, sourceType: 'CRM_UI', updatedByUserId: 991 },
                { value: 'its_ok', timestamp: '2026-10-01T09:00:00.000Z', sourceType: 'INTEGRATION' },
              ],
              wtc_version: [{ value: '3', timestamp: '2026-10-01T09:00:00.000Z', sourceType: 'INTEGRATION' }],
            },
          ),
        ],
      })
      .post('/crm/v3/objects/companies/batch/update', (body) => {
        expect(body.inputs).toEqual([
          {
            id: COMPANY_ID,
            properties: expect.objectContaining({
              wtc_re_recruit_task_key: `re_recruit:${COMPANY_ID}:at${movedAtMs}`,
              wtc_re_recruit_task_pending: `re_recruit:${COMPANY_ID}:at${movedAtMs}`,
            }),
          },
        ]);
        return true;
      })
      .reply(200, { status: 'COMPLETE', results: [] })
      .post('/crm/v3/objects/tasks/batch/create', {
        inputs: [
          {
            properties: {
              hs_timestamp: '2026-11-26T09:00:00.000Z',
              hs_task_subject: 'Acme Corp: Re-recruit: the customer asked "Who are you?"',
              hs_task_body: [
                ...reRecruitBriefOfDraft(1),
                '',
                `(Why They Care: re_recruit:${COMPANY_ID}:at${movedAtMs})`,
              ].join('\n'),
              hs_task_status: 'NOT_STARTED',
              hs_task_priority: 'HIGH',
              hs_task_type: 'TODO',
              hubspot_owner_id: '501',
            },
            associations: TASK_ASSOCIATION,
          },
        ],
      })
      .reply(201, { status: 'COMPLETE', results: [] });
    const delivered = await deliver(backend.app, [
      bucketEvent({ objectId: Number(COMPANY_ID), occurredAt: movedAtMs }),
    ]);
    expect(delivered.body).toMatchObject({ queued: 1 });
    await backend.webhookQueue.idle();
  });

  it('leaves the task pending when it cannot be created, for the next run, and writes nothing more', async () => {
    hubspot()
      .get(`/crm/v3/objects/companies/${COMPANY_ID}`)
      .query(PROFILE_QUERY)
      .reply(200, companyResponse({ ...storedProperties(3), hubspot_owner_id: '502' }))
      .patch(
        `/crm/v3/objects/companies/${COMPANY_ID}`,
        (body) => body.properties.wtc_re_recruit_task_pending === `re_recruit:${COMPANY_ID}:v4`,
      )
      .reply(200, { id: COMPANY_ID, properties: {} })
      .post('/crm/v3/objects/tasks')
      .reply(400, { status: 'error', message: 'Owner 501 is deactivated', category: 'VALIDATION_ERROR' });
    const response = await signedRequest(directBackend().app, 'PUT', `/api/companies/${COMPANY_ID}/profile`, {
      requestId: 'save-request-0001',
      expectedVersion: 3,
      profile: draft(),
    });
    expect(response.status).toBe(200);
  });

  it('the scheduled run searches for pending tasks then once per kind, reads the candidates by id, records (with the "It\'s OK" renewal play it starts), creates and confirms tasks in one batch each', async () => {
    workflowsListed([
      { id: '1701', name: '[Why They Care] Re-recruit', isEnabled: false },
      { id: '88', name: 'Onboarding (not the app)', isEnabled: true },
    ]);
    pendingSearch([]);
    search(
      [{ propertyName: 'wtc_renewal_date', operator: 'BETWEEN', value: '1795392000000', highValue: '1803168000000' }],
      ['11', '13'],
    );
    batchRead(
      ['11', '13'],
      [
        { id: '11', properties: { wtc_bucket: 'need_you', wtc_renewal_date: '2026-12-01', hubspot_owner_id: '502' } },
        { id: '13', properties: { wtc_bucket: 'its_ok', wtc_renewal_date: '2026-12-01', hubspot_owner_id: '503' } },
      ],
    );
    search([{ propertyName: 'wtc_plan_next_due', operator: 'LT', value: '1795392000000' }], ['12']);
    batchRead(
      ['12'],
      [
        {
          id: '12',
          properties: {
            wtc_bucket: 'its_ok',
            wtc_plan_next_due: '2026-11-01',
            hubspot_owner_id: '503',
            wtc_stalled_plan_task_key: 'stalled_plan:12:2026-10-01',
          },
        },
      ],
    );
    stuckSearch(['14']);
    batchRead(['14'], [{ id: '14', properties: { wtc_customer_stuck_on: '2026-11-20', hubspot_owner_id: '504' } }]);
    search(
      [
        { propertyName: 'wtc_bucket', operator: 'EQ', value: 'who_are_you' },
        { propertyName: 'wtc_re_recruit_task_key', operator: 'NOT_HAS_PROPERTY' },
      ],
      [],
    );
    missedHealthDropSearch(['15']);
    batchRead(
      ['15'],
      [
        {
          id: '15',
          properties: {
            wtc_health_signal: 'Customer happiness fell from 4 - Very happy to 2 - Unhappy.',
            wtc_health_signal_at: '2026-11-22T10:00:00.000Z',
            wtc_version: '7',
            hubspot_owner_id: '502',
          },
        },
      ],
    );
    const task = (companyId: string, subject: string, body: string, owner: string, due: string, priority: string) => ({
      properties: {
        hs_timestamp: `${due}T09:00:00.000Z`,
        hs_task_subject: subject,
        hs_task_body: body,
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: priority,
        hs_task_type: 'TODO',
        hubspot_owner_id: owner,
      },
      associations: [
        { to: { id: companyId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
      ],
    });
    hubspot()
      .post('/crm/v3/objects/companies/batch/update', {
        inputs: [
          {
            id: '11',
            properties: {
              wtc_renewal_task_key: 'renewal:11:2026-12-01',
              wtc_renewal_task_pending: 'renewal:11:2026-12-01',
            },
          },
          {
            // "It's OK" when its renewal task is created: its renewal play starts, in the same batch as the key.
            id: '13',
            properties: {
              wtc_renewal_play_at: NOW.toISOString(),
              wtc_renewal_task_key: 'renewal:13:2026-12-01',
              wtc_renewal_task_pending: 'renewal:13:2026-12-01',
            },
          },
          {
            id: '12',
            properties: {
              wtc_stalled_plan_task_key: 'stalled_plan:12:2026-11-01',
              wtc_stalled_plan_task_pending: 'stalled_plan:12:2026-11-01',
            },
          },
          {
            id: '14',
            properties: {
              wtc_customer_stuck_task_key: 'customer_stuck:14:2026-11-20',
              wtc_customer_stuck_task_pending: 'customer_stuck:14:2026-11-20',
            },
          },
          {
            id: '15',
            properties: {
              wtc_health_drop_task_key: 'health_drop:15:v7',
              wtc_health_drop_task_pending: 'health_drop:15:v7',
            },
          },
        ],
      })
      .reply(200, { status: 'COMPLETE', results: [] })
      .post('/crm/v3/objects/tasks/batch/create', {
        inputs: [
          task(
            '11',
            'Company 11: Renewal coming up: confirm why they care',
            'They told us "We need you". Use the renewal for an expansion conversation and ask for a reference. Nobody has asked yet whether they would be a reference or a case study: ask, and record the answer on the card.\n' +
              briefOfUnknown('2026-12-01') +
              '\n\n(Why They Care: renewal:11:2026-12-01)',
            '502',
            '2026-11-30',
            'HIGH',
          ),
          task(
            '13',
            'Company 13: Renewal coming up: confirm why they care',
            'They told us "It\'s OK": they weigh alternatives. Address their concerns before they look elsewhere.\n' +
              briefOfUnknown('2026-12-01') +
              '\n\n(Why They Care: renewal:13:2026-12-01)',
            '503',
            '2026-11-30',
            'HIGH',
          ),
          task(
            '12',
            'Company 12: Success plan stalled: steps are overdue',
            'Steps of the success plan are past due. Find out who is blocked (the customer or us) and agree on new dates with the customer.\n' +
              briefOfUnknown() +
              '\n\n(Why They Care: stalled_plan:12:2026-11-01)',
            '503',
            '2026-11-25',
            'MEDIUM',
          ),
          task(
            '14',
            'Company 14: They are stuck: every step the customer owns is overdue',
            'Every open step the customer owns in the success plan is more than 14 days past due. Call them: find out what blocks them, offer help, and agree on steps they can do.\n' +
              briefOfUnknown() +
              '\n\n(Why They Care: customer_stuck:14:2026-11-20)',
            '504',
            '2026-11-25',
            'HIGH',
          ),
          task(
            '15',
            'Company 15: Health dropped: find out what changed',
            "Customer happiness fell from 4 - Very happy to 2 - Unhappy. A save recorded a drop in this customer's health. Talk to them before it shows in the renewal.\n" +
              briefOfUnknown() +
              '\n\n(Why They Care: health_drop:15:v7)',
            '502',
            '2026-11-25',
            'HIGH',
          ),
        ],
      })
      .reply(201, { status: 'COMPLETE', results: [] })
      .post('/crm/v3/objects/companies/batch/update', {
        inputs: [
          { id: '11', properties: { wtc_renewal_task_pending: '' } },
          { id: '13', properties: { wtc_renewal_task_pending: '' } },
          { id: '12', properties: { wtc_stalled_plan_task_pending: '' } },
          { id: '14', properties: { wtc_customer_stuck_task_pending: '' } },
          { id: '15', properties: { wtc_health_drop_task_pending: '' } },
        ],
      })
      .reply(200, { status: 'COMPLETE', results: [] });
    const summary = await runAt('2026-11-23');
    expect(summary).toEqual({
      companiesChecked: 5,
      tasksCreated: 5,
      taskKeys: [
        'renewal:11:2026-12-01',
        'renewal:13:2026-12-01',
        'stalled_plan:12:2026-11-01',
        'customer_stuck:14:2026-11-20',
        'health_drop:15:v7',
      ],
    });
  });

  it('decides on the values read by id, not on search results that have not caught up with the last run', async () => {
    // An app without the optional automation scope has no workflows: the run goes on.
    hubspot().get('/automation/v4/flows').query({ limit: '100' }).reply(403, {
      status: 'error',
      message: "This app hasn't been granted all required scopes",
      category: 'MISSING_SCOPES',
    });
    pendingSearch([]);
    search(
      [{ propertyName: 'wtc_renewal_date', operator: 'BETWEEN', value: '1795392000000', highValue: '1803168000000' }],
      ['11'],
    );
    batchRead(
      ['11'],
      [
        {
          id: '11',
          properties: {
            wtc_bucket: 'need_you',
            wtc_renewal_date: '2026-12-01',
            hubspot_owner_id: '502',
            wtc_renewal_task_key: 'renewal:11:2026-12-01',
          },
        },
      ],
    );
    search([{ propertyName: 'wtc_plan_next_due', operator: 'LT', value: '1795392000000' }], []);
    stuckSearch([]);
    search(
      [
        { propertyName: 'wtc_bucket', operator: 'EQ', value: 'who_are_you' },
        { propertyName: 'wtc_re_recruit_task_key', operator: 'NOT_HAS_PROPERTY' },
      ],
      ['13'],
    );
    batchRead(
      ['13'],
      [{ id: '13', properties: { wtc_bucket: 'who_are_you', wtc_re_recruit_task_key: 're_recruit:13:v2' } }],
    );
    missedHealthDropSearch([]);
    expect(await runAt('2026-11-23')).toEqual({ companiesChecked: 2, tasksCreated: 0, taskKeys: [] });
  });

  it('checks pending keys against the tasks on the companies, read by id, and creates only the missing ones', async () => {
    workflowsListed([]);
    pendingSearch(['21', '22']);
    batchRead(
      ['21', '22'],
      [
        {
          id: '21',
          properties: {
            wtc_bucket: 'need_you',
            hubspot_owner_id: '502',
            wtc_renewal_task_key: 'renewal:21:2026-12-01',
            wtc_renewal_task_pending: 'renewal:21:2026-12-01',
          },
        },
        {
          id: '22',
          properties: {
            wtc_bucket: 'who_are_you',
            hubspot_owner_id: '503',
            wtc_success_manager: '501',
            wtc_re_recruit_task_key: 're_recruit:22:v7',
            wtc_re_recruit_task_pending: 're_recruit:22:v7',
          },
        },
      ],
    );
    hubspot()
      .post('/crm/v4/associations/companies/tasks/batch/read', { inputs: [{ id: '21' }, { id: '22' }] })
      .reply(207, {
        status: 'COMPLETE',
        results: [
          {
            from: { id: '21' },
            to: [{ toObjectId: 901, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 191, label: null }] }],
          },
        ],
        numErrors: 1,
        errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'No tasks', context: {} }],
        startedAt: '2026-11-23T08:00:00.000Z',
        completedAt: '2026-11-23T08:00:00.000Z',
      })
      .post('/crm/v3/objects/tasks/batch/read', {
        inputs: [{ id: '901' }],
        properties: ['hs_task_body'],
        propertiesWithHistory: [],
      })
      .reply(200, {
        status: 'COMPLETE',
        results: [
          {
            id: '901',
            // HubSpot keeps notes as HTML: the key is found inside it.
            properties: { hs_task_body: '<p>They told us...</p><p>(Why They Care: renewal:21:2026-12-01)</p>' },
            createdAt: '2026-11-22T08:00:00.000Z',
            updatedAt: '2026-11-22T08:00:00.000Z',
            archived: false,
          },
        ],
        startedAt: '2026-11-23T08:00:00.000Z',
        completedAt: '2026-11-23T08:00:00.000Z',
      })
      .post('/crm/v3/objects/tasks/batch/create', {
        inputs: [
          {
            properties: {
              hs_timestamp: '2026-11-26T09:00:00.000Z',
              hs_task_subject: 'Company 22: Re-recruit: the customer asked "Who are you?"',
              hs_task_body:
                'The customer no longer sees our value. Meet them to understand their definition of success and decide whether a win-win still exists: re-recruit them, or plan a graceful exit.\n' +
                briefOfUnknown() +
                '\n\n(Why They Care: re_recruit:22:v7)',
              hs_task_status: 'NOT_STARTED',
              hs_task_priority: 'HIGH',
              hs_task_type: 'TODO',
              hubspot_owner_id: '501',
            },
            associations: [
              { to: { id: '22' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
            ],
          },
        ],
      })
      .reply(201, { status: 'COMPLETE', results: [] })
      .post('/crm/v3/objects/companies/batch/update', {
        inputs: [
          { id: '21', properties: { wtc_renewal_task_pending: '' } },
          { id: '22', properties: { wtc_re_recruit_task_pending: '' } },
        ],
      })
      .reply(200, { status: 'COMPLETE', results: [] });
    search(
      [{ propertyName: 'wtc_renewal_date', operator: 'BETWEEN', value: '1795392000000', highValue: '1803168000000' }],
      [],
    );
    search([{ propertyName: 'wtc_plan_next_due', operator: 'LT', value: '1795392000000' }], []);
    stuckSearch([]);
    search(
      [
        { propertyName: 'wtc_bucket', operator: 'EQ', value: 'who_are_you' },
        { propertyName: 'wtc_re_recruit_task_key', operator: 'NOT_HAS_PROPERTY' },
      ],
      [],
    );
    missedHealthDropSearch([]);
    expect(await runAt('2026-11-23')).toEqual({
      companiesChecked: 2,
      tasksCreated: 1,
      taskKeys: ['re_recruit:22:v7'],
    });
  });

  it("refuses to run, searching nothing, while one of the app's workflows is on", async () => {
    workflowsListed([
      { id: '1701', name: '[Why They Care] Re-recruit', isEnabled: false },
      { id: '1703', name: "[Why They Care] Renewal: It's OK", isEnabled: true },
    ]);
    await expect(runAt('2026-11-23')).rejects.toThrow(
      "Direct automation refused: the app's HubSpot workflows are on ([Why They Care] Renewal: It's OK). " +
        "They create these tasks too, and the backend's property writes trigger them, so every task would be " +
        'created twice. Turn them off with "npm run setup -- --disable", or set AUTOMATION_MODE=workflows and ' +
        'let them create the tasks.',
    );
  });
});
