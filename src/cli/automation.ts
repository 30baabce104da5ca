import { createBackend, setupOptionsFrom } from '../backend';
import { loadEnv } from '../config/env';
import { todayUtc } from '../automation/direct-tasks';
import { AppWorkflowsOn } from '../automation/workflow-guard';
import { createLogger } from '../lib/logger';
import { CommandError, runCommand } from './run-command';
import { commandEnv } from './sandbox-mode';

/** One scheduled pass of direct-mode automation (renewal, stalled-plan and missed re-recruit tasks). Cron-able. */
runCommand(async () => {
  const env = loadEnv(commandEnv());
  if (env.AUTOMATION_MODE !== 'direct') {
    console.log('AUTOMATION_MODE is "workflows": HubSpot workflows create the tasks, nothing to do here.');
    return;
  }
  const backend = createBackend({ env, logger: createLogger(env.LOG_LEVEL) });
  const summary = await backend
    .runAutomation({
      today: todayUtc(),
      renewalLeadDays: env.RENEWAL_LEAD_DAYS,
      renewalDateProperty: setupOptionsFrom(env).renewalDateProperty,
    })
    .catch((error: unknown) => {
      // Its message says which workflows are on and the two ways out.
      throw error instanceof AppWorkflowsOn ? new CommandError(error.message) : error;
    });
  console.log(`Checked ${summary.companiesChecked} companies, created ${summary.tasksCreated} tasks.`);
  for (const key of summary.taskKeys) console.log(`  ${key}`);
});
