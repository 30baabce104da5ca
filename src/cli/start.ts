import { type AddressInfo } from 'node:net';

import { createBackend, setupOptionsFrom } from '../backend';
import { ConfigError, loadEnv } from '../config/env';
import { createLogger } from '../lib/logger';
import { applySetup, planSetup } from '../setup/setup';
import { formatSetupSummary } from '../setup/report';
import { scheduleDaily } from '../automation/daily-timer';
import { todayUtc } from '../automation/direct-tasks';
import { commandEnv, isSandboxMode, SANDBOX_FILE, startSandbox } from './sandbox-mode';

const SHUTDOWN_GRACE_MS = 10_000;

const main = async () => {
  const sandbox = isSandboxMode() ? await startSandbox() : null;
  // The sandbox may have been given port 0: point the backend at the port it really got.
  const env = loadEnv(commandEnv(sandbox ? { ...process.env, SANDBOX_PORT: new URL(sandbox.url).port } : process.env));
  const logger = createLogger(env.LOG_LEVEL);
  const backend = createBackend({ env, logger });

  if (sandbox) {
    sandbox.rememberMode(env.AUTOMATION_MODE);
    // The sandbox follows the mode it is started in: its workflows on in workflows mode, off in direct mode.
    const workflows = env.AUTOMATION_MODE === 'workflows' ? 'enable' : 'disable';
    const items = await applySetup(await planSetup(backend.setupDeps, setupOptionsFrom(env, workflows)));
    console.log(formatSetupSummary(items));
  }

  // The browser preview exists in sandbox mode only: production never loads its code.
  const preview = sandbox ? (await import('../preview/server')).withPreview(backend.app, { env }) : null;

  backend.start();
  const server = (preview?.app ?? backend.app).listen(env.PORT, () => {
    const { port } = server.address() as AddressInfo;
    const lines = sandbox
      ? [
          '',
          'Why They Care is running in SANDBOX MODE: HUBSPOT_ACCESS_TOKEN is not set, so nothing talks to HubSpot.',
          `  HubSpot sandbox  ${sandbox.url}  (state in ${SANDBOX_FILE}; reset with: npm run sandbox -- --reset)`,
          `  Backend          http://localhost:${port}  (health: /healthz, automation: ${env.AUTOMATION_MODE})`,
          `  Preview          http://localhost:${port}/preview/  (the real card, live in your browser: not HubSpot)`,
          '  Try it:',
          '    npm run call -- GET /api/companies/1001/profile',
          '    npm run call -- move 1001 who_are_you      # the re-recruit task appears:',
          '    npm run sandbox -- tasks',
          '',
        ]
      : [`Why They Care backend listening on port ${port} for HubSpot account ${env.HUBSPOT_PORTAL_ID}`];
    console.log(lines.join('\n'));
  });

  // Direct mode: know whether the app's workflows are on before saves need it, without asking per save.
  const stopWatching = env.AUTOMATION_MODE === 'direct' ? backend.workflowGuard.watch() : () => undefined;
  const stopDaily =
    env.AUTOMATION_MODE === 'direct' && env.AUTOMATION_DAILY_AT_UTC
      ? scheduleDaily(
          env.AUTOMATION_DAILY_AT_UTC,
          async () => {
            await backend.runAutomation({
              today: todayUtc(),
              renewalLeadDays: env.RENEWAL_LEAD_DAYS,
              renewalDateProperty: setupOptionsFrom(env).renewalDateProperty,
            });
          },
          logger,
        )
      : () => undefined;

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    stopDaily();
    stopWatching();
    backend.stop();
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close(async () => {
      await preview?.close();
      await sandbox?.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
