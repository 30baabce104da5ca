import { fork } from 'node:child_process';
import { join } from 'node:path';

import { type JournalSummary } from './journal';

export type BenchServer = {
  url: string;
  /** CPU time (user + system) the server's process has used so far, in milliseconds. */
  cpuMs: () => Promise<number>;
  /** The sandbox only: its request journal so far, summed up. */
  journal: () => Promise<JournalSummary>;
  stop: () => void;
};

/**
 * Starts `bench/serve.ts MODE ...ARGS` in its own Node process (with the tsx loader) and waits until it listens.
 * It answers each message (`cpu`, `journal`) with one message back.
 */
export const startServer = (mode: 'sandbox' | 'backend' | 'baseline', ...args: string[]) =>
  new Promise<BenchServer>((resolve, reject) => {
    const child = fork(join(__dirname, 'serve.ts'), [mode, ...args], { execArgv: ['--import', 'tsx'] });
    const failed = (code: number | null) => reject(new Error(`bench/serve.ts ${mode} exited with ${code}`));
    child.once('exit', failed);
    child.once('message', (message) => {
      child.off('exit', failed);
      const ask = <T>(question: 'cpu' | 'journal') =>
        new Promise<T>((answer) => {
          child.once('message', (reply) => answer(reply as T));
          child.send(question);
        });
      resolve({
        url: (message as { url: string }).url,
        cpuMs: async () => {
          const { user, system } = await ask<NodeJS.CpuUsage>('cpu');
          return (user + system) / 1000;
        },
        journal: () => ask<JournalSummary>('journal'),
        stop: () => child.kill(),
      });
    });
  });
