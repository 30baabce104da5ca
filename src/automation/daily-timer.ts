import { type Logger } from 'pino';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How soon a day's job is tried again when it could not run (under way elsewhere, Redis away). */
export const RETRY_SAME_DAY_MS = 5 * 60 * 1000;

/** `timeUtc` is HH:MM, as the config schema checks it. */
export const msUntil = (timeUtc: string, now: Date): number => {
  const hours = Number(timeUtc.slice(0, 2));
  const minutes = Number(timeUtc.slice(3, 5));
  const next = new Date(now);
  next.setUTCHours(hours, minutes, 0, 0);
  if (next.getTime() <= now.getTime()) next.setTime(next.getTime() + DAY_MS);
  return next.getTime() - now.getTime();
};

/** What a day's job says when it ends: done for the day, or to be tried again soon. */
export type DailyOutcome = 'done' | 'try_again';

/**
 * Runs the job every day at HH:MM UTC in this process, and again every `retryMs` that day while it answers
 * `try_again` (another instance ran it and may have died: the job itself knows whether the day is done).
 * A job that throws is logged and waits for the next day. Returns a function that stops it.
 */
export const scheduleDaily = (
  timeUtc: string,
  job: () => Promise<DailyOutcome>,
  logger: Logger,
  retryMs = RETRY_SAME_DAY_MS,
) => {
  let timer: NodeJS.Timeout;
  const arm = (inMs: number) => {
    timer = setTimeout(async () => {
      let outcome: DailyOutcome = 'done';
      try {
        outcome = await job();
      } catch (error) {
        logger.error({ err: error }, 'daily automation run failed');
      }
      const nextDay = msUntil(timeUtc, new Date());
      arm(outcome === 'try_again' ? Math.min(retryMs, nextDay) : nextDay);
    }, inMs);
    timer.unref();
  };
  arm(msUntil(timeUtc, new Date()));
  return () => clearTimeout(timer);
};
