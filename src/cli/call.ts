import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';

import { BUCKET_VALUES, draftOf, type Profile } from '@why-they-care/domain';
import { randomUUID } from 'node:crypto';

import { type SignedCall, signedFetch } from '../http/signed-fetch';
import { commandEnv } from './sandbox-mode';

const USAGE = `Usage:
  npm run call -- METHOD PATH [BODY]          a request signed the way HubSpot signs it (BODY: JSON or @file.json)
  npm run call -- move COMPANY_ID BUCKET      load the profile, change its bucket, save it (${BUCKET_VALUES.join(' | ')})
Calls BACKEND_URL (default http://localhost:$PORT) as HubSpot account HUBSPOT_PORTAL_ID, signed with HUBSPOT_CLIENT_SECRET
(in sandbox mode: the sandbox's account and secret).`;

const env = commandEnv();
const backendUrl = (env.BACKEND_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');

const signedCall = (method: SignedCall['method'], path: string, body?: unknown) =>
  signedFetch({
    clientSecret: String(env.HUBSPOT_CLIENT_SECRET),
    portalId: String(env.HUBSPOT_PORTAL_ID),
    method,
    url: `${backendUrl}${path}`,
    body,
  });

const print = (result: { status: number; body: unknown }) => {
  console.log(`HTTP ${result.status}`);
  console.log(JSON.stringify(result.body, null, 2));
  if (result.status >= 400) process.exitCode = 1;
};

const move = async (companyId: string, bucket: string) => {
  const loaded = await signedCall('GET', `/api/companies/${companyId}/profile`);
  if (loaded.status !== 200) return print(loaded);
  const { profile } = loaded.body as { profile: Profile };
  return print(
    await signedCall('PUT', `/api/companies/${companyId}/profile`, {
      requestId: randomUUID(),
      expectedVersion: profile.version,
      profile: { ...draftOf(profile), whyTheyCare: { ...profile.whyTheyCare, bucket } },
    }),
  );
};

const main = async () => {
  const { positionals } = parseArgs({ allowPositionals: true });
  const [first, second, third] = positionals;
  if (first === 'move' && second && third) return move(second, third);
  if (!first || !second) return console.log(USAGE);
  const body =
    third === undefined ? undefined : JSON.parse(third.startsWith('@') ? readFileSync(third.slice(1), 'utf8') : third);
  return print(await signedCall(first.toUpperCase() as SignedCall['method'], second, body));
};

main().catch((error: unknown) => {
  console.error(
    `Could not reach the backend at ${backendUrl}: is it running (npm start)?`,
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
