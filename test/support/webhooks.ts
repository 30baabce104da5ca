import { webhookSignatureHeaders, type WebhookEventInput } from '@why-they-care/hubspot-contract';
import request from 'supertest';
import { type App } from 'supertest/types';

import { WEBHOOK_PATH } from '../../src/webhooks/webhook-subscriptions';
import { CLIENT_SECRET, PORTAL_ID, PUBLIC_BASE_URL } from './env';

let nextEventId = 5_000;

/** One bucket change of a company as HubSpot delivers it; an edit in HubSpot's UI unless told otherwise. */
export const bucketEvent = (overrides: Partial<WebhookEventInput> = {}): WebhookEventInput => ({
  eventId: (nextEventId += 1),
  subscriptionId: 7_662_269,
  portalId: Number(PORTAL_ID),
  appId: 9,
  occurredAt: Date.parse('2026-11-23T09:00:00.000Z'),
  subscriptionType: 'object.propertyChange',
  attemptNumber: 0,
  objectId: 5150,
  objectTypeId: '0-2',
  propertyName: 'wtc_bucket',
  propertyValue: 'who_are_you',
  changeSource: 'CRM_UI',
  sourceId: 'userId:991',
  isSensitive: false,
  ...overrides,
});

export type DeliveryOptions = {
  /** Which signatures the delivery carries (HubSpot sends v1, and v3 too on newer apps). */
  versions?: readonly ('v1' | 'v3')[];
  secret?: string;
  timestamp?: number;
  /** The URL the v3 signature covers (HubSpot: the app's targetUrl). */
  signedUrl?: string;
  /** Signs this body instead of the one sent, to forge a tampered delivery. */
  signedBody?: string;
  rawBody?: string;
};

/** The signature headers of a delivery, as HubSpot computes them. */
export const deliveryHeaders = (body: string, options: DeliveryOptions = {}) => {
  const all = webhookSignatureHeaders({
    clientSecret: options.secret ?? CLIENT_SECRET,
    targetUrl: options.signedUrl ?? `${PUBLIC_BASE_URL}${WEBHOOK_PATH}`,
    body: options.signedBody ?? body,
    timestamp: String(options.timestamp ?? Date.now()),
  });
  const versions = options.versions ?? ['v1', 'v3'];
  const { 'X-HubSpot-Signature-v3': v3, 'X-HubSpot-Request-Timestamp': timestamp, ...v1 } = all;
  return {
    ...(versions.includes('v1') ? v1 : {}),
    ...(versions.includes('v3') ? { 'X-HubSpot-Signature-v3': v3, 'X-HubSpot-Request-Timestamp': timestamp } : {}),
  };
};

/** POSTs a delivery of `events` to the backend's webhook route, signed as HubSpot signs it. */
export const deliver = (app: App | string, events: readonly WebhookEventInput[], options: DeliveryOptions = {}) => {
  const body = options.rawBody ?? JSON.stringify(events);
  return request(app)
    .post(WEBHOOK_PATH)
    .set(deliveryHeaders(body, options))
    .set('Content-Type', 'application/json')
    .send(body);
};
