import { createRollingWindow } from '../../src/hubspot/rolling-window';

describe('rolling window', () => {
  // Jest's clock, not the machine's: the offsets are the gate's own waits, whatever else runs on the cores.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets `limit` calls through at once, then each as soon as the call `limit` places back is `interval` old', async () => {
    const gate = createRollingWindow(3, 200);
    const started = Date.now();
    const offsets: number[] = [];
    const calls = Promise.all(Array.from({ length: 7 }, () => gate().then(() => offsets.push(Date.now() - started))));
    await jest.runAllTimersAsync();
    await calls;
    // NaN for a call that never went through: it fails every comparison below.
    const [first = NaN, second = NaN, third = NaN, fourth = NaN, fifth = NaN, sixth = NaN, seventh = NaN] = offsets;
    expect(Math.max(first, second, third)).toBeLessThan(50);
    for (const late of [fourth, fifth, sixth]) expect(late).toBeGreaterThanOrEqual(195);
    expect(Math.max(fourth, fifth, sixth)).toBeLessThan(260);
    expect(seventh).toBeGreaterThanOrEqual(390);
    // On a clock that does not drift, the waits are exactly what HubSpot's rule allows.
    expect(offsets).toEqual([0, 0, 0, 200, 200, 200, 400]);
  });
});
