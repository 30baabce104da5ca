import { createBackend, setupOptionsFrom } from '../backend';
import { loadEnv } from '../config/env';
import { createLogger } from '../lib/logger';
import { applySetup, planSetup } from '../setup/setup';
import { formatSetupReport } from '../setup/report';
import { CommandError, parseCommandLine, runCommand } from './run-command';
import { commandEnv } from './sandbox-mode';

const USAGE = `Usage: npm run setup -- [--dry-run] [--enable | --disable]
  Installs Why They Care on the HubSpot account of HUBSPOT_ACCESS_TOKEN: the property group and properties,
  the lists by bucket and quadrant, and (AUTOMATION_MODE=workflows) the re-recruit, renewal and stalled-plan workflows.
  Without --enable or --disable, each workflow stays on or off as it is in HubSpot; a new one is created off,
  for review in HubSpot first.
  --dry-run  read the account and print the plan; write nothing
  --enable   turn the app's workflows on
  --disable  turn the app's workflows off (in direct mode too, where a workflow that is on would double every task)`;

runCommand(async () => {
  const { values } = parseCommandLine(
    {
      options: {
        'dry-run': { type: 'boolean', default: false },
        enable: { type: 'boolean', default: false },
        disable: { type: 'boolean', default: false },
        help: { type: 'boolean' },
      },
    },
    USAGE,
  );
  if (values.help) return console.log(USAGE);
  if (values.enable && values.disable) {
    throw new CommandError(`--enable and --disable cannot be used together.\n\n${USAGE}`, 2);
  }
  const workflows = values.enable ? 'enable' : values.disable ? 'disable' : 'keep';
  const env = loadEnv(commandEnv());
  const backend = createBackend({ env, logger: createLogger(env.LOG_LEVEL) });
  try {
    // With REDIS_URL, setup's calls count in the budget the running instances share.
    await backend.coordination.ready();
    const plan = await planSetup(backend.setupDeps, setupOptionsFrom(env, workflows));
    const items = values['dry-run'] ? plan : await applySetup(plan);
    console.log(formatSetupReport(items, { dryRun: values['dry-run'], portalId: env.HUBSPOT_PORTAL_ID }));
    // Something in HubSpot is in the way (the report says what): the run did not finish its job.
    return items.some((item) => item.action === 'conflict') ? 2 : undefined;
  } finally {
    await backend.coordination.close();
  }
});
