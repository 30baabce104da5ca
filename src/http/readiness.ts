import { type RequestHandler } from 'express';
import { type Logger } from 'pino';

import { type CoordinationHealth } from '../coordination/coordination';
import { HubSpotError, type HubSpotErrorCode } from '../hubspot/errors';

export type Readiness =
  { ready: true } | { ready: false; code: HubSpotErrorCode | 'REDIS_UNAVAILABLE' | 'READINESS_FAILED'; reason: string };

/** Answers cached this long: a load balancer probing every second costs one HubSpot call per instance per 10 s. */
export const READINESS_TTL_MS = 10_000;

const REASONS: Partial<Record<HubSpotErrorCode, string>> = {
  HUBSPOT_AUTH_FAILED: 'HubSpot refused the access token: check HUBSPOT_ACCESS_TOKEN (the app must be installed)',
  HUBSPOT_FORBIDDEN: 'The access token lacks the crm.schemas.companies.read scope: reinstall the app',
  HUBSPOT_NOT_FOUND: 'The app is not set up on this HubSpot account: run npm run setup',
  HUBSPOT_DAILY_LIMIT: 'The HubSpot account used up its API calls for today',
  HUBSPOT_UNAVAILABLE: 'HubSpot is unavailable',
  HUBSPOT_TIMEOUT: 'HubSpot does not answer in time (HUBSPOT_TIMEOUT_MS)',
};

const readinessAfter = (error: unknown): Readiness => {
  if (!(error instanceof HubSpotError)) return { ready: false, code: 'READINESS_FAILED', reason: 'The check failed' };
  // A ten-second burst limit means HubSpot took the token; taking every instance out of rotation would not help.
  if (error.code === 'HUBSPOT_RATE_LIMITED') return { ready: true };
  return {
    ready: false,
    code: error.code,
    reason: REASONS[error.code] ?? `HubSpot refused the check: ${error.message}`,
  };
};

/**
 * Whether HubSpot answers this backend with its token, from `probe` (one cheap HubSpot read), and, with
 * Redis, whether Redis answers (without it saves are refused). The answer, and a probe still running, are
 * shared by every caller for `ttlMs`, so probes never pile up on HubSpot. Each new "not ready" is logged
 * once (the probe requests themselves are not logged).
 */
export const createReadinessCheck = (input: {
  probe: () => Promise<unknown>;
  coordination?: () => Promise<CoordinationHealth>;
  logger: Logger;
  ttlMs?: number;
  now?: () => number;
}) => {
  const { probe, logger, ttlMs = READINESS_TTL_MS, now = Date.now } = input;
  let cached: { at: number; answer: Promise<Readiness> } | null = null;
  const check = async (): Promise<Readiness> => {
    const [hubspot, coordination] = await Promise.all([
      probe().then((): Readiness => ({ ready: true }), readinessAfter),
      input.coordination?.() ?? ({ ok: true } as const),
    ]);
    const readiness: Readiness = coordination.ok
      ? hubspot
      : { ready: false, code: 'REDIS_UNAVAILABLE', reason: `${coordination.reason}: saves are refused` };
    if (!readiness.ready) logger.warn({ code: readiness.code }, `not ready: ${readiness.reason}`);
    return readiness;
  };
  return (): Promise<Readiness> => {
    if (!cached || now() - cached.at >= ttlMs) cached = { at: now(), answer: check() };
    return cached.answer;
  };
};

export type ReadinessCheck = ReturnType<typeof createReadinessCheck>;

/** `/readyz`: 200 when HubSpot answers with this token, 503 with the reason otherwise. Unsigned, like /healthz. */
export const readinessRoute =
  (check: ReadinessCheck): RequestHandler =>
  async (_req, res) => {
    const readiness = await check();
    if (readiness.ready) {
      res.json({ status: 'ready' });
      return;
    }
    res.status(503).json({ status: 'not_ready', error: { code: readiness.code, message: readiness.reason } });
  };
