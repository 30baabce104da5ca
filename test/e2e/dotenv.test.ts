import { copyFileSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { mustExist } from '@why-they-care/domain';

import { npm, startNpm } from '../support/npm-project';

/**
 * A `.env` file through the npm scripts, in a project folder that links this checkout (its own package.json,
 * .env and data/): `.env.example` copied as is starts sandbox mode, and the commands read `.env`.
 */
const LINKED = ['node_modules', 'src', 'extensions', 'tsconfig.json'];
let project = '';
let app: ReturnType<typeof startNpm> | undefined;
let backendPort = '';
let sandboxPort = '';

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'wtc-dotenv-'));
  copyFileSync('package.json', join(project, 'package.json'));
  for (const name of LINKED) symlinkSync(resolve(name), join(project, name));
  copyFileSync('.env.example', join(project, '.env'));
  // The environment wins over .env: free ports instead of .env.example's 3000 and 3100.
  app = startNpm(
    project,
    ['start'],
    { PORT: '0', SANDBOX_PORT: '0' },
    /HubSpot sandbox\s+http:\/\/127\.0\.0\.1:(\d+)[^\n]*\n\s+Backend\s+http:\/\/localhost:(\d+)[^\n]*automation: (\w+)/,
  );
  const [banner, sandbox, backend] = await app.started;
  sandboxPort = mustExist(sandbox, 'the sandbox port');
  backendPort = mustExist(backend, 'the backend port');
  expect(banner).toMatch(`state in ${join(project, 'data', 'sandbox.json')}`);
}, 60_000);

afterAll(() => {
  app?.stop();
  for (const name of LINKED) unlinkSync(join(project, name));
  rmSync(project, { recursive: true, force: true });
});

describe('cp .env.example .env', () => {
  it('then npm start runs in sandbox mode, with its data in the project and direct automation', async () => {
    const [, , , automationMode] = await app!.started;
    expect(automationMode).toBe('direct');
  });

  it('then npm run call reaches it: the blank variables of .env.example fall back to their defaults', async () => {
    const result = await npm(project, ['run', 'call', '--', 'GET', '/api/companies/1001/profile'], {
      PORT: backendPort,
      SANDBOX_PORT: sandboxPort,
    });
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/HTTP 200\n\{\n {2}"profile": \{/);
  });
});

describe('a .env file', () => {
  it('is read by the npm scripts', async () => {
    writeFileSync(join(project, '.env'), `BACKEND_URL=http://127.0.0.1:${backendPort}\nSANDBOX_PORT=${sandboxPort}\n`);
    const result = await npm(project, ['run', 'call', '--', 'GET', '/api/companies/1001/profile']);
    expect(result.stdout).toMatch(/HTTP 200/);
  });
});
