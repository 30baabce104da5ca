import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { Signature } from '@hubspot/api-client';
import request from 'supertest';
import { webhookDeliverySchema } from '@why-they-care/hubspot-contract';
import { SANDBOX_APP_ID, type Sandbox } from '@why-they-care/hubspot-sandbox';

import { accountWithCompanies } from '../../bench/companies';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { demoSandbox, withAppProperties } from '../support/demo-sandbox';

/** The sandbox sends webhooks for property changes as HubSpot does: batched, signed, retried, with their source. */
const AUTH = { Authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` };

type Received = { headers: IncomingHttpHeaders; body: string };

/** A webhook target answering each delivery with the next status of `statuses` (then 200). */
const startTarget = async (statuses: number[] = []) => {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/hubspot`;
  return { url, received, close: () => new Promise<void>((done) => server.close(() => done())) };
};

let target: Awaited<ReturnType<typeof startTarget>>;
let sandbox: Sandbox;

const subscribe = (properties: string[] = ['wtc_bucket']) =>
  sandbox.webhooks.configure({ url: target.url, clientSecret: SANDBOX_CLIENT_SECRET, properties });

const eventsOf = (delivery: Received) => webhookDeliverySchema.parse(JSON.parse(delivery.body));

const setUp = async (statuses: number[] = [], companies = 0) => {
  target = await startTarget(statuses);
  sandbox = await withAppProperties(
    demoSandbox({
      webhookTimings: { batchWindowMs: 20, retryDelaysMs: [20, 20], timeoutMs: 1_000 },
      ...(companies ? { initialState: accountWithCompanies(companies, new Date()) } : {}),
    }),
  );
};

/** A bucket other than the company's own, so that writing it is a change. */
const anotherBucket = (companyId: string) =>
  sandbox.store.state.companies[companyId]?.properties.wtc_bucket === 'who_are_you' ? 'need_you' : 'who_are_you';

afterEach(async () => {
  sandbox.webhooks.configure(null);
  await target.close();
});

describe('sandbox webhooks', () => {
  it("sends the app's own API write as INTEGRATION by the app, signed v1 and v3 with the client secret", async () => {
    await setUp();
    subscribe();
    await request(sandbox.app)
      .patch('/crm/v3/objects/companies/1001')
      .set(AUTH)
      .send({ properties: { wtc_bucket: 'who_are_you' } })
      .expect(200);
    await sandbox.webhooks.idle();

    expect(target.received).toHaveLength(1);
    const [delivery] = target.received;
    if (!delivery) throw new Error('no delivery');
    expect(eventsOf(delivery)).toEqual([
      expect.objectContaining({
        portalId: SANDBOX_PORTAL_ID,
        appId: SANDBOX_APP_ID,
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-2',
        objectId: '1001',
        propertyName: 'wtc_bucket',
        propertyValue: 'who_are_you',
        changeSource: 'INTEGRATION',
        sourceId: SANDBOX_APP_ID,
        attemptNumber: 0,
      }),
    ]);
    // Checked with HubSpot's own validator (api-client), not the sandbox's signer.
    const signed = { clientSecret: SANDBOX_CLIENT_SECRET, requestBody: delivery.body };
    expect(delivery.headers['x-hubspot-signature-version']).toBe('v1');
    expect(
      Signature.isValid({
        ...signed,
        signatureVersion: 'v1',
        signature: String(delivery.headers['x-hubspot-signature']),
      }),
    ).toBe(true);
    expect(
      Signature.isValid({
        ...signed,
        signatureVersion: 'v3',
        signature: String(delivery.headers['x-hubspot-signature-v3']),
        url: target.url,
        method: 'POST',
        timestamp: Number(delivery.headers['x-hubspot-request-timestamp']),
      }),
    ).toBe(true);
  });

  it('sends an edit in HubSpot as CRM_UI by the user; no event for an unchanged value or an unsubscribed property', async () => {
    await setUp();
    subscribe();
    const bucket = anotherBucket('1002');
    await request(sandbox.app)
      .patch('/sandbox/crm-ui/companies/1002?userId=991')
      .set(AUTH)
      .send({ properties: { wtc_bucket: bucket, wtc_version: '3' } })
      .expect(200);
    await request(sandbox.app)
      .patch('/crm/v3/objects/companies/1002')
      .set(AUTH)
      .send({ properties: { wtc_bucket: bucket, wtc_version: '4' } })
      .expect(200);
    await sandbox.webhooks.idle();

    const events = target.received.flatMap(eventsOf);
    expect(events).toEqual([
      expect.objectContaining({
        objectId: '1002',
        propertyName: 'wtc_bucket',
        propertyValue: bucket,
        changeSource: 'CRM_UI',
        sourceId: 'userId:991',
      }),
    ]);
    const history = sandbox.store.state.companies['1002']?.history.wtc_bucket?.[0];
    expect(history).toMatchObject({ sourceType: 'CRM_UI', updatedByUserId: 991 });
  });

  it('batches changes made together, at most 100 events a delivery, each event once', async () => {
    await setUp([], 150);
    subscribe();
    const ids = Object.keys(sandbox.store.state.companies).filter((id) => id.startsWith('2'));
    expect(ids).toHaveLength(150);
    const inputs = ids.map((id) => ({ id, properties: { wtc_bucket: anotherBucket(id) } }));
    await request(sandbox.app)
      .post('/crm/v3/objects/companies/batch/update')
      .set(AUTH)
      .send({ inputs: inputs.slice(0, 100) });
    await request(sandbox.app)
      .post('/crm/v3/objects/companies/batch/update')
      .set(AUTH)
      .send({ inputs: inputs.slice(100) });
    await sandbox.webhooks.idle();

    const sizes = target.received.map((delivery) => eventsOf(delivery).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect(sizes.length).toBeLessThan(150);
    const objectIds = target.received.flatMap(eventsOf).map((event) => event.objectId);
    expect(new Set(objectIds).size).toBe(150);
    expect(objectIds).toHaveLength(150);
  });

  it('retries a delivery answered 5xx or 4xx, counting attemptNumber up, the same event ids each time', async () => {
    await setUp([503, 401]);
    subscribe();
    await request(sandbox.app)
      .patch('/crm/v3/objects/companies/1003')
      .set(AUTH)
      .send({ properties: { wtc_bucket: anotherBucket('1003') } });
    await sandbox.webhooks.idle();

    const deliveries = target.received.map(eventsOf);
    expect(deliveries.map((events) => events.map((event) => event.attemptNumber))).toEqual([[0], [1], [2]]);
    expect(new Set(deliveries.map((events) => events[0]?.eventId)).size).toBe(1);
    expect(sandbox.webhooks.attempts().map((attempt) => attempt.status)).toEqual([503, 401, 200]);
  });

  it('gives up after the last retry, and sends nothing before it is configured', async () => {
    await setUp([500, 500, 500, 500]);
    await request(sandbox.app)
      .patch('/crm/v3/objects/companies/1004')
      .set(AUTH)
      .send({ properties: { wtc_bucket: anotherBucket('1004') } });
    await sandbox.webhooks.idle();
    expect(target.received).toHaveLength(0);

    subscribe();
    await request(sandbox.app)
      .patch('/crm/v3/objects/companies/1004')
      .set(AUTH)
      .send({ properties: { wtc_bucket: anotherBucket('1004') } });
    await sandbox.webhooks.idle();
    expect(target.received).toHaveLength(3);
  });
});
