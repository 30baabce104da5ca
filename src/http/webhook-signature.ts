import { timingSafeEqual } from 'node:crypto';

import {
  hubspotSignatureV1,
  SIGNATURE_TIMESTAMP_HEADER,
  SIGNATURE_V1_HEADER,
  SIGNATURE_V3_HEADER,
  SIGNATURE_VERSION_HEADER,
} from '@why-they-care/hubspot-contract';
import { type NextFunction, type Response } from 'express';

import { type RawBodyRequest, SignatureError, type SignatureOptions, v3SignatureError } from './signature';

/** Which signature a webhook delivery was accepted with: v1 carries no timestamp, so only dedupe stops its replay. */
export type WebhookSignatureVersion = 'v1' | 'v3';

const v1SignatureError = (req: RawBodyRequest, clientSecret: string): SignatureError | null => {
  const given = req.get(SIGNATURE_V1_HEADER);
  if (!given) return new SignatureError('SIGNATURE_MISSING', 'This endpoint only answers requests signed by HubSpot');
  const version = req.get(SIGNATURE_VERSION_HEADER);
  if (version !== undefined && version.toLowerCase() !== 'v1') {
    return new SignatureError('SIGNATURE_INVALID', `Signature version ${version} is not accepted here`);
  }
  const expected = Buffer.from(hubspotSignatureV1(clientSecret, req.rawBody ?? ''), 'hex');
  const givenBytes = /^[0-9a-fA-F]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(0);
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) {
    return new SignatureError('SIGNATURE_INVALID', 'The request signature does not match');
  }
  return null;
};

/**
 * HubSpot's webhook deliveries: v3 when the delivery carries it (the URL, body and a timestamp of the last
 * five minutes, exactly as for /api), else the documented v1 (secret and body only). HubSpot's docs and
 * code differ on which a static app's deliveries carry (unverified-formats.ts), so both are accepted; a
 * delivery with v3 headers is judged by them alone, so a stale v3 delivery cannot pass on its v1 header.
 * The version accepted is left in `res.locals.signatureVersion`.
 */
export const verifyWebhookSignature =
  (options: SignatureOptions) => (req: RawBodyRequest, res: Response, next: NextFunction) => {
    const hasV3 = req.get(SIGNATURE_V3_HEADER) !== undefined || req.get(SIGNATURE_TIMESTAMP_HEADER) !== undefined;
    const version: WebhookSignatureVersion = hasV3 ? 'v3' : 'v1';
    const error = hasV3 ? v3SignatureError(req, options) : v1SignatureError(req, options.clientSecret);
    if (error) return next(error);
    res.locals.signatureVersion = version;
    return next();
  };
