import { type Logger } from 'pino';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `timeUtc` is HH:MM, as the config schema checks it. */
export const msUntil = (timeUtc: string, now: Date): number => {
  const hours = Number(timeUtc.slice(0, 2));
  const minutes = Number(timeUtc.slice(3, 5));
  const next = new Date(now);
  next.setUTCHours(hours, minutes, 0, 0);
  if (next.getTime() <= now.getTime()) next.setTime(next.getTime() + DAY_MS);
  return next.getTime() - now.getTime();
};

/** Runs the job every day at HH:MM UTC in this process; returns a function that stops it. */
export const scheduleDaily = (timeUtc: string, job: () => Promise<void>, logger: Logger) => {
  let timer: NodeJS.Timeout;
  const arm = () => {
    timer = setTimeout(
      async () => {
        try {
          await job();
        } catch (error) {
          logger.error({ err: error }, 'daily automation run failed');
        }
        arm();
      },
      msUntil(timeUtc, new Date()),
    );
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
};
