const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A gate that lets at most `limit` calls start in any rolling `intervalMs`, HubSpot's own rule, waiting no
 * longer than that rule needs (callers go through in order). `marginMs` absorbs the gap between when a
 * request leaves here and when HubSpot counts it. Written here because the throttling libraries either
 * refill on a fixed clock (two full bursts can land inside one rolling window) or space calls evenly
 * once the window is full (slower than the rule allows).
 */
export const createRollingWindow = (limit: number, intervalMs: number, marginMs = 0) => {
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();
  return (): Promise<void> => {
    const turn = queue.then(async () => {
      // A full window: the start `limit` calls back must leave it first.
      const leaving = starts[starts.length - limit];
      if (leaving !== undefined) {
        const wait = leaving + intervalMs + marginMs - Date.now();
        if (wait > 0) await sleep(wait);
      }
      starts.push(Date.now());
      if (starts.length > limit) starts.shift();
    });
    queue = turn;
    return turn;
  };
};
