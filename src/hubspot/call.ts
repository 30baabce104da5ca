import { failureOf, HubSpotError, isServerFailure, isTenSecondlyLimit, toHubSpotError } from './errors';
import { type Gate } from './gate';
import { createRollingWindow } from './rolling-window';

export type CallPolicy = {
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
  /** The app's budget per rolling 10 s (HubSpot: 100 Free/Starter, 190 Professional and up). */
  requestsPer10s: number;
  /** CRM searches a second, under HubSpot's five per account (default SEARCHES_PER_SECOND). */
  searchesPerSecond?: number;
};

export type CallOptions = {
  /** Creating a record is not idempotent: it is retried only when HubSpot refused it before doing it (429). */
  idempotent: boolean;
  /** CRM search has its own, smaller per-second limit on top of the ten-second budget. */
  search?: boolean;
};

export type CallObserver = (event: { operation: string; attempt: number; status: number | undefined }) => void;

/** The two limits every request passes: the app's ten-second budget, and CRM search's per-second limit. */
export type CallGates = { budget: Gate; search: Gate };

/** HubSpot's CRM search allows about 4-5 requests per second per account; stay under it. */
export const SEARCHES_PER_SECOND = 4;
/**
 * Kept free on top of each window, so the window never overflows: for clocks that differ a little between
 * instances (with Redis, each counts on its own clock) and HubSpot's rounding. 100 ms costs 1% of the budget.
 */
export const WINDOW_MARGIN_MS = 100;

/** This process alone talks to HubSpot: both limits kept in memory, exactly as HubSpot counts them. */
export const createLocalGates = (requestsPer10s: number, searchesPerSecond = SEARCHES_PER_SECOND): CallGates => ({
  budget: createRollingWindow(requestsPer10s, 10_000, WINDOW_MARGIN_MS),
  search: createRollingWindow(searchesPerSecond, 1_000, WINDOW_MARGIN_MS),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class CallTimeout extends Error {}

const withTimeout = async <T>(work: Promise<T>, timeoutMs: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CallTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Runs HubSpot requests with the app's rules. The gates keep them inside the ten-second budget, shared by
 * every instance when they coordinate through Redis (the timeout starts when a request leaves the queue,
 * not while it waits); ten-secondly 429s and 5xx are
 * retried with backoff, a daily 429 and other 4xx are not (waiting would not help). Every failure
 * becomes a HubSpotError.
 */
export const makeCaller = (
  policy: CallPolicy,
  observe: CallObserver = () => undefined,
  gates: CallGates = createLocalGates(policy.requestsPer10s, policy.searchesPerSecond),
) => {
  const attempt = <T>(send: () => Promise<T>, options: CallOptions) => {
    const sent = () => gates.budget(() => withTimeout(send(), policy.timeoutMs));
    return options.search ? gates.search(sent) : sent();
  };

  return async <T>(
    operation: string,
    send: () => Promise<T>,
    options: CallOptions = { idempotent: true },
  ): Promise<T> => {
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      try {
        const result = await attempt(send, options);
        observe({ operation, attempt: attemptNumber, status: 200 });
        return result;
      } catch (thrown) {
        if (thrown instanceof HubSpotError) throw thrown;
        if (thrown instanceof CallTimeout) {
          observe({ operation, attempt: attemptNumber, status: undefined });
          throw new HubSpotError('HUBSPOT_TIMEOUT', `HubSpot did not answer within ${policy.timeoutMs} ms`, {
            operation,
          });
        }
        const failure = failureOf(thrown);
        observe({ operation, attempt: attemptNumber, status: failure.status });
        const retryable = isTenSecondlyLimit(failure) || (options.idempotent && isServerFailure(failure));
        if (!retryable || attemptNumber >= policy.maxAttempts) throw toHubSpotError(operation, failure);
        const jitter = Math.random() * policy.retryBaseMs;
        await sleep(policy.retryBaseMs * 2 ** (attemptNumber - 1) + jitter);
      }
    }
  };
};

export type HubSpotCaller = ReturnType<typeof makeCaller>;
