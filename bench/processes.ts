import { fork } from 'node:child_process';
import { join } from 'node:path';

export type BenchServer = {
  url: string;
  /** CPU time (user + system) the server's process has used so far, in milliseconds. */
  cpuMs: () => Promise<number>;
  stop: () => void;
};

/** Starts `bench/serve.ts MODE ...ARGS` in its own Node process (with the tsx loader) and waits until it listens. */
export const startServer = (mode: 'sandbox' | 'backend' | 'baseline', ...args: string[]) =>
  new Promise<BenchServer>((resolve, reject) => {
    const child = fork(join(__dirname, 'serve.ts'), [mode, ...args], { execArgv: ['--import', 'tsx'] });
    const failed = (code: number | null) => reject(new Error(`bench/serve.ts ${mode} exited with ${code}`));
    child.once('exit', failed);
    child.once('message', (message) => {
      child.off('exit', failed);
      const cpuMs = () =>
        new Promise<number>((answer) => {
          child.once('message', (usage) => {
            const { user, system } = usage as NodeJS.CpuUsage;
            answer((user + system) / 1000);
          });
          child.send('cpu');
        });
      resolve({ url: (message as { url: string }).url, cpuMs, stop: () => child.kill() });
    });
  });
