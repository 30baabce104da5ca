import { createHmac, timingSafeEqual } from 'node:crypto';

import { type NextFunction, type Request, type Response } from 'express';

import { ApiError } from './api-error';

export const SIGNATURE_HEADER = 'x-hubspot-signature-v3';
export const TIMESTAMP_HEADER = 'x-hubspot-request-timestamp';
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

/** HubSpot decodes exactly these escapes in the URI before signing (request-validation docs). */
const DECODED_ESCAPES: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export const decodeSignedUri = (uri: string): string =>
  uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => DECODED_ESCAPES[escape.toUpperCase()]);

export const signV3 = (input: {
  clientSecret: string;
  method: string;
  uri: string;
  body: string;
  timestamp: string;
}): string =>
  createHmac('sha256', input.clientSecret)
    .update(`${input.method}${decodeSignedUri(input.uri)}${input.body}${input.timestamp}`, 'utf8')
    .digest('base64');

const sameSignature = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export type RawBodyRequest = Request & { rawBody?: string };

/**
 * Accepts only requests HubSpot signed with the app's client secret in the last five minutes (either
 * way: a clock ahead of ours is as suspect as one behind). The URI is the public one HubSpot called:
 * PUBLIC_BASE_URL when set, else the scheme and host this request arrived with (trust proxy decides).
 */
export const verifyHubSpotSignature =
  (options: { clientSecret: string; publicBaseUrl?: string; now?: () => number }) =>
  (req: RawBodyRequest, _res: Response, next: NextFunction) => {
    const signature = req.get(SIGNATURE_HEADER);
    const timestamp = req.get(TIMESTAMP_HEADER);
    if (!signature || !timestamp) {
      return next(new ApiError('SIGNATURE_MISSING', 'This endpoint only answers requests signed by HubSpot'));
    }
    const now = options.now?.() ?? Date.now();
    if (!/^\d{1,16}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > MAX_SIGNATURE_AGE_MS) {
      return next(new ApiError('SIGNATURE_EXPIRED', 'The request timestamp is missing, stale or in the future'));
    }
    const origin = options.publicBaseUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host')}`;
    const expected = signV3({
      clientSecret: options.clientSecret,
      method: req.method,
      uri: `${origin}${req.originalUrl}`,
      body: req.rawBody ?? '',
      timestamp,
    });
    if (!sameSignature(signature, expected)) {
      return next(new ApiError('SIGNATURE_INVALID', 'The request signature does not match'));
    }
    return next();
  };
