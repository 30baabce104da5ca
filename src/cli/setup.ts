import { parseArgs } from 'node:util';

import { createBackend, setupOptionsFrom } from '../backend';
import { ConfigError, loadEnv } from '../config/env';
import { createLogger } from '../lib/logger';
import { commandEnv } from './sandbox-mode';
import { applySetup, planSetup } from '../setup/setup';
import { formatSetupReport } from '../setup/report';

const USAGE = `Usage: npm run setup -- [--dry-run] [--enable]
  Installs Why They Care on the HubSpot account of HUBSPOT_ACCESS_TOKEN: the property group and properties,
  the lists by bucket and quadrant, and (AUTOMATION_MODE=workflows) the re-recruit, renewal and stalled-plan workflows.
  --dry-run  read the account and print the plan; write nothing
  --enable   turn the workflows on (default: created off, for review in HubSpot first)`;

const main = async () => {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      enable: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(USAGE);
  const env = loadEnv(commandEnv());
  const backend = createBackend({ env, logger: createLogger(env.LOG_LEVEL) });
  const plan = await planSetup(backend.setupDeps, setupOptionsFrom(env, values.enable));
  const items = values['dry-run'] ? plan : await applySetup(plan);
  console.log(formatSetupReport(items, { dryRun: values['dry-run'], portalId: env.HUBSPOT_PORTAL_ID }));
  if (items.some((item) => item.action === 'conflict')) process.exitCode = 2;
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `${error.message}\n\n${USAGE}` : error);
  process.exit(1);
});
