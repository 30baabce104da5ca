import { createBackend } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import { testEnv } from '../support/env';
import {
  and,
  companySearch,
  customerGroups,
  notCustomerYet,
  or,
  prospectsMatchingNobody,
} from '../support/hubspot-requests';
import { interceptHubSpot } from '../support/nock-hubspot';
import { signedRequest } from '../support/signed';

const hubspot = interceptHubSpot();

const backendWith = (plays: string) =>
  createBackend({ env: testEnv({ AUTOMATION_MODE: 'workflows', PLAYS: plays }), logger: createLogger('silent') });

const NEED_YOU = { propertyName: 'wtc_bucket', operator: 'EQ', value: 'need_you' };

/** A count of customers (the home page's), narrowed by `filters`: one result of one property, the total read. */
const countCustomers = (filters: Record<string, string>[], total: number) =>
  hubspot()
    .post('/crm/v3/objects/companies/search', {
      filterGroups: customerGroups(...filters).map((group) => ({ filters: group })),
      properties: ['hs_object_id'],
      limit: 1,
    })
    .reply(200, { total, results: [] });

/** Candidates among the customers: ids only, 200 a page. */
const customerIds = (filters: Record<string, string>[], ids: string[]) => {
  const [first = [], ...others] = customerGroups(...filters);
  return companySearch(hubspot, first, ids, others);
};

const PROSPECTS =
  '/crm/v3/lists/object-type-id/0-2/name/%5BWhy%20They%20Care%5D%20Prospects%20like%20the%20customers%20who%20need%20us';

describe('the bucket plays: HubSpot requests', () => {
  it('discovers the segments by counts, reading only the "We need you" customers, and rewrites the list once', async () => {
    // "We need you" customers and all customers: the same population as the home page's.
    countCustomers([NEED_YOU], 4);
    countCustomers([], 40);
    customerIds([NEED_YOU], ['1', '2', '3', '4']);
    const facts = (industry: string, employees: string, country: string) => ({
      industry,
      numberofemployees: employees,
      country,
      wtc_value_themes: null,
    });
    hubspot()
      .post('/crm/v3/objects/companies/batch/read', {
        inputs: [{ id: '1' }, { id: '2' }, { id: '3' }, { id: '4' }],
        properties: ['industry', 'numberofemployees', 'country', 'wtc_value_themes'],
        propertiesWithHistory: [],
      })
      .reply(200, {
        status: 'COMPLETE',
        results: [
          { id: '1', properties: facts('COMPUTER_SOFTWARE', '120', 'Germany') },
          { id: '2', properties: facts('COMPUTER_SOFTWARE', '80', 'germany') },
          { id: '3', properties: facts('COMPUTER_SOFTWARE', '9000', 'Germany') },
          { id: '4', properties: facts('RETAIL', '15', 'France') },
        ],
      });
    // Only the values three of them share are counted among all customers: software and Germany.
    countCustomers([{ propertyName: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' }], 5);
    countCustomers([{ propertyName: 'country', operator: 'EQ', value: 'Germany' }], 30);
    hubspot()
      .get(PROSPECTS)
      .query({ includeFilters: 'true' })
      .reply(200, {
        list: {
          listId: '77',
          name: '[Why They Care] Prospects like the customers who need us',
          filterBranch: prospectsMatchingNobody,
        },
      })
      .put('/crm/v3/lists/77/update-list-filters', (body) => {
        expect(body).toEqual({
          filterBranch: or(
            and([
              ...notCustomerYet,
              {
                filterType: 'PROPERTY',
                property: 'industry',
                operation: {
                  operationType: 'ENUMERATION',
                  operator: 'IS_ANY_OF',
                  values: ['COMPUTER_SOFTWARE'],
                  includeObjectsWithNoValueSet: false,
                },
              },
            ]),
          ),
        });
        return true;
      })
      .reply(200, { updatedList: { listId: '77' } });

    const report = await backendWith('lookalikes').lookalikes.refresh();
    // Software: 3 of 4 who need us, 5 of 40 customers: lift 6. Germany: 3 of 4, 30 of 40: lift 1, not listed.
    expect(report.segments).toEqual([
      {
        dimension: 'industry',
        value: 'COMPUTER_SOFTWARE',
        label: 'COMPUTER_SOFTWARE',
        needYou: 3,
        customers: 5,
        lift: 6,
      },
    ]);
    expect(report.list).toBe('updated');
  });

  it("asks one buyer: names the decision maker from the company's contacts, records the key, then creates the task", async () => {
    const today = '2026-11-23';
    const owned = { propertyName: 'hubspot_owner_id', operator: 'HAS_PROPERTY' };
    customerIds([owned, { propertyName: 'wtc_ask_buyer_task_on', operator: 'EQ', value: '1795392000000' }], []);
    customerIds([owned, { propertyName: 'wtc_asked_on', operator: 'NOT_HAS_PROPERTY' }], ['31']);
    customerIds([owned, { propertyName: 'wtc_asked_on', operator: 'LT', value: '1787702400000' }], ['32']);
    hubspot()
      .post('/crm/v3/objects/companies/batch/read', (body) => {
        expect(body.inputs).toEqual([{ id: '31' }, { id: '32' }]);
        expect(body.properties).toEqual(expect.arrayContaining(['wtc_asked_on', 'wtc_ask_buyer_task_on', 'name']));
        return true;
      })
      .reply(200, {
        status: 'COMPLETE',
        results: [
          { id: '31', properties: { name: 'Never Asked Inc', hubspot_owner_id: '503', wtc_asked_on: null } },
          { id: '32', properties: { name: 'Asked Long Ago', hubspot_owner_id: '503', wtc_asked_on: '2025-01-10' } },
        ],
      });
    hubspot()
      .post('/crm/v3/objects/contacts/search', {
        filterGroups: [{ filters: [{ propertyName: 'associations.company', operator: 'EQ', value: '31' }] }],
        properties: ['firstname', 'lastname', 'email', 'hs_buying_role'],
        sorts: ['hs_object_id'],
        limit: 100,
      })
      .reply(200, {
        total: 2,
        results: [
          {
            id: '7',
            properties: { firstname: 'Ann', lastname: 'User', email: 'ann@x.example', hs_buying_role: 'END_USER' },
          },
          {
            id: '8',
            properties: {
              firstname: 'Dana',
              lastname: 'Buyer',
              email: 'dana@x.example',
              hs_buying_role: 'CHAMPION;DECISION_MAKER',
            },
          },
        ],
      });
    hubspot()
      .post('/crm/v3/objects/companies/batch/update', {
        inputs: [
          {
            id: '31',
            properties: {
              wtc_ask_buyer_task_key: `ask_buyer:31:${today}`,
              wtc_ask_buyer_task_pending: `ask_buyer:31:${today}`,
              wtc_ask_buyer_task_on: today,
            },
          },
        ],
      })
      .reply(200, { status: 'COMPLETE', results: [] });
    hubspot()
      .post('/crm/v3/objects/tasks/batch/create', (body) => {
        expect(body.inputs).toHaveLength(1);
        expect(body.inputs[0].properties).toMatchObject({
          hs_timestamp: `${today}T09:00:00.000Z`,
          hs_task_subject: 'Never Asked Inc: Ask why they care',
          hubspot_owner_id: '503',
          hs_task_priority: 'MEDIUM',
        });
        expect(body.inputs[0].properties.hs_task_body).toMatch(
          /^Call Dana Buyer \(decision maker, dana@x\.example\) and ask them: "Why do you care about us\?"/,
        );
        expect(body.inputs[0].associations).toEqual([
          { to: { id: '31' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
        ]);
        return true;
      })
      .reply(201, { status: 'COMPLETE', results: [] });
    // The task exists: its key is no longer pending.
    hubspot()
      .post('/crm/v3/objects/companies/batch/update', {
        inputs: [{ id: '31', properties: { wtc_ask_buyer_task_pending: '' } }],
      })
      .reply(200, { status: 'COMPLETE', results: [] });

    const summary = await backendWith('ask_buyer').runPlays(today);
    expect(summary.taskKeys).toEqual([`ask_buyer:31:${today}`]);
  });

  it('names no buyer when HubSpot refuses to read contacts (the optional scope), and asks only once', async () => {
    const today = '2026-11-23';
    hubspot()
      .post('/crm/v3/objects/companies/search')
      .times(3)
      .reply(200, (_uri, body) => {
        const filters =
          (body as { filterGroups: { filters: { propertyName: string; operator: string }[] }[] }).filterGroups[0]
            ?.filters ?? [];
        const neverAsked = filters.some(
          (filter) => filter.propertyName === 'wtc_asked_on' && filter.operator === 'NOT_HAS_PROPERTY',
        );
        return { total: neverAsked ? 2 : 0, results: neverAsked ? [{ id: '31' }, { id: '41' }] : [] };
      });
    hubspot()
      .post('/crm/v3/objects/companies/batch/read')
      .reply(200, {
        status: 'COMPLETE',
        results: [
          { id: '31', properties: { name: 'One', hubspot_owner_id: '503' } },
          { id: '41', properties: { name: 'Two', hubspot_owner_id: '504' } },
        ],
      });
    hubspot().post('/crm/v3/objects/contacts/search').once().reply(403, {
      status: 'error',
      message: "This app hasn't been granted all required scopes",
      category: 'MISSING_SCOPES',
    });
    hubspot().post('/crm/v3/objects/companies/batch/update').times(2).reply(200, { status: 'COMPLETE', results: [] });
    hubspot()
      .post('/crm/v3/objects/tasks/batch/create', (body) => {
        expect(
          body.inputs.map((input: { properties: { hs_task_body: string } }) => input.properties.hs_task_body),
        ).toEqual([
          expect.stringMatching(/^None of their contacts is recorded as decision maker or budget holder/),
          expect.stringMatching(/^None of their contacts is recorded as decision maker or budget holder/),
        ]);
        return true;
      })
      .reply(201, { status: 'COMPLETE', results: [] });
    const summary = await backendWith('ask_buyer').runPlays(today);
    expect(summary.taskKeys).toEqual([`ask_buyer:31:${today}`, `ask_buyer:41:${today}`]);
  });

  it("counts each owner's customers as the home page does, and counts again on the home page's Refresh", async () => {
    const backend = createBackend({
      env: testEnv({ AUTOMATION_MODE: 'workflows', PLAYS: 'ask_buyer' }),
      logger: createLogger('silent'),
      now: () => new Date('2026-11-23T10:00:00.000Z'),
    });
    const owned = { propertyName: 'hubspot_owner_id', operator: 'EQ', value: '503' };
    // 1787702400000: 2026-08-26, the first of the last 90 days.
    const askedSince = { propertyName: 'wtc_asked_on', operator: 'GTE', value: '1787702400000' };
    for (const [customers, asked] of [
      [12, 9],
      [13, 10],
    ] as const) {
      hubspot()
        .get('/crm/v3/owners/')
        .query({ limit: '100', archived: 'false' })
        .reply(200, {
          results: [{ id: '503', email: 'gus@example.com', firstName: 'Gus', lastName: 'Growth', archived: false }],
        });
      countCustomers([owned], customers);
      countCustomers([owned, askedSince], asked);
    }
    const progress = (customers: number, askedIn90Days: number) => [
      { ownerId: '503', name: 'Gus Growth', email: 'gus@example.com', customers, askedIn90Days },
    ];

    const loaded = await signedRequest(backend.app, 'GET', '/api/plays');
    expect(loaded.body.askBuyer).toEqual(progress(12, 9));
    // Kept ten minutes: a second load asks HubSpot nothing; Refresh asks again.
    expect((await signedRequest(backend.app, 'GET', '/api/plays')).body.askBuyer).toEqual(progress(12, 9));
    const refreshed = await signedRequest(backend.app, 'POST', '/api/plays/refresh');
    expect(refreshed.body.askBuyer).toEqual(progress(13, 10));
  });
});

describe('workflows mode: the "It\'s OK" renewal plays the daily pass stamps', () => {
  const NOW = new Date('2026-11-23T06:00:00.000Z');
  const dailyPass = () =>
    createBackend({
      env: testEnv({ AUTOMATION_MODE: 'workflows', PLAYS: 'none' }),
      logger: createLogger('silent'),
      now: () => NOW,
    }).runDailyPass('2026-11-23');
  const workflows = (itsOkRenewalOn: boolean) =>
    hubspot()
      .get('/automation/v4/flows')
      .query({ limit: '100' })
      .reply(200, {
        results: [
          { id: '1702', name: "[Why They Care] Renewal: It's OK", isEnabled: itsOkRenewalOn },
          { id: '1703', name: '[Why They Care] Renewal: We need you', isEnabled: true },
        ].map((flow) => ({ ...flow, objectTypeId: '0-2', flowType: 'WORKFLOW', revisionId: '3' })),
      });

  it('finds "It\'s OK" companies inside the renewal window with no stamp of this cycle in one search, reads them by id, stamps those still due', async () => {
    workflows(true);
    // Renewal dates from today (1795392000000) to today + 90 days (1803168000000); no stamp, or one older than
    // any cycle due today could have (2026-08-25, 1787616000000).
    const inWindow = [
      { propertyName: 'wtc_bucket', operator: 'EQ', value: 'its_ok' },
      { propertyName: 'wtc_renewal_date', operator: 'BETWEEN', value: '1795392000000', highValue: '1803168000000' },
    ];
    hubspot()
      .post('/crm/v3/objects/companies/search', {
        filterGroups: [
          { filters: [...inWindow, { propertyName: 'wtc_renewal_play_at', operator: 'NOT_HAS_PROPERTY' }] },
          { filters: [...inWindow, { propertyName: 'wtc_renewal_play_at', operator: 'LT', value: '1787616000000' }] },
        ],
        properties: [],
        sorts: ['hs_object_id'],
        limit: 200,
      })
      .reply(200, { total: 3, results: ['21', '22', '23'].map((id) => ({ id, properties: { hs_object_id: id } })) })
      .post('/crm/v3/objects/companies/batch/read', {
        inputs: [{ id: '21' }, { id: '22' }, { id: '23' }],
        properties: ['wtc_bucket', 'wtc_renewal_date', 'wtc_renewal_play_at'],
        propertiesWithHistory: [],
      })
      .reply(200, {
        status: 'COMPLETE',
        results: [
          // Due, stamped a year ago: a new cycle.
          {
            id: '21',
            properties: {
              wtc_bucket: 'its_ok',
              wtc_renewal_date: '2027-01-10',
              wtc_renewal_play_at: '2025-10-20T06:00:00.000Z',
            },
          },
          // Stamped by a pass seconds ago, which search has not caught up with yet.
          {
            id: '22',
            properties: {
              wtc_bucket: 'its_ok',
              wtc_renewal_date: '2027-01-10',
              wtc_renewal_play_at: '2026-11-23T05:59:58.000Z',
            },
          },
          // Moved up since search indexed it.
          {
            id: '23',
            properties: { wtc_bucket: 'need_you', wtc_renewal_date: '2027-01-10', wtc_renewal_play_at: null },
          },
        ],
      })
      .post('/crm/v3/objects/companies/batch/update', {
        inputs: [{ id: '21', properties: { wtc_renewal_play_at: '2026-11-23T06:00:00.000Z' } }],
      })
      .reply(200, { status: 'COMPLETE', results: [] });
    expect((await dailyPass()).renewalPlays).toEqual({ stamped: ['21'] });
  });

  it('stamps nothing, searching nothing, while the "It\'s OK" renewal workflow is off: no task, no play', async () => {
    workflows(false);
    expect((await dailyPass()).renewalPlays).toEqual({ stamped: [] });
  });
});
