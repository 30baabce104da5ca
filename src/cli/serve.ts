import { createBackend } from '../backend';
import { loadEnv } from '../config/env';
import { createLogger } from '../lib/logger';
import { listeningLine, serveBackend } from './backend-process';
import { runCommand } from './run-command';

/**
 * `npm run serve`: the backend for a HubSpot account, as built into dist/ (production dependencies only).
 * No sandbox fallback here: a missing HUBSPOT_ACCESS_TOKEN is a configuration error.
 */
runCommand(async () => {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const { port } = await serveBackend({ env, logger, backend: createBackend({ env, logger }) });
  console.log(listeningLine(port, env));
});
