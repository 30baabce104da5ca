import { execFile, spawn } from 'node:child_process';
import { dirname } from 'node:path';

/**
 * npm scripts as a user runs them, in a project folder of the test's making: npm itself and the scripts'
 * `node` are this Node 22, the environment is only what the test passes (nothing from the developer's shell).
 */
const npmEnv = (env: Record<string, string>) => ({
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
  HOME: process.env.HOME ?? '',
  npm_config_update_notifier: 'false',
  ...env,
});

export const npm = (cwd: string, args: string[], env: Record<string, string> = {}, timeout = 60_000) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('npm', args, { cwd, env: npmEnv(env), timeout }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });

/** Starts a long-running npm script; resolves with the first match of `ready` in its output. */
export const startNpm = (cwd: string, args: string[], env: Record<string, string>, ready: RegExp) => {
  // Its own process group, so stopping it stops npm, the shell and the server under them.
  const child = spawn('npm', args, { cwd, env: npmEnv(env), detached: true });
  const stop = () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
  };
  const started = new Promise<RegExpExecArray>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npm ${args.join(' ')} did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm ${args.join(' ')} exited with ${code}:\n${output}`)));
  });
  return { started, stop };
};
