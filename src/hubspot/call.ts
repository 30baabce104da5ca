import { failureOf, HubSpotError, isServerFailure, isTenSecondlyLimit, toHubSpotError } from './errors';

export type CallPolicy = {
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
};

export type CallOptions = {
  /** Creating a record is not idempotent: it is retried only when HubSpot refused it before doing it (429). */
  idempotent: boolean;
};

export type CallObserver = (event: { operation: string; attempt: number; status: number | undefined }) => void;

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
 * Runs one HubSpot request with the app's retry rules: ten-secondly 429s and 5xx are retried with
 * backoff; a daily 429 and other 4xx are not (waiting would not help). Every failure becomes a HubSpotError.
 */
export const makeCaller =
  (policy: CallPolicy, observe: CallObserver = () => undefined) =>
  async <T>(operation: string, send: () => Promise<T>, options: CallOptions = { idempotent: true }): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await withTimeout(send(), policy.timeoutMs);
        observe({ operation, attempt, status: 200 });
        return result;
      } catch (thrown) {
        if (thrown instanceof HubSpotError) throw thrown;
        if (thrown instanceof CallTimeout) {
          observe({ operation, attempt, status: undefined });
          throw new HubSpotError('HUBSPOT_TIMEOUT', `HubSpot did not answer within ${policy.timeoutMs} ms`, {
            operation,
          });
        }
        const failure = failureOf(thrown);
        observe({ operation, attempt, status: failure.status });
        const retryable = isTenSecondlyLimit(failure) || (options.idempotent && isServerFailure(failure));
        if (!retryable || attempt >= policy.maxAttempts) throw toHubSpotError(operation, failure);
        const jitter = Math.random() * policy.retryBaseMs;
        await sleep(policy.retryBaseMs * 2 ** (attempt - 1) + jitter);
      }
    }
  };

export type HubSpotCaller = ReturnType<typeof makeCaller>;
