import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PROPERTY_DEFINITIONS } from '@why-they-care/domain';
import { signedFetch } from '@why-they-care/hubspot-contract';

import { SANDBOX_ACCESS_TOKEN, SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { appWorkflowNames, desiredLists } from '../../src/setup/desired-state';
import { demoSandbox } from '../support/demo-sandbox';
import { npm, startNpm } from '../support/npm-project';

/**
 * The production path: `npm run build`, then the built files and package files alone in a fresh folder
 * with `npm install --omit=dev` (no tsx, no TypeScript, no workspace sources), `npm run setup:dist` and
 * `npm run serve` against the sandbox standing in for HubSpot.
 */
let release = '';
let sandbox: { url: string; close: () => Promise<void> } | undefined;
let server: ReturnType<typeof startNpm> | undefined;
let backendUrl = '';

const account = () => ({
  HUBSPOT_ACCESS_TOKEN: SANDBOX_ACCESS_TOKEN,
  HUBSPOT_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
  HUBSPOT_PORTAL_ID: SANDBOX_PORTAL_ID,
  HUBSPOT_API_BASE_URL: sandbox?.url ?? '',
  LOG_LEVEL: 'warn',
});

beforeAll(async () => {
  release = mkdtempSync(join(tmpdir(), 'wtc-release-'));
  const built = await npm(process.cwd(), ['run', 'build', '--', '--outdir', join(release, 'dist')]);
  expect(built).toMatchObject({ code: 0 });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(file, join(release, file));
  const installed = await npm(
    release,
    ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'],
    {},
    120_000,
  );
  expect(installed).toMatchObject({ code: 0 });
  sandbox = await demoSandbox().listen();
  const setup = await npm(release, ['run', 'setup:dist'], account());
  // The property group, every property and list, and the workflows.
  expect(setup.stdout).toContain(
    `Summary: ${1 + PROPERTY_DEFINITIONS.length + desiredLists().length + appWorkflowNames().length} created`,
  );
  server = startNpm(release, ['run', 'serve'], { ...account(), PORT: '0' }, /listening on port (\d+)/);
  backendUrl = `http://127.0.0.1:${(await server.started)[1]}`;
}, 180_000);

afterAll(async () => {
  server?.stop();
  await sandbox?.close();
  rmSync(release, { recursive: true, force: true });
});

describe('npm run build, then production dependencies only', () => {
  it('installs no development dependency and no TypeScript', () => {
    for (const devOnly of ['tsx', 'typescript', 'esbuild', 'jest', 'node']) {
      expect([devOnly, existsSync(join(release, 'node_modules', devOnly))]).toEqual([devOnly, false]);
    }
    expect(readdirSync(join(release, 'dist', 'cli')).filter((file) => file.endsWith('.js'))).toEqual([
      'automation.js',
      'serve.js',
      'setup.js',
      'templates.js',
    ]);
  });

  it('serves a signed request', async () => {
    const response = await signedFetch({
      clientSecret: SANDBOX_CLIENT_SECRET,
      portalId: SANDBOX_PORTAL_ID,
      method: 'GET',
      url: `${backendUrl}/api/companies/1001/profile`,
    });
    expect(response.status).toBe(200);
    expect(response.body.profile).toMatchObject({ companyId: '1001', companyName: 'Acme Logistics' });
  });

  it('is live and ready: HubSpot answers with its token', async () => {
    expect((await fetch(`${backendUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${backendUrl}/readyz`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('refuses to start without an access token: no sandbox in production', async () => {
    const result = await npm(release, ['run', 'serve'], { PORT: '0' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/HUBSPOT_ACCESS_TOKEN: is required/);
  });
});
