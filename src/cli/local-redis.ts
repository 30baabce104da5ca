import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's redis-server, if installed (`apt-get install -y redis-server`; `bash .ci/run` installs it). */
export const redisServerPath = (): string | null => {
  try {
    return execFileSync('which', ['redis-server'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * A real redis-server on a free loopback port, with no persistence, in a temporary folder, for the tests and
 * the benchmark. `stop` ends it (Redis down); `start` brings it back on the same port, empty.
 */
export const startRedis = async () => {
  const executable = redisServerPath();
  if (!executable) throw new Error('redis-server is not installed: apt-get install -y redis-server');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wtc-redis-'));
  let child: ChildProcess | null = null;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const server = spawn(
        executable,
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child = server;
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const server = child;
      child = null;
      if (!server || server.exitCode !== null) return resolve();
      server.removeAllListeners('exit');
      server.once('exit', () => resolve());
      server.kill('SIGKILL');
    });

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    /** Stops the server and removes its folder. */
    remove: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type RedisServer = Awaited<ReturnType<typeof startRedis>>;
