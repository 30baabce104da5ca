import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import request from 'supertest';
import {
  anyOf,
  dynamicCompanyListBody,
  hasOptionFilter,
  isAnyOfOperation,
  propertyFilter,
  type SearchFilter,
  searchRateLimitBody,
} from '@why-they-care/hubspot-contract';
import { type SandboxOptions } from '@why-they-care/hubspot-sandbox';

import { SANDBOX_ACCESS_TOKEN } from '../../src/cli/sandbox-mode';
import { demoSandbox, withAppProperties } from '../support/demo-sandbox';

/** The sandbox answers like HubSpot: same paths, shapes, refusals and limits. */
const AUTH = { Authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` };
const NOW = new Date('2026-11-23T10:00:00.000Z');

const installedSandbox = (options: Partial<SandboxOptions> = {}) =>
  withAppProperties(demoSandbox({ now: () => NOW, ...options }));

/** A DYNAMIC list of the companies in one bucket, as setup creates it. */
const bucketListRequest = (name: string, bucket: string) =>
  dynamicCompanyListBody(name, anyOf([propertyFilter('wtc_bucket', isAnyOfOperation([bucket]))]));

describe('the HubSpot sandbox', () => {
  it('refuses requests without the access token, like HubSpot', async () => {
    const sandbox = demoSandbox();
    const response = await request(sandbox.app).get('/crm/v3/objects/companies/1001');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
  });

  it('refuses a PATCH with an unknown property, a bad option or a wrong type, writing none of it', async () => {
    const sandbox = await installedSandbox();
    const response = await request(sandbox.app)
      .patch('/crm/v3/objects/companies/1001')
      .set(AUTH)
      .send({
        properties: { wtc_bucket: 'maybe', wtc_version: 'three', wtc_renewal_date: '2027-02-30', wtc_unknown: 'x' },
      });
    expect(response.status).toBe(400);
    expect(response.body.category).toBe('VALIDATION_ERROR');
    expect(response.body.errors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_OPTION',
      'INVALID_LONG',
      'INVALID_DATE',
      'PROPERTY_DOESNT_EXIST',
    ]);
    expect(response.body.message).toMatch(/^Property values were not valid: \[\{"isValid":false/);
    expect(sandbox.store.state.companies['1001']?.properties.wtc_bucket).toBe('need_you');
  });

  it('keeps the history of every write, newest first, and answers 404 for an unknown company', async () => {
    const sandbox = await installedSandbox();
    await request(sandbox.app)
      .patch('/crm/v3/objects/companies/1001')
      .set(AUTH)
      .send({ properties: { wtc_bucket: 'who_are_you' } });
    const response = await request(sandbox.app)
      .get('/crm/v3/objects/companies/1001?properties=wtc_bucket&propertiesWithHistory=wtc_bucket')
      .set(AUTH);
    expect(response.body.properties.wtc_bucket).toBe('who_are_you');
    expect(response.body.propertiesWithHistory.wtc_bucket.map((entry: { value: string }) => entry.value)).toEqual([
      'who_are_you',
      'need_you',
    ]);
    expect(response.body.propertiesWithHistory.wtc_bucket[0]).toMatchObject({
      timestamp: NOW.toISOString(),
      sourceType: 'INTEGRATION',
    });
    expect((await request(sandbox.app).get('/crm/v3/objects/companies/999').set(AUTH)).status).toBe(404);
  });

  it('searches with filters and pages of at most 200', async () => {
    const sandbox = await installedSandbox();
    const response = await request(sandbox.app)
      .post('/crm/v3/objects/companies/search')
      .set(AUTH)
      .send({
        filterGroups: [{ filters: [{ propertyName: 'wtc_bucket', operator: 'EQ', value: 'need_you' }] }],
        properties: ['name'],
        limit: 2,
      });
    expect(response.body.total).toBe(4);
    expect(response.body.results.map((company: { properties: { name: string } }) => company.properties.name)).toEqual([
      'Acme Logistics',
      'Birch Dental Group',
    ]);
    expect(response.body.paging.next.after).toBe('2');
  });

  it('counts a checkbox option with IN, as the contract says HubSpot does, and refuses searches past the limits', async () => {
    // More searches than HubSpot allows a second: this test is about their filters, not their rate.
    const sandbox = await installedSandbox({ searchesPerSecond: 1_000 });
    await request(sandbox.app)
      .post('/crm/v3/properties/companies')
      .set(AUTH)
      .send({
        name: 'wtc_concerns',
        label: 'Concerns',
        type: 'enumeration',
        fieldType: 'checkbox',
        groupName: 'why_they_care',
        options: ['price', 'support', 'adoption'].map((value) => ({ label: value, value, hidden: false })),
      });
    // Only these three companies hold concerns (the demo account's own are cleared).
    for (const company of Object.values(sandbox.store.state.companies)) company.properties.wtc_concerns = '';
    for (const [id, concerns] of [
      ['1001', 'price;support'],
      ['1002', 'support'],
      ['1003', 'adoption;price'],
    ] as const) {
      await request(sandbox.app)
        .patch(`/crm/v3/objects/companies/${id}`)
        .set(AUTH)
        .send({ properties: { wtc_concerns: concerns } });
    }
    const search = (filterGroups: unknown) =>
      request(sandbox.app).post('/crm/v3/objects/companies/search').set(AUTH).send({ filterGroups, limit: 1 });
    const count = async (filter: SearchFilter) => (await search([{ filters: [filter] }])).body.total;
    expect(await count(hasOptionFilter('wtc_concerns', 'price'))).toBe(2);
    expect(await count(hasOptionFilter('wtc_concerns', 'support'))).toBe(2);
    expect(await count({ propertyName: 'wtc_concerns', operator: 'NOT_IN', values: ['price'] })).toBe(
      Object.keys(sandbox.store.state.companies).length - 2,
    );

    const known: SearchFilter = { propertyName: 'wtc_bucket', operator: 'HAS_PROPERTY' };
    const groupOf = (filters: number) => ({ filters: Array.from({ length: filters }, () => known) });
    expect((await search([groupOf(6), groupOf(6), groupOf(6)])).status).toBe(200);
    expect((await search([groupOf(7)])).status).toBe(400);
    expect((await search([groupOf(6), groupOf(6), groupOf(6), groupOf(1)])).status).toBe(400);
    expect((await search([1, 2, 3, 4, 5, 6].map(() => groupOf(1)))).status).toBe(400);
  });

  it("answers search's own 429 past five searches a second, as HubSpot does", async () => {
    const sandbox = demoSandbox({ now: () => NOW });
    const statuses = [];
    for (let index = 0; index < 6; index += 1) {
      const answer = await request(sandbox.app).post('/crm/v3/objects/companies/search').set(AUTH).send({ limit: 1 });
      statuses.push(answer.status);
      if (answer.status === 429) expect(answer.body).toMatchObject(searchRateLimitBody());
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    // Reads by id are not searches.
    expect((await request(sandbox.app).get('/crm/v3/objects/companies/1001').set(AUTH)).status).toBe(200);
  });

  it('reads several property definitions in one call, leaving out names that do not exist', async () => {
    const sandbox = await installedSandbox();
    const response = await request(sandbox.app)
      .post('/crm/v3/properties/companies/batch/read')
      .set(AUTH)
      .send({ archived: false, inputs: [{ name: 'wtc_bucket' }, { name: 'nope' }] });
    expect(response.status).toBe(200);
    expect(response.body.results.map((property: { name: string }) => property.name)).toEqual(['wtc_bucket']);
  });

  it('reads a batch of companies by id, with a 207 entry for ids that do not exist', async () => {
    const sandbox = await installedSandbox();
    const response = await request(sandbox.app)
      .post('/crm/v3/objects/companies/batch/read')
      .set(AUTH)
      .send({ inputs: [{ id: '1001' }, { id: '999' }], properties: ['wtc_bucket'], propertiesWithHistory: [] });
    expect(response.status).toBe(207);
    expect(
      response.body.results.map(({ id, properties }: { id: string; properties: object }) => [id, properties]),
    ).toEqual([['1001', expect.objectContaining({ wtc_bucket: 'need_you', name: 'Acme Logistics' })]]);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } }),
    ]);
  });

  it('with searchLagMs, search shows a write only after the lag; reads by id see it at once', async () => {
    const sandbox = await installedSandbox({ searchLagMs: 1_500 });
    const bucketOf1002 = async () => {
      const found = await request(sandbox.app)
        .post('/crm/v3/objects/companies/search')
        .set(AUTH)
        .send({
          filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: '1002' }] }],
          properties: ['wtc_bucket'],
        });
      const whoAreYou = await request(sandbox.app)
        .post('/crm/v3/objects/companies/search')
        .set(AUTH)
        .send({ filterGroups: [{ filters: [{ propertyName: 'wtc_bucket', operator: 'EQ', value: 'who_are_you' }] }] });
      return {
        searched: found.body.results[0]?.properties.wtc_bucket,
        matched: whoAreYou.body.results.some((company: { id: string }) => company.id === '1002'),
      };
    };
    await request(sandbox.app)
      .patch('/crm/v3/objects/companies/1002')
      .set(AUTH)
      .send({ properties: { wtc_bucket: 'who_are_you' } });

    expect(await bucketOf1002()).toEqual({ searched: 'need_you', matched: false });
    const read = await request(sandbox.app)
      .post('/crm/v3/objects/companies/batch/read')
      .set(AUTH)
      .send({ inputs: [{ id: '1002' }], properties: ['wtc_bucket'], propertiesWithHistory: [] });
    expect(read.body.results[0].properties.wtc_bucket).toBe('who_are_you');

    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect(await bucketOf1002()).toEqual({ searched: 'who_are_you', matched: true });
  });

  it('lists the members of a DYNAMIC list from its filters', async () => {
    const sandbox = await installedSandbox();
    const created = await request(sandbox.app)
      .post('/crm/v3/lists')
      .set(AUTH)
      .send(bucketListRequest('Who are you?', 'who_are_you'));
    const members = await request(sandbox.app).get(`/crm/v3/lists/${created.body.list.listId}/memberships`).set(AUTH);
    expect(members.body.results.map((member: { recordId: string }) => member.recordId)).toEqual([
      '1007',
      '1008',
      '1009',
    ]);
  });

  it('updates a flow only with the fields of the update schema, keeping what was set on create', async () => {
    const sandbox = demoSandbox({ now: () => NOW });
    const definition = { type: 'PLATFORM_FLOW', isEnabled: false, actions: [], timeWindows: [], blockedDates: [] };
    const created = await request(sandbox.app)
      .post('/automation/v4/flows')
      .set(AUTH)
      .send({ ...definition, flowType: 'WORKFLOW', objectTypeId: '0-2', customProperties: {}, dataSources: [] });
    const path = `/automation/v4/flows/${created.body.id}`;
    const update = { ...definition, isEnabled: true, customProperties: {}, revisionId: '1' };

    const refused = await request(sandbox.app)
      .put(path)
      .set(AUTH)
      .send({ ...update, flowType: 'WORKFLOW', objectTypeId: '0-2', dataSources: [] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe(
      'Invalid flow update: fields not in the update request: flowType, objectTypeId, dataSources',
    );
    const updated = await request(sandbox.app).put(path).set(AUTH).send(update);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      isEnabled: true,
      revisionId: '2',
      flowType: 'WORKFLOW',
      objectTypeId: '0-2',
      dataSources: [],
      crmObjectCreationStatus: 'COMPLETE',
    });
  });

  it('tells which lists a company is in, and reads several lists by id without their filters', async () => {
    const sandbox = await installedSandbox();
    const bucketList = async (name: string, bucket: string) =>
      (await request(sandbox.app).post('/crm/v3/lists').set(AUTH).send(bucketListRequest(name, bucket))).body.list
        .listId as string;
    const whoAreYou = await bucketList('Who are you?', 'who_are_you');
    await bucketList('We need you', 'need_you');

    const memberships = await request(sandbox.app).get('/crm/v3/lists/records/0-2/1007/memberships').set(AUTH);
    expect(memberships.status).toBe(200);
    expect(memberships.body).toEqual({
      results: [
        {
          listId: whoAreYou,
          listVersion: 1,
          firstAddedTimestamp: NOW.toISOString(),
          lastAddedTimestamp: NOW.toISOString(),
        },
      ],
      total: 1,
    });
    const lists = await request(sandbox.app).get(`/crm/v3/lists/?listIds=${whoAreYou}&listIds=999`).set(AUTH);
    expect(lists.body.lists).toEqual([expect.objectContaining({ listId: whoAreYou, name: 'Who are you?' })]);
    expect(lists.body.lists[0]).not.toHaveProperty('filterBranch');
  });

  it("answers 429 with HubSpot's body past the configured rate", async () => {
    const sandbox = demoSandbox({ requestsPer10s: 2 });
    for (let index = 0; index < 2; index += 1) await request(sandbox.app).get('/crm/v3/owners').set(AUTH);
    const response = await request(sandbox.app).get('/crm/v3/owners').set(AUTH);
    expect(response.status).toBe(429);
    expect(response.body).toMatchObject({
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      message: 'You have reached your ten_secondly_rolling limit.',
    });
  });

  it('keeps its data in a file across restarts until it is removed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wtc-sandbox-'));
    const file = join(folder, 'sandbox.json');
    try {
      const first = await installedSandbox({ file });
      await request(first.app)
        .patch('/crm/v3/objects/companies/1002')
        .set(AUTH)
        .send({ properties: { wtc_bucket: 'who_are_you' } });
      first.store.flush();
      const second = demoSandbox({ file });
      expect(second.store.state.companies['1002']?.properties.wtc_bucket).toBe('who_are_you');
      rmSync(file);
      expect(existsSync(file)).toBe(false);
      const third = demoSandbox({ file });
      expect(third.store.state.companies['1002']?.properties.wtc_bucket).toBe('need_you');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('seeds owners in two teams, a dozen companies across every bucket and quadrant, and three prospects', () => {
    const { state } = demoSandbox({ now: () => NOW }).store;
    expect(new Set(state.owners.flatMap((owner) => owner.teams.map((team) => team.name)))).toEqual(
      new Set(['Enterprise', 'Growth']),
    );
    const all = Object.values(state.companies);
    // Kestrel Aviation is still an opportunity; the plays' three prospects come after the dozen.
    expect(all.map((company) => company.properties.lifecyclestage)).toEqual([
      ...Array(10).fill('customer'),
      'opportunity',
      'customer',
      'lead',
      'opportunity',
      'lead',
    ]);
    const companies = all.slice(0, 12);
    expect(new Set(companies.map((company) => company.properties.wtc_bucket || 'not asked'))).toEqual(
      new Set(['need_you', 'its_ok', 'who_are_you', 'not asked']),
    );
    expect(new Set(companies.map((company) => company.properties.wtc_quadrant).filter(Boolean))).toEqual(
      new Set(['customer_success', 'keep_unprofitable', 'keep_unhappy', 'let_go']),
    );
  });
});
