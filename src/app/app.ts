import { randomUUID } from 'node:crypto';

import express from 'express';
import helmet from 'helmet';
import { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

import { errorHandler, notFoundHandler } from '../http/error-handler';
import { type ReadinessCheck, readinessRoute } from '../http/readiness';
import { requireAccount } from '../http/require-account';
import { type RawBodyRequest, verifyHubSpotSignature } from '../http/signature';
import { type PlaysOverviewSource } from '../plays/plays-overview';
import { playsRouter } from '../plays/plays.routes';
import { type ProfileService } from '../profile/profile.service';
import { profileRouter } from '../profile/profile.routes';
import { portfolioRouter } from '../portfolio/portfolio.routes';
import { type PortfolioService } from '../portfolio/portfolio.service';
import { type ShareLimits } from '../share/share-limits';
import { shareApiRouter, sharedPlanRouter } from '../share/share.routes';
import { type ShareService } from '../share/share.service';
import { planTemplatesRouter } from '../templates/plan-templates.routes';
import { type PlanTemplatesStore } from '../templates/plan-templates.store';
import { type WebhookReceiver } from '../webhooks/webhook-receiver';
import { webhookRouter } from '../webhooks/webhook.routes';
import { answerFor } from './error-answers';

export type AppOptions = {
  clientSecret: string;
  portalId: string;
  publicBaseUrl?: string;
  trustProxy: boolean;
  logger: Logger;
  profiles: ProfileService;
  shares: ShareService;
  templates: PlanTemplatesStore;
  /** The home page's figures (cached per account). */
  portfolio: PortfolioService;
  /** HubSpot's webhook deliveries (POST /webhooks/hubspot). */
  webhooks: WebhookReceiver;
  /** What the home page shows of the bucket plays. */
  plays: PlaysOverviewSource;
  /** The shared page's rate limits (tests lower them). */
  shareLimits?: ShareLimits;
  /** Whether HubSpot answers with this token; without it /readyz is not served. */
  readiness?: ReadinessCheck;
  now?: () => number;
};

export const BODY_LIMIT = '1mb';
const PROBE_PATHS = new Set(['/healthz', '/readyz']);

/** A shared plan's link is its credential: logs name the route, never the token. */
const loggedPath = (url: string) => (url.split('?')[0] ?? '').replace(/^\/share\/[^/]+/, '/share/:token');

/**
 * The backend's HTTP API: the generic middleware of src/http around the feature routers, and every error
 * answered as src/app/error-answers.ts says. Built without listening, so tests and benchmarks drive it directly.
 */
export const buildApp = (options: AppOptions) => {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  // HubSpot's proxy does not follow redirects: never answer /api/x/ with a 301 to /api/x.
  app.set('strict routing', false);

  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: () => randomUUID(),
      // Load balancers probe every few seconds: those requests would drown the log.
      autoLogging: { ignore: (req) => PROBE_PATHS.has(req.url?.split('?')[0] ?? '') },
      quietReqLogger: true,
      // Only what identifies the request: no query (it carries the user's email), no headers.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: loggedPath(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(helmet());
  // The customer's page takes HTML form posts, not JSON: mounted before the API's body parser.
  app.use('/share', sharedPlanRouter(options.shares, options.shareLimits));
  app.use(
    express.json({
      limit: BODY_LIMIT,
      type: () => true,
      verify: (req, _res, buffer) => {
        (req as RawBodyRequest).rawBody = buffer.toString('utf8');
      },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (options.readiness) app.get('/readyz', readinessRoute(options.readiness));

  const signature = { clientSecret: options.clientSecret, publicBaseUrl: options.publicBaseUrl, now: options.now };
  app.use(webhookRouter(options.webhooks, signature));
  app.use(
    '/api',
    verifyHubSpotSignature(signature),
    requireAccount(options.portalId),
    profileRouter(options.profiles),
    portfolioRouter(options.portfolio, options.portalId),
    shareApiRouter(options.shares, options.publicBaseUrl),
    planTemplatesRouter(options.templates),
    playsRouter(options.plays),
  );

  app.use(notFoundHandler);
  app.use(errorHandler(answerFor));
  return app;
};
