import { parseArgs, type ParseArgsConfig } from 'node:util';

import { isSandboxMode, loadHubSpotTarget, sandboxUrl } from '../config/env';
import { HubSpotError } from '../hubspot/errors';
import { AppError } from '../lib/app-error';
import { PortUnavailableError } from '../lib/listen';

/** A usage mistake (exit code 2) or another failure the user can fix (1). */
export type CommandErrorCode = 'USAGE' | 'COMMAND_FAILED';

/** A failure the user can fix: its message says how, and no stack trace follows it. */
export class CommandError extends AppError<CommandErrorCode> {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(exitCode === 2 ? 'USAGE' : 'COMMAND_FAILED', message);
  }
}

/** `parseArgs`, with an unknown option or a missing value reported as a usage mistake. */
export const parseCommandLine = <T extends ParseArgsConfig>(config: T, usage: string) => {
  try {
    return parseArgs<T>(config);
  } catch (error) {
    throw new CommandError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`, 2);
  }
};

/** Names the setting that chose a port, for `PortUnavailableError`s: `.catch(portSetting('PORT'))`. */
export const portSetting =
  (variable: string) =>
  (error: unknown): never => {
    if (error instanceof PortUnavailableError) throw new CommandError(`${error.message}: set ${variable}`);
    throw error;
  };

/** Where the command looks for HubSpot, in the words and variables the user can change. */
const hubspotTarget = (env: NodeJS.ProcessEnv) =>
  isSandboxMode(env)
    ? {
        name: 'The HubSpot sandbox',
        url: sandboxUrl(env),
        unreachable:
          'start it with `npm start` (or `npm run sandbox`) in another terminal, or set SANDBOX_PORT to the port it runs on',
        refusedToken: 'is another program listening on SANDBOX_PORT?',
      }
    : {
        name: 'HubSpot',
        url: loadHubSpotTarget(env).HUBSPOT_API_BASE_URL,
        unreachable: 'check HUBSPOT_API_BASE_URL and the network',
        refusedToken: "set HUBSPOT_ACCESS_TOKEN to the app's access token (the app's Auth tab in HubSpot)",
      };

const explainHubSpotError = (error: HubSpotError, env: NodeJS.ProcessEnv) => {
  const target = hubspotTarget(env);
  const noAnswer = error.code === 'HUBSPOT_TIMEOUT' || (error.code === 'HUBSPOT_UNAVAILABLE' && !error.details.status);
  if (noAnswer) return `${target.name} does not answer at ${target.url}: ${target.unreachable}.`;
  if (error.code === 'HUBSPOT_AUTH_FAILED') {
    return `${target.name} at ${target.url} refused the access token: ${target.refusedToken}`;
  }
  const { operation, status, correlationId } = error.details;
  const context = [status && `HTTP ${status}`, correlationId && `correlation id ${correlationId}`].filter(Boolean);
  return `${target.name} refused ${operation}: ${error.message}${context.length ? ` (${context.join(', ')})` : ''}`;
};

const explain = (error: unknown) => {
  if (error instanceof HubSpotError) return explainHubSpotError(error, process.env);
  // Every module's own errors are written for the person running the command.
  if (error instanceof AppError) return error.message;
  // Anything else is a bug: keep the stack for the report.
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
};

const exitCodeOf = (error: unknown) => (error instanceof CommandError ? error.exitCode : 1);

const fail = (error: unknown) => {
  console.error(explain(error));
  process.exit(exitCodeOf(error));
};

/**
 * Runs a command's main function, the one way every command starts: what the user can fix is printed as
 * one message and the process exits non-zero (2 for a usage mistake); open servers do not keep a failed
 * command alive. `main` may resolve with the exit code of a command that ran but did not succeed.
 */
export const runCommand = (main: () => Promise<number | void>) => {
  main().then((exitCode) => {
    if (exitCode) process.exitCode = exitCode;
  }, fail);
};

/** Stops a long-running command on Ctrl-C or SIGTERM: exit 0 once `stop` is done, or say why it failed. */
export const stopOnSignals = (stop: (signal: NodeJS.Signals) => Promise<void>) => {
  const onSignal = (signal: NodeJS.Signals) => {
    stop(signal).then(() => process.exit(0), fail);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
};
