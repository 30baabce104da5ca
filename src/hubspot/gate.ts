/** Says a request's answer (or failure) came back: it counts one more window from now, then frees its place. */
export type Answered = () => void;

/**
 * Runs `request` once it may leave for HubSpot, holding its place in the limit until its answer (or failure)
 * is in: the place cannot be left taken by a caller that forgets to say so.
 */
export type Gate = <T>(request: () => Promise<T>) => Promise<T>;

/**
 * A gate from `take`, which waits for a place and says how to give it back once the request is answered
 * (one taker at a time: callers go through in order).
 */
export const gateOf = (take: () => Promise<Answered>): Gate => {
  let queue: Promise<unknown> = Promise.resolve();
  return async (request) => {
    const taken = queue.then(take);
    queue = taken.catch(() => undefined);
    const answered = await taken;
    try {
      return await request();
    } finally {
      answered();
    }
  };
};
