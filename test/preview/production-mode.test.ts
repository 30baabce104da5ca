import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

/**
 * With HubSpot credentials set, `npm start` is the production backend: the preview (and its code) stays out.
 * Nothing here calls HubSpot: the backend only listens.
 */
let child: ChildProcessWithoutNullStreams;
let banner = '';
let backendUrl = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    env: {
      ...process.env,
      HUBSPOT_ACCESS_TOKEN: 'production-token',
      HUBSPOT_CLIENT_SECRET: 'production-client-secret',
      HUBSPOT_PORTAL_ID: '4242',
      HUBSPOT_API_BASE_URL: 'http://127.0.0.1:9',
      PORT: '0',
      LOG_LEVEL: 'warn',
    },
  });
  banner = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on port \d+/.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
  backendUrl = `http://127.0.0.1:${/listening on port (\d+)/.exec(banner)?.[1]}`;
}, 30_000);

afterAll(() => child?.kill('SIGKILL'));

it('serves no preview in production mode', async () => {
  expect(banner).not.toMatch(/preview/i);
  expect((await fetch(`${backendUrl}/healthz`)).status).toBe(200);
  const preview = await fetch(`${backendUrl}/preview/`);
  expect(preview.status).toBe(404);
  expect(await preview.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
});
