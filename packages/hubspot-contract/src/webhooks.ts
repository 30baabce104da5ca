import { createHash } from 'node:crypto';

import { z } from 'zod';

import { hubspotSignatureV3, SIGNATURE_TIMESTAMP_HEADER, SIGNATURE_V3_HEADER } from './signed-request';

/**
 * HubSpot's webhook deliveries as the app receives them (platform 2026.03 webhooks component, the
 * "Webhooks" guide): a POST of a JSON array of events to the app's target URL. What the guide does not
 * settle (the v3 signature on a static app's deliveries, how to recognise the app's own writes, whether a
 * 4xx is retried) is in unverified-formats.ts.
 */
export const WEBHOOK_LIMITS = {
  /** "Each request can contain up to 100 events." */
  eventsPerDelivery: 100,
  /** A delivery not answered within 5 s counts as failed and is retried. */
  answerWithinMs: 5_000,
  /** Up to 10 retries, spread over the next 24 hours. */
  retries: 10,
  retryWindowMs: 24 * 60 * 60 * 1000,
} as const;

/** The v1 signature: hex(sha256(client secret + raw body)), no URL, no timestamp. */
export const SIGNATURE_V1_HEADER = 'X-HubSpot-Signature';
export const SIGNATURE_VERSION_HEADER = 'X-HubSpot-Signature-Version';

export const hubspotSignatureV1 = (clientSecret: string, body: string): string =>
  createHash('sha256').update(`${clientSecret}${body}`, 'utf8').digest('hex');

/** Property-change subscriptions on CRM objects (the generic form; the legacy one is `company.propertyChange`). */
export const PROPERTY_CHANGE_SUBSCRIPTIONS = ['object.propertyChange', 'company.propertyChange'] as const;

const id = z.union([z.number(), z.string()]).transform(String);

/**
 * One event. Only what every delivery carries is required; the rest (`changeSource`, `sourceId`,
 * `propertyValue`...) may be missing on some event types and accounts, so the app never depends on them.
 */
export const webhookEventSchema = z.looseObject({
  eventId: id,
  subscriptionId: id.optional(),
  portalId: id,
  appId: id.optional(),
  occurredAt: z.number(),
  subscriptionType: z.string(),
  attemptNumber: z.number().optional(),
  objectId: id,
  objectTypeId: z.string().optional(),
  propertyName: z.string().optional(),
  propertyValue: z.string().optional(),
  changeSource: z.string().optional(),
  sourceId: z.string().optional(),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
export type WebhookEventInput = z.input<typeof webhookEventSchema>;

export const webhookDeliverySchema = z.array(webhookEventSchema).max(WEBHOOK_LIMITS.eventsPerDelivery);

/** The headers HubSpot sends with a delivery: v1 (documented for CRM object webhooks) and v3 (its newer scheme). */
export const webhookSignatureHeaders = (input: {
  clientSecret: string;
  targetUrl: string;
  body: string;
  timestamp: string;
}) => ({
  [SIGNATURE_VERSION_HEADER]: 'v1',
  [SIGNATURE_V1_HEADER]: hubspotSignatureV1(input.clientSecret, input.body),
  [SIGNATURE_V3_HEADER]: hubspotSignatureV3({
    clientSecret: input.clientSecret,
    method: 'POST',
    uri: input.targetUrl,
    body: input.body,
    timestamp: input.timestamp,
  }),
  [SIGNATURE_TIMESTAMP_HEADER]: input.timestamp,
});
