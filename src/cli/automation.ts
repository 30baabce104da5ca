import { describeSegment } from '@why-they-care/domain';

import { automationOptionsFrom, createBackend } from '../backend';
import { loadEnv } from '../config/env';
import { createLogger } from '../lib/logger';
import { runCommand } from './run-command';
import { commandEnv } from './sandbox-mode';

/**
 * One daily pass, cron-able: in direct mode the renewal, stalled-plan and missed re-recruit tasks (refused
 * while the app's workflows are on: the message says which are on and the two ways out), then in both modes
 * the bucket plays turned on (PLAYS): lookalike segments and their list, follow-ups, one buyer a day.
 */
runCommand(async () => {
  const env = loadEnv(commandEnv());
  const backend = createBackend({ env, logger: createLogger(env.LOG_LEVEL) });
  const tagsRead = backend.start();
  if (env.AUTOMATION_MODE === 'direct') {
    const summary = await backend.runAutomation(automationOptionsFrom(env));
    console.log(`Checked ${summary.companiesChecked} companies, created ${summary.tasksCreated} tasks.`);
    for (const key of summary.taskKeys) console.log(`  ${key}`);
  } else {
    console.log('AUTOMATION_MODE is "workflows": HubSpot workflows create the renewal and re-recruit tasks.');
  }
  await tagsRead;
  const plays = await backend.runPlays();
  backend.stop();
  const segments = plays.lookalikes?.segments ?? [];
  if (plays.lookalikes) {
    console.log(`Lookalike segments: ${segments.length} (prospects list ${plays.lookalikes.list ?? 'not refreshed'}).`);
    for (const segment of segments) console.log(`  ${describeSegment(segment, plays.lookalikes.totals)}`);
  }
  console.log(`Plays created ${plays.tasksCreated} tasks.`);
  for (const key of plays.taskKeys) console.log(`  ${key}`);
});
