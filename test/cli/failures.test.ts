import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { closedPort, occupiedPort, runCli, STACK_LINE } from '../support/cli';

/** What the commands say when HubSpot, the sandbox or a port is not there: the URL, the variable, no stack. */
const FAST_RETRIES = { HUBSPOT_RETRY_BASE_MS: '5' };
const ACCOUNT = {
  HUBSPOT_ACCESS_TOKEN: 'pat-test-token',
  HUBSPOT_CLIENT_SECRET: 'test-client-secret',
  HUBSPOT_PORTAL_ID: '24681357',
};

let dataDir = '';
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'wtc-cli-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('when HubSpot or the sandbox does not answer', () => {
  it('setup names the sandbox URL and SANDBOX_PORT', async () => {
    const port = await closedPort();
    const result = await runCli('src/cli/setup.ts', ['--dry-run'], { SANDBOX_PORT: String(port), ...FAST_RETRIES });
    expect({ code: result.code, stack: STACK_LINE.test(result.stderr) }).toEqual({ code: 1, stack: false });
    expect(result.stderr.trim()).toBe(
      `The HubSpot sandbox does not answer at http://127.0.0.1:${port}: start it with \`npm start\` ` +
        '(or `npm run sandbox`) in another terminal, or set SANDBOX_PORT to the port it runs on.',
    );
  });

  it('automation names the HubSpot URL and HUBSPOT_API_BASE_URL', async () => {
    const port = await closedPort();
    const result = await runCli('src/cli/automation.ts', [], {
      ...ACCOUNT,
      ...FAST_RETRIES,
      AUTOMATION_MODE: 'direct',
      HUBSPOT_API_BASE_URL: `http://127.0.0.1:${port}`,
    });
    expect({ code: result.code, stack: STACK_LINE.test(result.stderr) }).toEqual({ code: 1, stack: false });
    expect(result.stderr.trim()).toBe(
      `HubSpot does not answer at http://127.0.0.1:${port}: check HUBSPOT_API_BASE_URL and the network.`,
    );
  });
});

describe('npm start with a port in use', () => {
  it.each([
    ['the sandbox port', 'SANDBOX_PORT', 'PORT'],
    ['the backend port', 'PORT', 'SANDBOX_PORT'],
  ])('names %s and its variable', async (_label, taken, free) => {
    const occupied = await occupiedPort();
    try {
      const result = await runCli('src/cli/start.ts', [], {
        [taken]: String(occupied.port),
        [free]: '0',
        SANDBOX_DATA_FILE: join(dataDir, 'sandbox.json'),
      });
      expect({ code: result.code, stack: STACK_LINE.test(result.stderr) }).toEqual({ code: 1, stack: false });
      expect(result.stderr.trim()).toBe(`port ${occupied.port} is in use: set ${taken}`);
      expect(existsSync(join(dataDir, 'sandbox.json.lock'))).toBe(false);
    } finally {
      await occupied.close();
    }
  });
});

describe('npm run sandbox -- --reset', () => {
  const runSandbox = (dataFile: string) =>
    new Promise<ChildProcessWithoutNullStreams>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sandbox.ts'], {
        env: { ...process.env, HUBSPOT_ACCESS_TOKEN: '', SANDBOX_PORT: '0', SANDBOX_DATA_FILE: dataFile },
      });
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('HubSpot sandbox on')) resolve(child);
      });
      child.on('exit', (code) => reject(new Error(`npm run sandbox exited with ${code}`)));
    });
  const reset = (dataFile: string) => runCli('src/cli/sandbox.ts', ['--reset'], { SANDBOX_DATA_FILE: dataFile });
  let sandbox: ChildProcessWithoutNullStreams | undefined;
  afterEach(() => sandbox?.kill('SIGKILL'));

  it('refuses while a sandbox serves the data, and resets after that process crashed', async () => {
    const dataFile = join(dataDir, 'sandbox.json');
    sandbox = await runSandbox(dataFile);
    const refused = await reset(dataFile);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`^The sandbox at http://127\\.0\\.0\\.1:\\d+ \\(process ${sandbox.pid}\\) is using ${dataFile}: stop`),
    );
    expect(existsSync(dataFile)).toBe(true);

    const exited = new Promise((resolve) => sandbox?.on('exit', resolve));
    sandbox.kill('SIGKILL'); // a crash: the lock file stays behind
    await exited;
    expect(existsSync(`${dataFile}.lock`)).toBe(true);
    const cleared = await reset(dataFile);
    expect({ code: cleared.code, stdout: cleared.stdout.trim() }).toEqual({
      code: 0,
      stdout: `Sandbox data cleared (${dataFile}).`,
    });
    expect([existsSync(dataFile), existsSync(`${dataFile}.lock`)]).toEqual([false, false]);
  });
});
