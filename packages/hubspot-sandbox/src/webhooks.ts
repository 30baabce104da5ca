import {
  OBJECT_TYPE_ID,
  WEBHOOK_LIMITS,
  type WebhookEventInput,
  webhookSignatureHeaders,
} from '@why-they-care/hubspot-contract';

import { type WriteSource } from './records';

/** Where the app's webhooks go, and what they are about: as the app's webhooks component configures HubSpot. */
export type WebhookTarget = {
  /** Where deliveries are sent. */
  url: string;
  /** The app's `targetUrl` as configured, which the v3 signature covers: `url` unless a proxy stands between. */
  signedUrl?: string;
  /** The app's client secret, which signs every delivery. */
  clientSecret: string;
  /** Company properties with an active `object.propertyChange` subscription. */
  properties: readonly string[];
};

export type WebhookTimings = {
  /** Changes made within this window go out in one delivery (HubSpot batches them too). */
  batchWindowMs: number;
  /** A delivery not answered in time has failed. HubSpot: 5 s. */
  timeoutMs: number;
  /** The waits before each retry of a failed delivery. HubSpot: 10 retries over 24 h; the sandbox is quicker. */
  retryDelaysMs: readonly number[];
  /** Deliveries in flight at once (`maxConcurrentRequests`). */
  maxConcurrentRequests: number;
};

export const SANDBOX_WEBHOOK_TIMINGS: WebhookTimings = {
  batchWindowMs: 50,
  timeoutMs: WEBHOOK_LIMITS.answerWithinMs,
  retryDelaysMs: [500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000],
  maxConcurrentRequests: 10,
};

/** The attempts remembered for `attempts()`: the latest ones, so a long-running sandbox does not grow. */
const KEPT_ATTEMPTS = 1_000;

/** What happened to one attempt at a delivery: the backend's status, or the failure (timeout, refused). */
export type DeliveryAttempt = { attemptNumber: number; eventIds: number[]; status: number | null; error?: string };

/** A stable subscription id per property, as HubSpot gives each subscription its own. */
const subscriptionIdOf = (property: string) =>
  [...property].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) % 9_000_000, 7) + 1_000_000;

/**
 * Sends webhooks for company property changes the way HubSpot does: each change of a subscribed property
 * becomes an event (who wrote it as `changeSource` and `sourceId`: INTEGRATION and the app's id for the
 * API, CRM_UI and `userId:<id>` for an edit in HubSpot), events go out batched (at most 100 a delivery),
 * signed v1 and v3 with the app's client secret, and a delivery that fails, times out or is not answered
 * 2xx is retried with its `attemptNumber` counted up.
 */
export const createWebhookSender = (account: { portalId: string; appId: string }, timings: WebhookTimings) => {
  let target: WebhookTarget | null = null;
  let nextEventId = 1 + Math.floor(Math.random() * 1_000_000_000);
  let batch: WebhookEventInput[] = [];
  let batchTimer: NodeJS.Timeout | null = null;
  const waitingToSend: (() => void)[] = [];
  const retryTimers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];
  const attempts: DeliveryAttempt[] = [];

  const settleIfIdle = () => {
    if (batch.length || batchTimer || inFlight || waitingToSend.length || retryTimers.size) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  };

  const withSlot = (send: () => Promise<void>) => {
    const start = () => {
      inFlight += 1;
      void send().finally(() => {
        inFlight -= 1;
        waitingToSend.shift()?.();
        settleIfIdle();
      });
    };
    if (inFlight < timings.maxConcurrentRequests) start();
    else waitingToSend.push(start);
  };

  const deliver = (events: WebhookEventInput[], attemptNumber: number) =>
    withSlot(async () => {
      const to = target;
      if (!to) return;
      const body = JSON.stringify(events.map((event) => ({ ...event, attemptNumber })));
      const headers = webhookSignatureHeaders({
        clientSecret: to.clientSecret,
        targetUrl: to.signedUrl ?? to.url,
        body,
        timestamp: String(Date.now()),
      });
      const attempt: DeliveryAttempt = {
        attemptNumber,
        eventIds: events.map((event) => Number(event.eventId)),
        status: null,
      };
      attempts.push(attempt);
      if (attempts.length > KEPT_ATTEMPTS) attempts.shift();
      try {
        const response = await fetch(to.url, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body,
          signal: AbortSignal.timeout(timings.timeoutMs),
        });
        attempt.status = response.status;
        await response.arrayBuffer();
        if (response.ok) return;
      } catch (error) {
        attempt.error = error instanceof Error ? error.message : String(error);
      }
      const delay = timings.retryDelaysMs[attemptNumber];
      if (delay === undefined) return;
      const timer = setTimeout(() => {
        retryTimers.delete(timer);
        deliver(events, attemptNumber + 1);
      }, delay);
      timer.unref();
      retryTimers.add(timer);
    });

  const sendBatch = () => {
    batchTimer = null;
    const events = batch;
    batch = [];
    for (let start = 0; start < events.length; start += WEBHOOK_LIMITS.eventsPerDelivery) {
      deliver(events.slice(start, start + WEBHOOK_LIMITS.eventsPerDelivery), 0);
    }
    settleIfIdle();
  };

  return {
    /** Starts (or, with null, stops) sending: HubSpot reads the webhooks component when the app is deployed. */
    configure: (next: WebhookTarget | null) => {
      target = next;
    },
    /** Call after every write of a company, with its values before the write and who wrote. */
    changed: (
      company: { id: string; properties: Record<string, string> },
      before: Record<string, string>,
      source: WriteSource,
      at: string,
    ) => {
      if (!target) return;
      for (const property of target.properties) {
        const value = company.properties[property] ?? '';
        if ((before[property] ?? '') === value) continue;
        batch.push({
          eventId: (nextEventId += 1),
          subscriptionId: subscriptionIdOf(property),
          portalId: Number(account.portalId),
          appId: Number(account.appId),
          occurredAt: Date.parse(at),
          subscriptionType: 'object.propertyChange',
          attemptNumber: 0,
          objectId: Number(company.id),
          objectTypeId: OBJECT_TYPE_ID.company,
          propertyName: property,
          propertyValue: value,
          changeSource: source.sourceType,
          ...(source.sourceId ? { sourceId: source.sourceId } : {}),
          isSensitive: false,
        });
      }
      if (batch.length && !batchTimer) {
        batchTimer = setTimeout(sendBatch, timings.batchWindowMs);
        batchTimer.unref();
      }
    },
    /** The latest attempts (up to 1,000), oldest first (tests, the benchmark). */
    attempts: () => [...attempts],
    /** Settles once every change so far has been delivered or given up. */
    idle: () => new Promise<void>((resolve) => (idleWaiters.push(resolve), settleIfIdle())),
    close: () => {
      target = null;
      if (batchTimer) clearTimeout(batchTimer);
      batchTimer = null;
      batch = [];
      retryTimers.forEach(clearTimeout);
      retryTimers.clear();
      waitingToSend.length = 0;
      settleIfIdle();
    },
  };
};

export type WebhookSender = ReturnType<typeof createWebhookSender>;
