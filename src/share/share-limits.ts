import { createHash } from 'node:crypto';

import { type Request, type RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

import { ShareError } from './share.errors';

/**
 * How often the public page may be asked, per minute: per client address (guessing tokens costs the
 * guesser), per link (a leaked link cannot be hammered from many addresses) and for writes per link.
 */
export type ShareLimits = { perIp: number; perLink: number; writesPerLink: number };

export const SHARE_LIMITS: ShareLimits = { perIp: 60, perLink: 30, writesPerLink: 10 };

const MINUTE_MS = 60_000;

/** Counted by a digest, so the limiter never holds a usable link. */
const linkKey = (req: Request) =>
  `link:${createHash('sha256')
    .update(String(req.params.token ?? ''))
    .digest('base64url')}`;

/**
 * The limiters, in memory: each backend instance counts its own requests, so N instances allow up to N
 * times the budget. A shared store (express-rate-limit's `store`, over Redis) would make it one budget.
 */
export const createShareLimits = (limits: ShareLimits = SHARE_LIMITS) => {
  const limiter = (limit: number, keyGenerator: (req: Request) => string): RequestHandler =>
    rateLimit({
      windowMs: MINUTE_MS,
      limit,
      keyGenerator,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res, next) => {
        res.set('Retry-After', '60');
        next(new ShareError('SHARE_RATE_LIMITED', 'Too many requests for this page'));
      },
    });
  return {
    perIp: limiter(limits.perIp, (req) => `ip:${ipKeyGenerator(req.ip ?? '')}`),
    perLink: limiter(limits.perLink, linkKey),
    writesPerLink: limiter(limits.writesPerLink, linkKey),
  };
};
