import { createRollingWindow } from '../../src/hubspot/rolling-window';

describe('rolling window', () => {
  // Jest's clock, not the machine's: the offsets are the gate's own waits, whatever else runs on the cores.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets `limit` calls through at once, then each as soon as the call `limit` places back was answered `interval` ago', async () => {
    const gate = createRollingWindow(3, 200);
    const started = Date.now();
    const offsets: number[] = [];
    const calls = Promise.all(
      Array.from({ length: 7 }, () =>
        gate().then((answered) => {
          offsets.push(Date.now() - started);
          answered();
        }),
      ),
    );
    await jest.runAllTimersAsync();
    await calls;
    // Answered at once: on a clock that does not drift, the waits are exactly what HubSpot's rule allows.
    expect(offsets).toEqual([0, 0, 0, 200, 200, 200, 400]);
  });

  it('keeps the place of a request in flight until a window after its answer, whenever HubSpot counted it', async () => {
    const gate = createRollingWindow(2, 200, 10);
    const started = Date.now();
    const offsets: number[] = [];
    const slow = await gate();
    const fast = await gate();
    fast();
    // The third stays in flight: only the slow one's place can free up for the fourth.
    const third = gate().then(() => void offsets.push(Date.now() - started));
    const fourth = gate().then((answered) => {
      offsets.push(Date.now() - started);
      answered();
    });
    // The slow request is answered after 500 ms: it may have reached HubSpot just then.
    setTimeout(slow, 500);
    await jest.runAllTimersAsync();
    await Promise.all([third, fourth]);
    // The third takes the fast one's place (200 ms + margin), the fourth the slow one's (500 + 200 + margin).
    expect(offsets).toEqual([210, 710]);
  });
});
