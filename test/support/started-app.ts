import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm start` as a real process (node with the tsx loader, so its pid is the server's own), in sandbox
 * mode on free ports with its data in a temporary folder. Resolves once the banner is printed.
 */
export const startApp = async (extraEnv: Record<string, string> = {}, nodeFlags: string[] = []) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wtc-app-'));
  const env = {
    ...process.env,
    HUBSPOT_ACCESS_TOKEN: '',
    HUBSPOT_CLIENT_SECRET: '',
    PORT: '0',
    SANDBOX_PORT: '0',
    SANDBOX_DATA_FILE: join(dataDir, 'sandbox.json'),
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', 'src/cli/start.ts'],
    {
      env,
    },
  );
  const banner = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Backend\s+http:\/\/localhost:\d+/.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return {
    child,
    env,
    banner,
    backendUrl: `http://127.0.0.1:${/Backend\s+http:\/\/localhost:(\d+)/.exec(banner)?.[1]}`,
    sandboxUrl: /HubSpot sandbox\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? '',
    cleanUp: () => {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
