import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { draftOf, type Profile, PROPERTY_DEFINITIONS } from '@why-they-care/domain';
import { signedFetch } from '@why-they-care/hubspot-contract';

import { SANDBOX_ACCESS_TOKEN, SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { appWorkflowNames, desiredLists } from '../../src/setup/desired-state';
import { runCli } from '../support/cli';
import { startApp } from '../support/started-app';

/**
 * The newcomer's path, over real HTTP: `npm start` with no credentials (sandbox + backend + setup),
 * signed API calls, and the sandbox's own state checked after each step.
 */
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
let app: Awaited<ReturnType<typeof startApp>>;
let backendUrl = '';
let sandboxUrl = '';

type Json = Record<string, unknown>;
const signed = async (method: 'GET' | 'PUT', path: string, body?: unknown) => {
  const response = await signedFetch({
    clientSecret: SANDBOX_CLIENT_SECRET,
    portalId: SANDBOX_PORTAL_ID,
    method,
    url: `${backendUrl}${path}`,
    body,
    userEmail: 'am@example.com',
  });
  return response as { status: number; body: Json };
};

const sandboxGet = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${sandboxUrl}${path}`, {
    headers: { Authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

type SandboxCompany = { properties: Record<string, string | null> };
const APP_PROPERTIES =
  'properties=wtc_bucket&properties=wtc_answer&properties=wtc_version&properties=wtc_last_reviewed_by&properties=wtc_re_recruit_task_key';
const company = (id: string) => sandboxGet<SandboxCompany>(`/crm/v3/objects/companies/${id}?${APP_PROPERTIES}`);
beforeAll(async () => {
  app = await startApp();
  ({ backendUrl, sandboxUrl } = app);
  expect(app.banner).toMatch(/SANDBOX MODE/);
  // Direct mode: the property group, every property and every list; the workflows skipped.
  const installed = 1 + PROPERTY_DEFINITIONS.length + desiredLists().length;
  expect(app.banner).toContain(
    `Setup: ${installed} created, 0 updated, 0 unchanged, 0 CONFLICT, ${appWorkflowNames().length} skipped`,
  );
  expect(app.banner).toMatch(/Preview\s+http:\/\/localhost:\d+\/preview\//);
}, 40_000);

afterAll(() => app?.cleanUp());

describe('npm start with no HubSpot credentials', () => {
  let version = 0;
  let profile: Record<string, unknown> = {};

  it('loads a seeded profile', async () => {
    const loaded = await signed('GET', '/api/companies/1001/profile');
    expect(loaded.status).toBe(200);
    profile = loaded.body.profile as Json;
    version = profile.version as number;
    expect(profile).toMatchObject({ companyName: 'Acme Logistics', version: 1, whyTheyCare: { bucket: 'need_you' } });
  });

  it('saves an edit: the sandbox holds the new answer, version and reviewer', async () => {
    const draft = draftOf(profile as unknown as Profile);
    const saved = await signed('PUT', '/api/companies/1001/profile', {
      requestId: 'e2e-save-00001',
      expectedVersion: version,
      profile: { ...draft, whyTheyCare: { ...draft.whyTheyCare, answer: 'We route every truck with you.' } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.result).toBe('saved');
    expect((await company('1001')).properties).toMatchObject({
      wtc_answer: 'We route every truck with you.',
      wtc_version: '2',
      wtc_last_reviewed_by: 'am@example.com',
    });
    profile = saved.body.profile as Json;
  });

  it('refuses a save made from a stale version with 409 and leaves the sandbox as it was', async () => {
    const before = await company('1001');
    const stale = await signed('PUT', '/api/companies/1001/profile', {
      requestId: 'e2e-save-00002',
      expectedVersion: 1,
      profile: draftOf(profile as unknown as Profile),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2 });
    expect(await company('1001')).toEqual(before);
  });

  it('refuses bad input with 400 field messages and writes nothing', async () => {
    const before = await company('1001');
    const bad = await signed('PUT', '/api/companies/1001/profile', {
      requestId: 'e2e-save-00003',
      expectedVersion: 2,
      profile: { ...draftOf(profile as unknown as Profile), renewalDate: 'next spring' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      fields: { 'profile.renewalDate': ['Must be a real date in the form YYYY-MM-DD'] },
    });
    expect(await company('1001')).toEqual(before);
  });

  it('moves the company to "Who are you?" and the re-recruit task appears for its manager', async () => {
    const draft = draftOf(profile as unknown as Profile);
    const moved = await signed('PUT', '/api/companies/1001/profile', {
      requestId: 'e2e-save-00004',
      expectedVersion: 2,
      profile: { ...draft, whyTheyCare: { ...draft.whyTheyCare, bucket: 'who_are_you' } },
    });
    expect(moved.status).toBe(200);
    expect((await company('1001')).properties).toMatchObject({
      wtc_bucket: 'who_are_you',
      wtc_re_recruit_task_key: 're_recruit:1001:v3',
    });
    const tasks = await sandboxGet<{ results: { properties: Record<string, string>; associations: unknown }[] }>(
      '/crm/v3/objects/tasks?properties=hs_task_subject&properties=hubspot_owner_id',
    );
    expect(tasks.results).toHaveLength(1);
    expect(tasks.results[0]?.properties).toMatchObject({
      hs_task_subject: 'Acme Logistics: Re-recruit: the customer asked "Who are you?"',
      hubspot_owner_id: '501',
    });
    expect(tasks.results[0]?.associations).toEqual({
      companies: { results: [{ id: '1001', type: 'task_to_company' }] },
    });
  });

  it('reruns setup against the sandbox and changes nothing', async () => {
    const lists = async () =>
      Promise.all(
        ['We need you', 'Who are you?', 'Not asked in 90 days'].map((name) =>
          sandboxGet(
            `/crm/v3/lists/object-type-id/0-2/name/${encodeURIComponent(`[Why They Care] ${name}`)}?includeFilters=true`,
          ),
        ),
      );
    const before = { properties: await sandboxGet('/crm/v3/properties/companies'), lists: await lists() };
    const port = new URL(sandboxUrl).port;
    const { stdout } = await promisify(execFile)(TSX, ['src/cli/setup.ts'], {
      env: { ...app.env, SANDBOX_PORT: port },
    });
    const installed = 1 + PROPERTY_DEFINITIONS.length + desiredLists().length;
    expect(stdout).toContain(
      `Summary: 0 created, 0 updated, ${installed} unchanged, 0 CONFLICT, ${appWorkflowNames().length} skipped`,
    );
    expect({ properties: await sandboxGet('/crm/v3/properties/companies'), lists: await lists() }).toEqual(before);
  }, 30_000);

  it('serves the live preview on the same port: the page, and the sandbox as it is now', async () => {
    const page = await fetch(`${backendUrl}/preview/companies/1001`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('"view":{"page":"company","companyId":"1001"}');
    const companies = (await (await fetch(`${backendUrl}/preview/data/companies`)).json()) as {
      companies: { name: string; bucket: string }[];
    };
    expect(companies.companies).toContainEqual(
      // Moved by the save above.
      expect.objectContaining({ name: 'Acme Logistics', bucket: 'Who are you?' }),
    );
  });

  it('keeps its sandbox data from npm run sandbox -- --reset while it runs', async () => {
    const refused = await runCli('src/cli/sandbox.ts', ['--reset'], { SANDBOX_DATA_FILE: app.env.SANDBOX_DATA_FILE });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/stop npm start \(or npm run sandbox\) first, then reset/);
    expect(existsSync(app.env.SANDBOX_DATA_FILE)).toBe(true);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => app.child.on('exit', resolve));
    app.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
