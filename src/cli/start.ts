import { createBackend, setupOptionsFrom } from '../backend';
import { isSandboxMode, loadEnv } from '../config/env';
import { createLogger } from '../lib/logger';
import { applySetup, planSetup } from '../setup/setup';
import { formatSetupSummary } from '../setup/report';
import { listeningLine, serveBackend } from './backend-process';
import { portSetting, runCommand } from './run-command';
import { commandEnv, sandboxFile } from './sandbox-mode';
import { startSandbox } from './sandbox-process';

const sandboxBanner = (urls: { sandbox: string; backend: string }, automationMode: string) =>
  [
    '',
    'Why They Care is running in SANDBOX MODE: HUBSPOT_ACCESS_TOKEN is not set, so nothing talks to HubSpot.',
    `  HubSpot sandbox  ${urls.sandbox}  (state in ${sandboxFile()}; reset with: npm run sandbox -- --reset)`,
    `  Backend          ${urls.backend}  (health: /healthz, automation: ${automationMode})`,
    `  Preview          ${urls.backend}/preview/  (the real card, live in your browser: not HubSpot)`,
    `  Home page        ${urls.backend}/preview/home  (the portfolio: "Are we winning?")`,
    '  Try it:',
    '    npm run call -- GET /api/companies/1001/profile',
    '    npm run call -- move 1012 who_are_you      # the re-recruit task appears:',
    '    npm run sandbox -- tasks',
    '    npm run sandbox -- set 1005 wtc_bucket who_are_you   # an edit in HubSpot: its webhook makes the task',
    '    npm run automation                                   # the daily pass: renewals, stalled plans, the plays',
    "    npm run sandbox -- lists                             # sales ops' lists, by bucket and by play",
    '',
  ].join('\n');

/** `npm start`: the backend against HubSpot, or, with no access token, against the embedded sandbox. */
runCommand(async () => {
  const sandbox = isSandboxMode() ? await startSandbox().catch(portSetting('SANDBOX_PORT')) : null;
  try {
    // The sandbox may have been given port 0: point the backend at the port it really got.
    const env = loadEnv(
      commandEnv(sandbox ? { ...process.env, SANDBOX_PORT: new URL(sandbox.url).port } : process.env),
    );
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
    const { port } = await serveBackend({
      env,
      logger,
      backend,
      app: preview?.app,
      onStop: async () => {
        await preview?.close();
        await sandbox?.close();
      },
    });
    sandbox?.sendWebhooksTo({
      url: `http://localhost:${port}`,
      publicBaseUrl: env.PUBLIC_BASE_URL,
      clientSecret: env.HUBSPOT_CLIENT_SECRET,
    });
    console.log(
      sandbox
        ? sandboxBanner({ sandbox: sandbox.url, backend: `http://localhost:${port}` }, env.AUTOMATION_MODE)
        : listeningLine(port, env),
    );
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
});
