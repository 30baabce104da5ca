import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { startApp } from '../support/started-app';

/**
 * `AUTOMATION_MODE=workflows npm start` in one shell, then `npm run automation` in another, as the README
 * says: the second shell does not repeat the mode, the sandbox remembers it.
 */
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
let app: Awaited<ReturnType<typeof startApp>>;

beforeAll(async () => {
  app = await startApp({ AUTOMATION_MODE: 'workflows' });
  expect(app.banner).toMatch(/automation: workflows/);
}, 40_000);
afterAll(() => app?.cleanUp());

const automationInSecondShell = (extraEnv: Record<string, string> = {}) => {
  const { AUTOMATION_MODE: startedWith, ...secondShell }: NodeJS.ProcessEnv = app.env;
  expect(startedWith).toBe('workflows');
  return promisify(execFile)(TSX, ['src/cli/automation.ts'], {
    env: { ...secondShell, SANDBOX_PORT: new URL(app.sandboxUrl).port, ...extraEnv },
  });
};

describe('a second shell next to npm start in sandbox mode', () => {
  it('runs npm run automation in the mode npm start runs in, without AUTOMATION_MODE', async () => {
    const { stdout } = await automationInSecondShell();
    // Workflows create the renewal and re-recruit tasks; the backend runs only the bucket plays.
    expect(stdout).toMatch(/AUTOMATION_MODE is "workflows": HubSpot workflows create the renewal and re-recruit tasks/);
    expect(stdout).toMatch(/Lookalike segments: 2/);
  }, 30_000);

  it('refuses direct mode, asked for explicitly, while the workflows are on', async () => {
    await expect(automationInSecondShell({ AUTOMATION_MODE: 'direct' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^Direct automation refused: the app's HubSpot workflows are on \(/),
    });
  }, 30_000);
});
