import { type DailyOutcome, scheduleDaily } from '../../src/automation/daily-timer';
import { createLogger } from '../../src/lib/logger';

describe('the daily automation timer', () => {
  afterEach(() => jest.useRealTimers());

  it('runs at HH:MM UTC, tries again every 5 minutes while another instance may hold the day, then waits a day', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T05:59:00.000Z') });
    const answers: DailyOutcome[] = ['try_again', 'try_again', 'done', 'done'];
    const ranAt: string[] = [];
    const stop = scheduleDaily(
      '06:00',
      async () => {
        ranAt.push(new Date().toISOString().slice(11, 16));
        return answers.shift() ?? 'done';
      },
      createLogger('silent'),
    );
    await jest.advanceTimersByTimeAsync(60_000);
    expect(ranAt).toEqual(['06:00']);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(ranAt).toEqual(['06:00', '06:05', '06:10']);
    await jest.advanceTimersByTimeAsync(23 * 60 * 60_000);
    expect(ranAt).toEqual(['06:00', '06:05', '06:10']);
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(ranAt).toEqual(['06:00', '06:05', '06:10', '06:00']);
    stop();
  });
});
