import { parseArgs } from 'node:util';

import { createBackend, setupOptionsFrom } from '../backend';
import { ConfigError, loadEnv } from '../config/env';
import { createLogger } from '../lib/logger';
import { commandEnv } from './sandbox-mode';
import { applySetup, planSetup } from '../setup/setup';
import { formatSetupReport } from '../setup/report';

const USAGE = `Usage: npm run setup -- [--dry-run] [--enable | --disable]
  Installs Why They Care on the HubSpot account of HUBSPOT_ACCESS_TOKEN: the property group and properties,
  the lists by bucket and quadrant, and (AUTOMATION_MODE=workflows) the re-recruit, renewal and stalled-plan workflows.
  Without --enable or --disable, each workflow stays on or off as it is in HubSpot; a new one is created off,
  for review in HubSpot first.
  --dry-run  read the account and print the plan; write nothing
  --enable   turn the app's workflows on
  --disable  turn the app's workflows off (in direct mode too, where a workflow that is on would double every task)`;

const main = async () => {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      enable: { type: 'boolean', default: false },
      disable: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(USAGE);
  if (values.enable && values.disable) {
    process.exitCode = 1;
    return console.error(`--enable and --disable cannot be used together.\n\n${USAGE}`);
  }
  const workflows = values.enable ? 'enable' : values.disable ? 'disable' : 'keep';
  const env = loadEnv(commandEnv());
  const backend = createBackend({ env, logger: createLogger(env.LOG_LEVEL) });
  const plan = await planSetup(backend.setupDeps, setupOptionsFrom(env, workflows));
  const items = values['dry-run'] ? plan : await applySetup(plan);
  console.log(formatSetupReport(items, { dryRun: values['dry-run'], portalId: env.HUBSPOT_PORTAL_ID }));
  if (items.some((item) => item.action === 'conflict')) process.exitCode = 2;
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `${error.message}\n\n${USAGE}` : error);
  process.exit(1);
});
