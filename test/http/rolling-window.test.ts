import { createRollingWindow } from '../../src/hubspot/rolling-window';

const answerAfter = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('rolling window', () => {
  // Jest's clock, not the machine's: the offsets are the gate's own waits, whatever else runs on the cores.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets `limit` requests through at once, then each as soon as the one `limit` places back was answered `interval` ago', async () => {
    const gate = createRollingWindow(3, 200);
    const started = Date.now();
    const offsets: number[] = [];
    const requests = Promise.all(
      Array.from({ length: 7 }, () => gate(async () => void offsets.push(Date.now() - started))),
    );
    await jest.runAllTimersAsync();
    await requests;
    // Answered at once: on a clock that does not drift, the waits are exactly what HubSpot's rule allows.
    expect(offsets).toEqual([0, 0, 0, 200, 200, 200, 400]);
  });

  it('keeps the place of a request in flight until a window after its answer, whenever HubSpot counted it', async () => {
    const gate = createRollingWindow(2, 200, 10);
    const started = Date.now();
    const offsets: number[] = [];
    const slow = gate(() => answerAfter(500));
    const fast = gate(async () => undefined);
    // The third stays in flight: only the slow one's place can free up for the fourth.
    void gate(() => {
      offsets.push(Date.now() - started);
      return new Promise<void>(() => undefined);
    });
    const fourth = gate(async () => void offsets.push(Date.now() - started));
    await jest.runAllTimersAsync();
    await Promise.all([slow, fast, fourth]);
    // The third takes the fast one's place (200 ms + margin), the fourth the slow one's (500 + 200 + margin).
    expect(offsets).toEqual([210, 710]);
  });

  it('frees the place of a request that failed, a window after its failure', async () => {
    const gate = createRollingWindow(1, 100);
    const started = Date.now();
    const failed = gate(async () => {
      throw new Error('HubSpot did not answer');
    });
    const next = gate(async () => Date.now() - started);
    await expect(failed).rejects.toThrow('HubSpot did not answer');
    await jest.runAllTimersAsync();
    expect(await next).toBe(100);
  });
});
