import { automationOptionsFrom, createBackend } from '../backend';
import { loadEnv } from '../config/env';
import { createLogger } from '../lib/logger';
import { CommandError, runCommand } from './run-command';
import { commandEnv } from './sandbox-mode';

/**
 * One scheduled pass of direct-mode automation (renewal, stalled-plan and missed re-recruit tasks). Cron-able.
 * While the app's workflows are on it refuses, and its message says which are on and the two ways out.
 */
runCommand(async () => {
  const env = loadEnv(commandEnv());
  if (env.AUTOMATION_MODE !== 'direct') {
    console.log('AUTOMATION_MODE is "workflows": HubSpot workflows create the tasks, nothing to do here.');
    return;
  }
  const backend = createBackend({ env, logger: createLogger(env.LOG_LEVEL) });
  try {
    await backend.coordination.ready();
    // With REDIS_URL, not while another instance runs it (a crashed run's lock lapses within a minute).
    const outcome = await backend.runAutomationExclusive(automationOptionsFrom(env));
    if (!outcome.ran) {
      throw new CommandError('Another instance is running the automation now (REDIS_URL): nothing done here.');
    }
    const summary = outcome.result;
    console.log(`Checked ${summary.companiesChecked} companies, created ${summary.tasksCreated} tasks.`);
    for (const key of summary.taskKeys) console.log(`  ${key}`);
  } finally {
    await backend.coordination.close();
  }
});
