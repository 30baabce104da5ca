import { webhookDeliverySchema } from '@why-they-care/hubspot-contract';
import { Router } from 'express';

import { type SignatureOptions } from '../http/signature';
import { parseOrReject } from '../http/validate';
import { verifyWebhookSignature } from '../http/webhook-signature';
import { type WebhookReceiver } from './webhook-receiver';
import { WEBHOOK_PATH } from './webhook-subscriptions';

/**
 * HubSpot's deliveries: verified (v3 or v1), read, answered 200 at once with what was made of them; the
 * companies are handled in the background. Every verified delivery gets a 2xx, even one the app ignores,
 * since HubSpot may retry a 4xx; only a bad signature (401) or a body that is not a delivery (400) does not.
 */
export const webhookRouter = (receiver: WebhookReceiver, signature: SignatureOptions) => {
  const router = Router();
  router.post(WEBHOOK_PATH, verifyWebhookSignature(signature), async (req, res) => {
    const events = parseOrReject(webhookDeliverySchema, req.body, 'events');
    res.json(await receiver.receive(events));
  });
  return router;
};
