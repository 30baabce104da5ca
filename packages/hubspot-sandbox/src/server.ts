import { randomUUID } from 'node:crypto';
import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { RATE_LIMIT_POLICY, rateLimitBody, SEARCH_LIMITS, searchRateLimitBody } from '@why-they-care/hubspot-contract';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';

import { sendHubSpotError } from './hubspot-errors';
import { companyRoutes } from './routes/companies';
import { fileRoutes, signedDownloads } from './routes/files';
import { contactRoutes } from './routes/contacts';
import { flowRoutes } from './routes/flows';
import { listRoutes } from './routes/lists';
import { ownerRoutes } from './routes/owners';
import { schemaRoutes } from './routes/schema';
import { taskRoutes } from './routes/tasks';
import { createSearchIndex } from './search-index';
import { createStore, type SandboxState } from './store';
import { SANDBOX_APP_ID } from './records';
import { createWebhookSender, SANDBOX_WEBHOOK_TIMINGS, type WebhookTimings } from './webhooks';
import { runWorkflows } from './workflow-runner';

export type SandboxOptions = {
  /** The one access token the sandbox accepts, as a private app's. */
  accessToken: string;
  /** The account as it starts when `file` holds none yet (see `emptyAccount`). */
  initialState: SandboxState;
  /** JSON file the state lives in; null keeps it in memory (tests). */
  file: string | null;
  /** HubSpot's per-app budget per 10 s; past it the sandbox answers 429 TEN_SECONDLY_ROLLING. */
  requestsPer10s?: number;
  /** CRM search's own limit per second (HubSpot's, 5, unless told otherwise); past it, search's 429. */
  searchesPerSecond?: number;
  /** Answer every request after this many milliseconds (benchmarks). */
  delayMs?: number;
  /** How long CRM search takes to show a write (HubSpot: seconds); 0, the default, shows it at once. */
  searchLagMs?: number;
  now?: () => Date;
  /**
   * Record a history entry when a write repeats a property's stored value. Whether HubSpot does is not
   * confirmed for a live account; off by default, on in the tests that check the app is right either way.
   */
  historyOfUnchangedValues?: boolean;
  /** How webhooks are batched, timed out and retried (tests and the benchmark shorten the waits). */
  webhookTimings?: Partial<WebhookTimings>;
  /** Keep a journal of every request (tests and benchmarks: it grows without bound). */
  journal?: boolean;
};

/** One request as the sandbox received it: when it arrived (epoch ms, as HubSpot counts it) and its answer. */
export type JournalEntry = { at: number; method: string; path: string; status: number };

const journalOf =
  (entries: JournalEntry[]): RequestHandler =>
  (req, res, next) => {
    const at = Date.now();
    res.on('finish', () => entries.push({ at, method: req.method, path: req.path, status: res.statusCode }));
    next();
  };

const bearerOnly =
  (accessToken: string): RequestHandler =>
  (req, res, next) => {
    if (req.get('authorization') !== `Bearer ${accessToken}`) {
      return sendHubSpotError(res, 401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
    }
    return next();
  };

/** At most `limit` requests in any rolling `windowMs`; past it, `refuse` answers. */
const rollingLimit = (limit: number, windowMs: number, refuse: RequestHandler): RequestHandler => {
  const recent: number[] = [];
  return (req, res, next) => {
    const now = Date.now();
    while (recent.length && now - (recent[0] ?? now) >= windowMs) recent.shift();
    if (recent.length >= limit) return refuse(req, res, next);
    recent.push(now);
    return next();
  };
};

const tenSecondlyLimitReached: RequestHandler = (_req, res) => {
  res.status(429).json({
    ...rateLimitBody(RATE_LIMIT_POLICY.tenSecondly),
    correlationId: randomUUID(),
    groupName: 'why-they-care-sandbox',
  });
};

const searchLimitReached: RequestHandler = (_req, res) => {
  res.status(429).json({ ...searchRateLimitBody(), correlationId: randomUUID() });
};

const SEARCH_PATH = /^\/crm\/v3\/objects\/[^/]+\/search$/;

const jsonErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  const type = typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined;
  if (type === 'entity.parse.failed') return sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'Invalid input JSON');
  return sendHubSpotError(res, 500, 'INTERNAL_ERROR', 'Internal error');
};

/** A stateful stand-in for the part of HubSpot's REST API the backend uses: same paths, bodies and errors. */
export const createSandbox = (options: SandboxOptions) => {
  const store = createStore(options.initialState, options.file);
  const clock = () => options.now?.() ?? new Date();
  const now = () => clock().toISOString();
  const app = express();
  app.disable('x-powered-by');
  if (options.delayMs) {
    const delay = options.delayMs;
    app.use((_req, _res, next) => setTimeout(next, delay));
  }
  const signedUrls = new Map<string, { fileId: string; until: number }>();
  app.use(signedDownloads(store, now, signedUrls));
  const journal: JournalEntry[] = [];
  if (options.journal) app.use(journalOf(journal));
  app.use(bearerOnly(options.accessToken));
  app.use(rollingLimit(options.requestsPer10s ?? 1_000_000, 10_000, tenSecondlyLimitReached));
  const searchLimit = rollingLimit(
    options.searchesPerSecond ?? SEARCH_LIMITS.requestsPerSecond,
    1_000,
    searchLimitReached,
  );
  app.use((req, res, next) =>
    req.method === 'POST' && SEARCH_PATH.test(req.path) ? searchLimit(req, res, next) : next(),
  );
  app.use(express.json({ limit: '10mb' }));
  app.use(schemaRoutes(store, now));
  const searchIndex = createSearchIndex(options.searchLagMs ?? 0);
  const webhooks = createWebhookSender(
    { portalId: store.state.portalId, appId: SANDBOX_APP_ID },
    { ...SANDBOX_WEBHOOK_TIMINGS, ...options.webhookTimings },
  );
  app.use(
    companyRoutes(store, now, (companyIds) => runWorkflows(store, clock(), companyIds), searchIndex, webhooks.changed, {
      recordUnchangedValues: options.historyOfUnchangedValues ?? false,
    }),
  );
  app.use(taskRoutes(store, now));
  app.use(listRoutes(store, now));
  app.use(flowRoutes(store, now));
  app.use(ownerRoutes(store));
  app.use(fileRoutes(store, now, signedUrls));
  app.use(contactRoutes(store));
  app.use((req, res) =>
    sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `No route ${req.method} ${req.path} in the sandbox`),
  );
  app.use(jsonErrors);

  /**
   * Listens on loopback only; resolves with the base URL to give the backend as HUBSPOT_API_BASE_URL, or
   * rejects with the bind failure (EADDRINUSE...), which Express hands to the callback.
   */
  const listen = async (port = 0) => {
    const server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(port, '127.0.0.1', (error) => (error ? reject(error) : resolve(listening)));
    });
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () =>
        new Promise<void>((done) => {
          webhooks.close();
          store.flush();
          server.closeAllConnections();
          server.close(() => done());
        }),
    };
  };

  return {
    app,
    store,
    listen,
    /** Every request received so far, oldest first (with `journal: true`). */
    journal: (): readonly JournalEntry[] => journal,
    /** Runs the enabled workflows over every company as of now, as HubSpot's engine does over time. */
    runWorkflows: () => runWorkflows(store, clock()),
    /** The app's webhooks: `configure` where they go (none until told), as deploying the app's component does. */
    webhooks: { configure: webhooks.configure, attempts: webhooks.attempts, idle: webhooks.idle },
  };
};

export type Sandbox = ReturnType<typeof createSandbox>;
