import { createHmac, timingSafeEqual } from 'node:crypto';

import { SIGNATURE_TIMESTAMP_HEADER, SIGNATURE_V3_HEADER } from '@why-they-care/hubspot-contract';
import { type NextFunction, type Request, type Response } from 'express';

import { AppError } from '../lib/app-error';

export type SignatureErrorCode = 'SIGNATURE_MISSING' | 'SIGNATURE_EXPIRED' | 'SIGNATURE_INVALID';

export class SignatureError extends AppError<SignatureErrorCode> {}

export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

/** The escapes HubSpot's request-validation docs say are decoded in the URI before signing. */
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

const decodeSignedUri = (uri: string): string =>
  uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => DECODED_ESCAPES[escape.toUpperCase()] ?? escape);

/**
 * The URI forms a genuine signature may cover. HubSpot's docs describe the decoded form; HubSpot's own
 * signers (api-client's `Signature`, the CLI's dev proxy) hash the URL exactly as sent. Which one a live
 * account uses is unconfirmed, so both are accepted: each still needs the client secret.
 */
const signedUriForms = (uri: string): string[] => [...new Set([uri, decodeSignedUri(uri)])];

const hmacV3 = (clientSecret: string, source: string): Buffer =>
  createHmac('sha256', clientSecret).update(source, 'utf8').digest();

/** Constant-time over every form (no early exit), so timing tells nothing about which form came close. */
const matchesAnyForm = (given: string, expected: Buffer[]): boolean => {
  const givenBytes = Buffer.from(given, 'base64');
  // Re-encoding rejects a header that is not canonical base64 (trailing junk, other padding).
  if (givenBytes.toString('base64') !== given) return false;
  return expected
    .map((bytes) => bytes.length === givenBytes.length && timingSafeEqual(bytes, givenBytes))
    .reduce((any, match) => any || match, false);
};

export type RawBodyRequest = Request & { rawBody?: string };

export type SignatureOptions = { clientSecret: string; publicBaseUrl?: string; now?: () => number };

/**
 * Why a request's v3 signature is refused, or null when HubSpot signed it with the app's client secret in
 * the last five minutes (either way: a clock ahead of ours is as suspect as one behind). The URI is the
 * public one HubSpot called: PUBLIC_BASE_URL when set, else the scheme and host this request arrived with,
 * as forwarded by the proxy in front when TRUST_PROXY trusts it (`req.protocol`, `req.host`).
 */
export const v3SignatureError = (req: RawBodyRequest, options: SignatureOptions): SignatureError | null => {
  const signature = req.get(SIGNATURE_V3_HEADER);
  const timestamp = req.get(SIGNATURE_TIMESTAMP_HEADER);
  if (!signature || !timestamp) {
    return new SignatureError('SIGNATURE_MISSING', 'This endpoint only answers requests signed by HubSpot');
  }
  const now = options.now?.() ?? Date.now();
  if (!/^\d{1,16}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > MAX_SIGNATURE_AGE_MS) {
    return new SignatureError('SIGNATURE_EXPIRED', 'The request timestamp is missing, stale or in the future');
  }
  const origin = options.publicBaseUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.host}`;
  const expected = signedUriForms(`${origin}${req.originalUrl}`).map((uri) =>
    hmacV3(options.clientSecret, `${req.method}${uri}${req.rawBody ?? ''}${timestamp}`),
  );
  if (!matchesAnyForm(signature, expected)) {
    return new SignatureError('SIGNATURE_INVALID', 'The request signature does not match');
  }
  return null;
};

/** Accepts only requests with a valid v3 signature (see `v3SignatureError`): every /api request. */
export const verifyHubSpotSignature =
  (options: SignatureOptions) => (req: RawBodyRequest, _res: Response, next: NextFunction) =>
    next(v3SignatureError(req, options) ?? undefined);
