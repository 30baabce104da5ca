import { portfolioSearchCount } from '@why-they-care/domain';
import { fitsSearchLimits } from '@why-they-care/hubspot-contract';

import { type Backend, createBackend } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import { NOW, TAG_PROPERTIES_READ } from '../support/company-fixtures';
import { PORTAL_ID, testEnv } from '../support/env';
import { interceptHubSpot } from '../support/nock-hubspot';

/**
 * The home page's counts as HubSpot receives them: each the total of one search asking for one record,
 * in a number of searches set by the options and owners. Epoch milliseconds below: 1795392000000 is
 * 2026-11-23 (today), 1792836000000 thirty days before NOW, 1787702400000 is 2026-08-26 (the first of the
 * last 90 days).
 */
const hubspot = interceptHubSpot();
const SEARCH_PATH = '/crm/v3/objects/companies/search';

type SearchBody = { filterGroups: { filters: Record<string, unknown>[] }[]; limit: number };

/** The per-second search limit is the bench's subject: lifted here, where what is sent is. */
const env = () => testEnv({ HUBSPOT_SEARCHES_PER_SECOND: '1000' });

let running: Backend | null = null;
afterEach(() => running?.stop());

const owner = (id: string, firstName: string) => ({
  id,
  email: `${firstName.toLowerCase()}@example.com`,
  firstName,
  lastName: 'Owner',
  type: 'PERSON',
  archived: false,
  teams: [],
});

const start = async () => {
  hubspot()
    .post(TAG_PROPERTIES_READ.path, TAG_PROPERTIES_READ.body)
    .reply(200, TAG_PROPERTIES_READ.answer({ valueThemes: ['saves_time'], concerns: ['price'] }));
  running = createBackend({ env: env(), logger: createLogger('silent'), now: () => NOW });
  await running.start();
  return running;
};

const count = (filters: Record<string, unknown>[][]) => ({
  filterGroups: filters.map((group) => ({ filters: group })),
  properties: ['hs_object_id'],
  limit: 1,
});
const notLeft = { propertyName: 'wtc_left_on', operator: 'NOT_HAS_PROPERTY' };
const renewalPlayStarted = { propertyName: 'wtc_renewal_play_at', operator: 'GTE', value: '1779876000000' };

describe('the home page counts', () => {
  it('are one search each, limit 1, read by total: as many as the formula of buckets, options and owners says', async () => {
    const backend = await start();
    hubspot()
      .get('/crm/v3/owners/')
      .query({ limit: '100', archived: 'false' })
      .reply(200, { results: [owner('501', 'Maria'), owner('502', 'Eli')] });
    const bodies: SearchBody[] = [];
    const formula = portfolioSearchCount({ valueThemes: 1, concerns: 1, owners: 2 });
    hubspot()
      .post(SEARCH_PATH, (body: SearchBody) => {
        bodies.push(body);
        return true;
      })
      .times(formula)
      .reply(200, () => ({ total: bodies.length, results: [] }));

    const answer = await backend.portfolio.countNow(PORTAL_ID);

    expect(answer.state).toBe('ready');
    expect(bodies).toHaveLength(formula);
    expect(bodies.every((body) => fitsSearchLimits(body.filterGroups))).toBe(true);
    expect(bodies).toEqual(
      expect.arrayContaining([
        // Companies in "We need you" now.
        count([[{ propertyName: 'wtc_bucket', operator: 'EQ', value: 'need_you' }, notLeft]]),
        // Customers not asked yet.
        count([
          [
            { propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' },
            { propertyName: 'wtc_bucket', operator: 'NOT_HAS_PROPERTY' },
            notLeft,
          ],
        ]),
        // Moved from "It's OK" to "We need you" in the last 30 days.
        count([
          [
            { propertyName: 'wtc_previous_bucket', operator: 'EQ', value: 'its_ok' },
            { propertyName: 'wtc_bucket', operator: 'EQ', value: 'need_you' },
            { propertyName: 'wtc_bucket_moved_at', operator: 'GTE', value: '1792836000000' },
          ],
        ]),
        // "Price" worries an "It's OK" customer: the option among the chosen ones.
        count([
          [
            { propertyName: 'wtc_concerns', operator: 'IN', values: ['price'] },
            { propertyName: 'wtc_bucket', operator: 'EQ', value: 'its_ok' },
            notLeft,
          ],
        ]),
        // A step the customer owns is late, for owner 502.
        count([
          [
            { propertyName: 'wtc_plan_next_due_customer', operator: 'LT', value: '1795392000000' },
            notLeft,
            { propertyName: 'hubspot_owner_id', operator: 'EQ', value: '502' },
          ],
        ]),
        // Owner 501's customers asked in the last 90 days: the portfolio is two groups, ORed.
        count([
          [
            { propertyName: 'wtc_bucket', operator: 'HAS_PROPERTY' },
            notLeft,
            { propertyName: 'wtc_asked_on', operator: 'GTE', value: '1787702400000' },
            { propertyName: 'hubspot_owner_id', operator: 'EQ', value: '501' },
          ],
          [
            { propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' },
            notLeft,
            { propertyName: 'wtc_asked_on', operator: 'GTE', value: '1787702400000' },
            { propertyName: 'hubspot_owner_id', operator: 'EQ', value: '501' },
          ],
        ]),
        // "It's OK" renewal plays started in the last 180 days (1779876000000: 180 days before NOW), and of
        // them, those now "We need you", still "It's OK" (both still customers), and those that left.
        count([[renewalPlayStarted]]),
        count([[renewalPlayStarted, { propertyName: 'wtc_bucket', operator: 'IN', values: ['need_you'] }, notLeft]]),
        count([[renewalPlayStarted, { propertyName: 'wtc_bucket', operator: 'EQ', value: 'its_ok' }, notLeft]]),
        count([[renewalPlayStarted, { propertyName: 'wtc_left_on', operator: 'HAS_PROPERTY' }]]),
        // The at-risk list: its rows too, a page in id order.
        {
          filterGroups: [
            {
              filters: [
                { propertyName: 'wtc_bucket', operator: 'EQ', value: 'its_ok' },
                { propertyName: 'wtc_company_happiness', operator: 'EQ', value: '4' },
                notLeft,
                { propertyName: 'hs_object_id', operator: 'GT', value: '0' },
              ],
            },
          ],
          properties: ['name', 'hubspot_owner_id', 'total_revenue'],
          sorts: ['hs_object_id'],
          limit: 200,
        },
      ]),
    );
  });

  it('sum revenue in pages of 200 from the last id read, until a page is short', async () => {
    const backend = createBackend({ env: env(), logger: createLogger('silent'), now: () => NOW });
    running = backend;
    const page = (from: number, size: number) =>
      Array.from({ length: size }, (_, index) => ({
        id: String(from + index),
        properties: { wtc_bucket: index % 2 ? 'who_are_you' : '', total_revenue: '10', wtc_renewal_date: '2026-12-01' },
      }));
    const pageBody = (afterId: string) => ({
      filterGroups: [
        {
          filters: [
            { propertyName: 'wtc_bucket', operator: 'HAS_PROPERTY' },
            notLeft,
            { propertyName: 'hs_object_id', operator: 'GT', value: afterId },
          ],
        },
        {
          filters: [
            { propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' },
            notLeft,
            { propertyName: 'hs_object_id', operator: 'GT', value: afterId },
          ],
        },
      ],
      properties: ['wtc_bucket', 'total_revenue', 'wtc_renewal_date'],
      sorts: ['hs_object_id'],
      limit: 200,
    });
    hubspot()
      .post(SEARCH_PATH, pageBody('0'))
      .reply(200, { total: 203, results: page(1, 200) });
    hubspot()
      .post(SEARCH_PATH, pageBody('200'))
      .reply(200, { total: 3, results: page(201, 3) });

    const revenue = await backend.portfolio.sumRevenueNow(PORTAL_ID);

    expect(revenue).toEqual({
      asOf: NOW.toISOString(),
      property: 'total_revenue',
      byBucket: [
        { bucket: 'need_you', revenue: 0 },
        { bucket: 'its_ok', revenue: 0 },
        { bucket: 'who_are_you', revenue: 1010 },
        { bucket: 'not_asked', revenue: 1020 },
      ],
      renewingWhoAreYou: 1010,
      companies: 203,
      calls: 2,
    });
  });
});
