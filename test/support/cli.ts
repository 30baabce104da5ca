import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';

export type CliResult = { code: number; stdout: string; stderr: string };

/**
 * Runs a command the way its npm script does (Node 22 with the tsx loader) and waits for it to end. Sandbox
 * mode unless the test names an account, whatever the developer's shell holds.
 */
export const runCli = (script: string, args: string[] = [], env: Record<string, string> = {}) =>
  new Promise<CliResult>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { env: { ...process.env, HUBSPOT_ACCESS_TOKEN: '', LOG_LEVEL: 'silent', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });

/** A port something is listening on, for "port in use"; `close` frees it. */
export const occupiedPort = () =>
  new Promise<{ port: number; close: () => Promise<void> }>((resolve) => {
    const server: Server = createServer().listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ port, close: () => new Promise((done) => server.close(() => done())) });
    });
  });

/** A port nothing listens on: taken, then released. */
export const closedPort = async () => {
  const { port, close } = await occupiedPort();
  await close();
  return port;
};

/** A stack trace line: user-facing messages must not have one. */
export const STACK_LINE = /^\s+at /m;
