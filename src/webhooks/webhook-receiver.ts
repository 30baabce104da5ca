import {
  isOwnWrite,
  OBJECT_TYPE_ID,
  PROPERTY_CHANGE_SUBSCRIPTIONS,
  WEBHOOK_LIMITS,
  type WebhookEvent,
  webhookEventKey,
} from '@why-they-care/hubspot-contract';
import { type Logger } from 'pino';

import { type EventDedupe } from '../coordination/coordination';

/** HubSpot retries a delivery for 24 hours: an event is remembered a little longer. */
export const WEBHOOK_DEDUPE_TTL_MS = WEBHOOK_LIMITS.retryWindowMs + 60 * 60 * 1000;

export type DeliverySummary = {
  received: number;
  /** Events whose company is read again and handled in the background. */
  queued: number;
  /** Changes the app itself wrote (a card save, an import, the backend's own facts). */
  ownWrites: number;
  /** Events already received (HubSpot's retry, a duplicate, a replay). */
  repeated: number;
  /** Events for another account, object or property than the app reacts to. */
  ignored: number;
};

const isCompany = (event: WebhookEvent) =>
  event.objectTypeId === undefined || event.objectTypeId === OBJECT_TYPE_ID.company;

const isPropertyChange = (event: WebhookEvent): boolean =>
  (PROPERTY_CHANGE_SUBSCRIPTIONS as readonly string[]).includes(event.subscriptionType);

/**
 * What a verified delivery means, decided in milliseconds so HubSpot gets its answer well inside 5 s: each
 * event of this account about a watched company property, not written by the app and not seen before,
 * queues its company. The event's value is never trusted: the queue reads the company again, so events
 * out of order or repeated change nothing.
 */
export const createWebhookReceiver = (deps: {
  portalId: string;
  properties: readonly string[];
  dedupe: EventDedupe;
  enqueue: (companyIds: string[]) => void;
  logger: Logger;
}) => ({
  receive: async (events: readonly WebhookEvent[]): Promise<DeliverySummary> => {
    const summary: DeliverySummary = { received: events.length, queued: 0, ownWrites: 0, repeated: 0, ignored: 0 };
    const relevant = events.filter((event) => {
      const watched =
        event.portalId === deps.portalId &&
        isPropertyChange(event) &&
        isCompany(event) &&
        deps.properties.includes(event.propertyName ?? '');
      if (!watched) summary.ignored += 1;
      else if (isOwnWrite(event)) summary.ownWrites += 1;
      return watched && !isOwnWrite(event);
    });
    const firstSeen = await Promise.all(
      relevant.map((event) => deps.dedupe(webhookEventKey(event), WEBHOOK_DEDUPE_TTL_MS)),
    );
    const companyIds = relevant.filter((_event, index) => firstSeen[index]).map((event) => event.objectId);
    summary.repeated = relevant.length - companyIds.length;
    summary.queued = companyIds.length;
    deps.enqueue([...new Set(companyIds)]);
    // Most deliveries echo the app's own saves: worth a line only when they bring work.
    if (summary.queued) deps.logger.info(summary, 'webhook delivery received');
    else deps.logger.debug(summary, 'webhook delivery received');
    return summary;
  },
});

export type WebhookReceiver = ReturnType<typeof createWebhookReceiver>;
