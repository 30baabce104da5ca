import { companyIdSchema, itemId } from '@why-they-care/domain';
import express, { type ErrorRequestHandler, type Request, Router } from 'express';
import { z } from 'zod';

import { HubSpotError } from '../hubspot/errors';
import { parseOrReject } from '../http/validate';
import { AppError } from '../lib/app-error';
import { ShareError, type ShareErrorCode } from './share.errors';
import { createShareLimits, type ShareLimits } from './share-limits';
import { renderSharedPlan, renderShareProblem, SHARE_PAGE_CSP, type SharePageMessage } from './share-page';
import { type ShareService } from './share.service';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

/**
 * Where the customer's link points: PUBLIC_BASE_URL, else the origin HubSpot called (the card's own
 * backend origin). Over HTTPS only, but for a backend on this machine (sandbox mode, development).
 */
export const publicOrigin = (req: Pick<Request, 'protocol' | 'host'>, publicBaseUrl: string | undefined) => {
  const origin = publicBaseUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.host}`;
  const url = new URL(origin);
  if (url.protocol !== 'https:' && !LOOPBACK.test(url.host)) {
    throw new ShareError(
      'SHARE_NEEDS_HTTPS',
      'Customer links need the backend on HTTPS: set PUBLIC_BASE_URL to its public https:// origin',
    );
  }
  return origin;
};

/** The card's side: see, make (or replace) and turn off the company's link. Mounted under the signed /api. */
export const shareApiRouter = (shares: ShareService, publicBaseUrl: string | undefined) => {
  const router = Router();
  const path = '/companies/:companyId/share';
  const companyOf = (req: Request) => parseOrReject(companyIdSchema, req.params.companyId, 'companyId');

  router.get(path, async (req, res) => {
    res.json({ link: await shares.current(companyOf(req), publicOrigin(req, publicBaseUrl)) });
  });
  router.post(path, async (req, res) => {
    const companyId = companyOf(req);
    res.json({ link: await shares.create(companyId, publicOrigin(req, publicBaseUrl), res.locals.actor) });
  });
  router.delete(path, async (req, res) => {
    await shares.revoke(companyOf(req));
    res.json({ link: null });
  });
  return router;
};

const nameSchema = z.string().trim().min(1, 'Type your name, so the team knows who did it').max(100);

/** What the page says after a redirect: fixed sentences only, nothing taken from the request. */
const MESSAGES: Record<string, SharePageMessage> = {
  done: { kind: 'notice', text: 'Thank you: the step is marked done, and the team can see it.' },
  already: { kind: 'notice', text: 'That step was already marked done.' },
};

const PROBLEMS: Record<ShareErrorCode, { status: number; title: string; explanation: string }> = {
  SHARE_LINK_INVALID: {
    status: 404,
    title: 'This link does not work',
    explanation: 'Check that you copied the whole link, or ask your contact for a new one.',
  },
  SHARE_LINK_EXPIRED: {
    status: 410,
    title: 'This link has expired',
    explanation: 'Links to a shared plan work for a limited time. Ask your contact for a new one.',
  },
  SHARE_LINK_REVOKED: {
    status: 410,
    title: 'This link was turned off',
    explanation:
      'The team that shared this plan turned the link off or replaced it with a new one. Ask your contact for the current link.',
  },
  SHARE_NOT_CONFIGURED: {
    status: 503,
    title: 'Shared plans are not available',
    explanation: 'This service is not set up to share plans yet. Please let your contact know.',
  },
  SHARE_NEEDS_HTTPS: {
    status: 503,
    title: 'Shared plans are not available',
    explanation: 'This service is not set up to share plans yet. Please let your contact know.',
  },
  STEP_NOT_FOUND: {
    status: 404,
    title: 'This step is no longer in the plan',
    explanation: 'The plan changed since you opened it. Go back and reload the page.',
  },
  STEP_NOT_THEIRS: {
    status: 403,
    title: 'Only your own steps can be marked done',
    explanation: 'Steps on our side are marked done by our team.',
  },
  SHARE_RATE_LIMITED: {
    status: 429,
    title: 'Too many requests',
    explanation: 'Please wait a minute, then reload the page.',
  },
};

const UNAVAILABLE = {
  status: 503,
  title: 'The plan cannot be shown right now',
  explanation: 'Please try again in a few minutes.',
};

/** Every failure of the page as a plain page saying what happened and what to do; no detail of ours. */
const problemPage: ErrorRequestHandler = (error, req, res, _next) => {
  const problem =
    error instanceof ShareError
      ? PROBLEMS[error.code]
      : error instanceof HubSpotError || (error instanceof AppError && error.code === 'PROFILE_UNREADABLE')
        ? UNAVAILABLE
        : { status: 500, title: 'Something went wrong', explanation: 'Please try again later.' };
  if (problem.status >= 500) req.log?.error({ err: error }, 'shared plan failed');
  else req.log?.info({ code: error instanceof AppError ? error.code : undefined }, problem.title);
  res.status(problem.status).type('html').send(renderShareProblem(problem.title, problem.explanation));
};

/**
 * The customer's page, public (no HubSpot login): the plan behind a signed link, and "Mark done" on their
 * own steps. Its own headers: a CSP that allows this page's stylesheet and nothing else, no caching, no
 * indexing, no referrer (the link is the credential).
 */
export const sharedPlanRouter = (shares: ShareService, shareLimits?: ShareLimits) => {
  const router = Router();
  const limits = createShareLimits(shareLimits);
  const doneAction = (token: string) => (stepId: string) =>
    `/share/${encodeURIComponent(token)}/steps/${encodeURIComponent(stepId)}/done`;
  const token = (req: Request) => String(req.params.token);

  router.use((_req, res, next) => {
    res.set({
      'Content-Security-Policy': SHARE_PAGE_CSP,
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex, nofollow',
      'Referrer-Policy': 'no-referrer',
    });
    next();
  });
  router.use(limits.perIp);

  const page = async (req: Request, message: SharePageMessage) =>
    renderSharedPlan({ ...(await shares.open(token(req))), doneAction: doneAction(token(req)), message });

  router.get('/:token', limits.perLink, async (req, res) => {
    const shown = typeof req.query.marked === 'string' ? (MESSAGES[req.query.marked] ?? null) : null;
    res.type('html').send(await page(req, shown));
  });

  router.post(
    '/:token/steps/:stepId/done',
    limits.perLink,
    limits.writesPerLink,
    express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 5 }),
    async (req, res) => {
      const stepId = itemId.safeParse(req.params.stepId);
      if (!stepId.success) throw new ShareError('STEP_NOT_FOUND', 'No such step');
      const name = nameSchema.safeParse((req.body as Record<string, unknown> | undefined)?.name);
      if (!name.success) {
        const message = { kind: 'problem' as const, text: name.error.issues[0]?.message ?? 'Type your name' };
        res
          .status(400)
          .type('html')
          .send(await page(req, message));
        return;
      }
      const result = await shares.markStepDone(token(req), stepId.data, name.data);
      res.redirect(303, `/share/${encodeURIComponent(token(req))}?marked=${result === 'saved' ? 'done' : 'already'}`);
    },
  );

  router.use(problemPage);
  return router;
};
