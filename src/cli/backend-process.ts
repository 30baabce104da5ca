import { type RequestListener } from 'node:http';

import { type Logger } from 'pino';

import { type Backend } from '../backend';
import { type Env } from '../config/env';
import { type DailyOutcome, scheduleDaily } from '../automation/daily-timer';
import { todayUtc } from '../automation/direct-tasks';
import { CoordinationError } from '../coordination/coordination.errors';
import { listen } from '../lib/listen';
import { portSetting, stopOnSignals } from './run-command';

const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Serves the backend until SIGINT or SIGTERM: the HTTP server on PORT, in direct mode the watch on the app's
 * workflows and the daily pass when AUTOMATION_DAILY_AT_UTC asks for it (once a day across instances sharing
 * a Redis), and a graceful stop (`onStop` closes what the caller started).
 * Resolves with the port once listening.
 */
export const serveBackend = async (input: {
  env: Env;
  logger: Logger;
  backend: Backend;
  /** What answers on PORT when it is more than the backend's own app (the sandbox's preview around it). */
  app?: RequestListener;
  onStop?: () => Promise<void>;
}) => {
  const { env, logger, backend } = input;
  // Serve once Redis answers (or after a few seconds without it: reads work, saves answer 503 meanwhile).
  await backend.coordination.ready();
  const { server, port } = await listen(input.app ?? backend.app, env.PORT).catch(portSetting('PORT'));
  void backend.start();

  // Direct mode: know whether the app's workflows are on before saves need it, without asking per save.
  const stopWatching = env.AUTOMATION_MODE === 'direct' ? backend.workflowGuard.watch() : () => undefined;
  /** Today's pass, once across instances: another instance may be running it (or have died doing so). */
  const dailyPass = async (): Promise<DailyOutcome> => {
    const today = todayUtc();
    const outcome = await backend.runDailyPassExclusive(today, today).catch((error: unknown) => {
      if (!(error instanceof CoordinationError)) throw error;
      logger.warn({ err: error }, 'daily automation waits for Redis');
      return { ran: false, reason: 'unavailable' } as const;
    });
    if (outcome.ran || outcome.reason === 'done') return 'done';
    logger.info({ reason: outcome.reason }, 'daily automation not run here now; checking again later today');
    return 'try_again';
  };
  // Direct mode's tasks and, in both modes, the bucket plays (workflows cannot pick one company a day).
  const stopDaily = env.AUTOMATION_DAILY_AT_UTC
    ? scheduleDaily(env.AUTOMATION_DAILY_AT_UTC, dailyPass, logger)
    : () => undefined;

  stopOnSignals(async (signal) => {
    logger.info({ signal }, 'shutting down');
    stopDaily();
    stopWatching();
    backend.stop();
    // Connections still open after the grace period are cut: a stop must not hang.
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    await new Promise((closed) => server.close(closed));
    await input.onStop?.();
    await backend.coordination.close();
  });
  return { port };
};

export const listeningLine = (port: number, env: Env) =>
  `Why They Care backend listening on port ${port} for HubSpot account ${env.HUBSPOT_PORTAL_ID}`;
