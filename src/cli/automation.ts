import { describeSegment } from '@why-they-care/domain';

import { createBackend } from '../backend';
import { loadEnv } from '../config/env';
import { createLogger } from '../lib/logger';
import { CommandError, runCommand } from './run-command';
import { commandEnv } from './sandbox-mode';

/**
 * One daily pass, cron-able: in direct mode the renewal, stalled-plan and missed re-recruit tasks (refused
 * while the app's workflows are on: the message says which are on and the two ways out) or, in workflows mode,
 * when the "It's OK" renewal plays the renewal workflow started (for the home page), then in both modes
 * the bucket plays turned on (PLAYS): lookalike segments and their list, follow-ups, one buyer a day.
 */
runCommand(async () => {
  const env = loadEnv(commandEnv());
  const backend = createBackend({ env, logger: createLogger(env.LOG_LEVEL) });
  try {
    await backend.coordination.ready();
    // The tag lists the lookalike segments read.
    await backend.start();
    // With REDIS_URL, not while another instance runs it (a crashed run's lock lapses within a minute).
    const outcome = await backend.runDailyPassExclusive();
    if (!outcome.ran) {
      throw new CommandError('Another instance is running the automation now (REDIS_URL): nothing done here.');
    }
    const { automation, renewalPlays, plays } = outcome.result;
    if (automation) {
      console.log(`Checked ${automation.companiesChecked} companies, created ${automation.tasksCreated} tasks.`);
      for (const key of automation.taskKeys) console.log(`  ${key}`);
    } else {
      console.log('AUTOMATION_MODE is "workflows": HubSpot workflows create the renewal and re-recruit tasks.');
      console.log(`"It's OK" renewal plays started since the last pass: ${renewalPlays?.stamped.length ?? 0}.`);
    }
    const segments = plays.lookalikes?.segments ?? [];
    if (plays.lookalikes) {
      console.log(
        `Lookalike segments: ${segments.length} (prospects list ${plays.lookalikes.list ?? 'not refreshed'}).`,
      );
      for (const segment of segments) console.log(`  ${describeSegment(segment, plays.lookalikes.totals)}`);
    }
    console.log(`Plays created ${plays.tasksCreated} tasks.`);
    for (const key of plays.taskKeys) console.log(`  ${key}`);
  } finally {
    backend.stop();
    await backend.coordination.close();
  }
});
