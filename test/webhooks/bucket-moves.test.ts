import request from 'supertest';
import { type WebhookEventInput } from '@why-they-care/hubspot-contract';

import { SANDBOX_ACCESS_TOKEN, SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { webhookTarget } from '../../src/webhooks/webhook-subscriptions';
import { moveBucket, startSandboxBackend, tasksIn } from '../support/sandbox-backend';
import { bucketEvent, deliver } from '../support/webhooks';

/**
 * Changes made outside the app, through the sandbox's webhooks and the backend's route, in direct mode:
 * a move to "Who are you?" made in HubSpot gets its re-recruit task once, every such move its facts; the
 * app's own writes, repeats and late or reordered deliveries change nothing more.
 */
let stack: Awaited<ReturnType<typeof startSandboxBackend>>;

beforeAll(async () => {
  stack = await startSandboxBackend({ AUTOMATION_MODE: 'direct' }, undefined, true);
});
afterAll(() => stack.stop());

const settled = async () => {
  await stack.sandbox.webhooks.idle();
  await stack.backend.webhookQueue.idle();
};
const company = (id: string) => {
  const stored = stack.sandbox.store.state.companies[id];
  if (!stored) throw new Error(`no company ${id}`);
  return stored;
};
const editInHubSpot = (id: string, bucket: string) =>
  request(stack.hubspotUrl)
    .patch(`/sandbox/crm-ui/companies/${id}?userId=991`)
    .set({ Authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` })
    .send({ properties: { wtc_bucket: bucket } })
    .expect(200);
const reRecruitTasksOf = (id: string) =>
  tasksIn(stack).filter((task) => task.company === id && task.subject?.includes('Re-recruit: the customer asked'));
const callsOf = (operation: string) => stack.calls.filter((call) => call.operation === operation).length;
/** A move's event as HubSpot would deliver it, for the deliveries a test makes itself. */
const eventFor = (id: string, value: string, overrides: Partial<WebhookEventInput> = {}) =>
  bucketEvent({ portalId: Number(SANDBOX_PORTAL_ID), objectId: Number(id), propertyValue: value, ...overrides });
/** Edits with the sandbox's webhooks off, so the test delivers the events itself, in its own order. */
const withoutDeliveries = async (edits: () => Promise<unknown>) => {
  await stack.sandbox.webhooks.idle();
  stack.sandbox.webhooks.configure(null);
  try {
    await edits();
  } finally {
    stack.sandbox.webhooks.configure(
      webhookTarget({
        url: stack.backendUrl,
        publicBaseUrl: stack.env.PUBLIC_BASE_URL,
        clientSecret: stack.env.HUBSPOT_CLIENT_SECRET,
      }),
    );
  }
};

describe('webhooks: bucket moves made outside the app', () => {
  it('an edit in HubSpot to "Who are you?" gets its re-recruit task within seconds, and the move its facts', async () => {
    expect(company('1002').properties.wtc_bucket).toBe('need_you');
    await editInHubSpot('1002', 'who_are_you');
    await settled();

    const movedAt = company('1002').history.wtc_bucket?.[0]?.timestamp ?? '';
    expect(reRecruitTasksOf('1002')).toHaveLength(1);
    expect(company('1002').properties).toMatchObject({
      wtc_bucket: 'who_are_you',
      wtc_previous_bucket: 'need_you',
      wtc_bucket_moved_at: movedAt,
      wtc_bucket_moved_by: 'HubSpot user 991',
      wtc_re_recruit_at: movedAt,
      wtc_re_recruit_task_key: `re_recruit:1002:at${Date.parse(movedAt)}`,
    });
  });

  it("ignores the app's own writes: a card save's delivery is not even read", async () => {
    const reads = callsOf('companies.batchRead');
    expect((await moveBucket(stack, '1003', 'who_are_you', 'card-save-webhook-0001')).status).toBe(200);
    await settled();
    expect(stack.sandbox.webhooks.attempts().at(-1)?.status).toBe(200);
    expect(callsOf('companies.batchRead')).toBe(reads);
    expect(reRecruitTasksOf('1003')).toHaveLength(1);
    expect(company('1003').properties.wtc_bucket_moved_by).toBe('am@example.com');
  });

  it('recognises a card save without changeSource or sourceId by its save stamp: read, nothing written', async () => {
    const updates = callsOf('companies.batchUpdate');
    const { changeSource: _source, sourceId: _id, ...bare } = eventFor('1003', 'who_are_you');
    const response = await deliver(stack.backendUrl, [bare]);
    await settled();
    expect(response.body).toMatchObject({ queued: 1, ownWrites: 0 });
    expect(callsOf('companies.batchUpdate')).toBe(updates);
    expect(reRecruitTasksOf('1003')).toHaveLength(1);
  });

  it('acts once on a repeated delivery, and a duplicate event of the same move changes nothing', async () => {
    const updates = callsOf('companies.batchUpdate');
    const event = eventFor('1002', 'who_are_you');
    const first = await deliver(stack.backendUrl, [event]);
    const again = await deliver(stack.backendUrl, [{ ...event, attemptNumber: 1 }]);
    const duplicate = await deliver(stack.backendUrl, [{ ...event, eventId: Number(event.eventId) + 1000 }]);
    await settled();
    expect([first.body.queued, again.body.repeated, duplicate.body.queued]).toEqual([1, 1, 1]);
    expect(callsOf('companies.batchUpdate')).toBe(updates);
    expect(reRecruitTasksOf('1002')).toHaveLength(1);
  });

  it('decides on what HubSpot holds now, whatever order the events come in', async () => {
    await withoutDeliveries(async () => {
      await editInHubSpot('1004', 'who_are_you');
      await new Promise((resolve) => setTimeout(resolve, 5));
      await editInHubSpot('1004', 'need_you');
    });
    const [latest, earlier] = company('1004').history.wtc_bucket ?? [];
    await deliver(stack.backendUrl, [
      eventFor('1004', 'need_you', { occurredAt: Date.parse(latest?.timestamp ?? '') }),
    ]);
    await settled();
    await deliver(stack.backendUrl, [
      eventFor('1004', 'who_are_you', { occurredAt: Date.parse(earlier?.timestamp ?? '') }),
    ]);
    await settled();

    expect(company('1004').properties).toMatchObject({
      wtc_bucket: 'need_you',
      wtc_previous_bucket: 'who_are_you',
      wtc_bucket_moved_at: latest?.timestamp,
    });
    expect(reRecruitTasksOf('1004')).toEqual([]);
  });

  it('creates the task exactly once when several events of one move arrive together', async () => {
    await withoutDeliveries(() => editInHubSpot('1005', 'who_are_you'));
    const events = Array.from({ length: 5 }, () => eventFor('1005', 'who_are_you'));
    await Promise.all(events.map((event) => deliver(stack.backendUrl, [event])));
    await settled();
    expect(reRecruitTasksOf('1005')).toHaveLength(1);
  });
});
