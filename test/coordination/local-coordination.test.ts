import { createLocalCoordination } from '../../src/coordination/local-coordination';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('coordination without Redis: one process', () => {
  it('runs a period once and never two runs of a job at the same time', async () => {
    const { exclusive } = createLocalCoordination(100);
    let runs = 0;
    const work = async () => {
      runs += 1;
      await sleep(20);
      return runs;
    };
    const [first, second] = await Promise.all([
      exclusive('job', { period: 'd1' }, work),
      exclusive('job', { period: 'd1' }, work),
    ]);
    expect([first, second]).toEqual([
      { ran: true, result: 1 },
      { ran: false, reason: 'running_elsewhere' },
    ]);
    expect(await exclusive('job', { period: 'd1' }, work)).toEqual({ ran: false, reason: 'done' });
    expect(await exclusive('job', {}, work)).toEqual({ ran: true, result: 2 });
  });

  it('sees an event first once until its time to live passes', async () => {
    const { firstDelivery } = createLocalCoordination(100);
    expect(await firstDelivery('company:1001:wtc_bucket:1', 50)).toBe(true);
    expect(await firstDelivery('company:1001:wtc_bucket:1', 50)).toBe(false);
    expect(await firstDelivery('company:1002:wtc_bucket:1', 50)).toBe(true);
    await sleep(60);
    expect(await firstDelivery('company:1001:wtc_bucket:1', 50)).toBe(true);
  });
});
