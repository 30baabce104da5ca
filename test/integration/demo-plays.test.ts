import { startSandboxBackend, tasksIn } from '../support/sandbox-backend';

/** `npm start`'s demo account shows every bucket play: the daily pass on it gives each its task and list. */
describe('the demo account shows the bucket plays', () => {
  it('finds lookalike segments, and gives the plays their tasks', async () => {
    const running = await startSandboxBackend(
      { AUTOMATION_MODE: 'direct', PLAYS: 'lookalikes,concerns,exit,ask_buyer', DEFAULT_SUCCESS_MANAGER_ID: '501' },
      () => new Date('2026-11-23T08:00:00.000Z'),
      true,
    );
    try {
      const { plays } = await running.backend.runDailyPass('2026-11-23');
      expect(plays.lookalikes?.segments.map((segment) => `${segment.dimension}:${segment.value}`)).toEqual([
        'country:Germany',
        'size:51-200',
      ]);
      const subjects = tasksIn(running).map((task) => task.subject);
      expect(subjects).toEqual(
        expect.arrayContaining([
          'Granite Insurance: Renewal coming up: plan the exit',
          'Delta Foods: Address their concerns',
          'Harbor Clinics: Re-recruit still undecided: win-win or exit?',
          'Juniper Retail: Ask why they care',
        ]),
      );
    } finally {
      await running.stop();
    }
  });
});
