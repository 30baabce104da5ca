import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { companyIdSchema } from '@why-they-care/domain';
import { z } from 'zod';

/**
 * The token in a shared plan's link: which company, which share (the id stored on the company, so
 * revoking or replacing the link kills it on every instance with no state of the backend's own) and
 * until when, signed with SHARE_LINK_SECRET (HMAC-SHA256). Nothing in it is secret but the signature;
 * without the secret a token can be neither forged nor moved to another company, share or date.
 */
export type ShareClaims = { companyId: string; shareId: string; expiresAt: Date };

/** 128 random bits: a share id cannot be guessed, and the signature needs the secret anyway. */
export const newShareId = (): string => randomBytes(16).toString('base64url');

/** Kept apart from any other use of the secret, and versioned so the format can change. */
const CONTEXT = 'why-they-care/shared-plan/v1';

const claimsSchema = z.tuple([
  companyIdSchema,
  z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  z.number().int().positive(),
]);

const TOKEN_FORM = /^([A-Za-z0-9_-]{20,200})\.([A-Za-z0-9_-]{43})$/;

const macOf = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`${CONTEXT}.${payload}`).digest();

export const signShareToken = (secret: string, claims: ShareClaims): string => {
  const payload = Buffer.from(
    JSON.stringify([claims.companyId, claims.shareId, Math.floor(claims.expiresAt.getTime() / 1000)]),
  ).toString('base64url');
  return `${payload}.${macOf(secret, payload).toString('base64url')}`;
};

export type TokenReading =
  | { ok: true; claims: ShareClaims }
  /** Not a token this backend signed: guessed, forged, cut short, or for another secret. */
  | { ok: false; reason: 'invalid' }
  /** Signed here, but past its date. */
  | { ok: false; reason: 'expired'; claims: ShareClaims };

/** Checks the signature (in constant time) before reading anything in the token, then its date. */
export const readShareToken = (secret: string, token: string, now: Date): TokenReading => {
  const match = TOKEN_FORM.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const [, payload = '', signature = ''] = match;
  const given = Buffer.from(signature, 'base64url');
  const expected = macOf(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const parsed = claimsSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const [companyId, shareId, expiresAtSeconds] = parsed.data;
  const claims = { companyId, shareId, expiresAt: new Date(expiresAtSeconds * 1000) };
  return claims.expiresAt.getTime() <= now.getTime() ? { ok: false, reason: 'expired', claims } : { ok: true, claims };
};
