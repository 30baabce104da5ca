import request from 'supertest';

import { createBackend } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import { WEBHOOK_PATH } from '../../src/webhooks/webhook-subscriptions';
import { MOVE_READ } from '../support/company-fixtures';
import { PUBLIC_BASE_URL, testEnv } from '../support/env';
import { interceptHubSpot } from '../support/nock-hubspot';
import { bucketEvent, deliver } from '../support/webhooks';

/**
 * The webhook route's signature matrix, as /api's: HubSpot's v3 (URL, body, timestamp) when the delivery
 * carries it, else its documented v1 (body only); forged, stale, tampered and replayed deliveries are not
 * acted on. The events here are about another account, so an accepted delivery makes no HubSpot call.
 */
const hubspot = interceptHubSpot();
const backend = () => createBackend({ env: testEnv(), logger: createLogger('silent') });
const IGNORED = [bucketEvent({ portalId: 999 })];
const NOW = Date.now();

const expectRefused = (response: request.Response, code: string) => {
  expect(response.status).toBe(401);
  expect(response.body.error.code).toBe(code);
};

describe('webhook signatures', () => {
  it.each([
    ['v1 and v3', ['v1', 'v3']],
    ['v3 alone', ['v3']],
    ['v1 alone (no timestamp)', ['v1']],
  ] as const)('accepts a delivery HubSpot signed with %s, and says what it made of it', async (_name, versions) => {
    const response = await deliver(backend().app, IGNORED, { versions });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ received: 1, queued: 0, ownWrites: 0, repeated: 0, ignored: 1 });
  });

  it.each([
    ['unsigned', { versions: [] }, 'SIGNATURE_MISSING'],
    ['v1 with another secret', { versions: ['v1'], secret: 'not-the-secret' }, 'SIGNATURE_INVALID'],
    ['v1 over another body', { versions: ['v1'], signedBody: '[]' }, 'SIGNATURE_INVALID'],
    ['v3 with another secret', { versions: ['v3'], secret: 'not-the-secret' }, 'SIGNATURE_INVALID'],
    ['v3 over another body', { versions: ['v3'], signedBody: '[]' }, 'SIGNATURE_INVALID'],
    ['v3 over another URL', { versions: ['v3'], signedUrl: `${PUBLIC_BASE_URL}/elsewhere` }, 'SIGNATURE_INVALID'],
    ['v3 six minutes old', { versions: ['v3'], timestamp: NOW - 6 * 60_000 }, 'SIGNATURE_EXPIRED'],
    ['v3 six minutes ahead', { versions: ['v3'], timestamp: NOW + 6 * 60_000 }, 'SIGNATURE_EXPIRED'],
    // A stale v3 cannot be passed off on the v1 header that came with it.
    ['stale v3 with a valid v1', { versions: ['v1', 'v3'], timestamp: NOW - 6 * 60_000 }, 'SIGNATURE_EXPIRED'],
  ] as const)('refuses a delivery %s', async (_name, options, code) => {
    expectRefused(await deliver(backend().app, IGNORED, options), code);
  });

  it('refuses a v1 signature that says it is another version, or is not hex', async () => {
    const body = JSON.stringify(IGNORED);
    const app = backend().app;
    const v2 = await request(app)
      .post(WEBHOOK_PATH)
      .set({ 'X-HubSpot-Signature-Version': 'v2', 'X-HubSpot-Signature': 'a'.repeat(64) })
      .set('Content-Type', 'application/json')
      .send(body);
    expectRefused(v2, 'SIGNATURE_INVALID');
    const notHex = await request(app)
      .post(WEBHOOK_PATH)
      .set({ 'X-HubSpot-Signature': 'zz' })
      .set('Content-Type', 'application/json')
      .send(body);
    expectRefused(notHex, 'SIGNATURE_INVALID');
  });

  it('answers 400 with the field at fault for a signed body that is not a delivery', async () => {
    const response = await deliver(backend().app, [], { rawBody: JSON.stringify({ events: [] }) });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { events: expect.any(Array) } });
  });

  it('acts once on a replayed v1 delivery (no timestamp to expire): the event id is remembered', async () => {
    const { app, webhookQueue } = backend();
    const delivery = [bucketEvent({ objectId: 5150 })];
    hubspot()
      .post('/crm/v3/objects/companies/batch/read', {
        inputs: [{ id: '5150' }],
        ...MOVE_READ,
      })
      .reply(200, {
        status: 'COMPLETE',
        results: [],
        startedAt: '2026-11-23T09:00:01Z',
        completedAt: '2026-11-23T09:00:01Z',
      });

    const first = await deliver(app, delivery, { versions: ['v1'] });
    const replayed = await deliver(app, delivery, { versions: ['v1'] });
    await webhookQueue.idle();
    expect(first.body).toMatchObject({ queued: 1, repeated: 0 });
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ queued: 0, repeated: 1 });
  });
});
