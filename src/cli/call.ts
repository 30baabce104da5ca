import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';

import { BUCKET_VALUES, type Profile } from '@why-they-care/domain';
import { randomUUID } from 'node:crypto';

import { signV3 } from '../http/signature';
import { commandEnv } from './sandbox-mode';

const USAGE = `Usage:
  npm run call -- METHOD PATH [BODY]          a request signed the way HubSpot signs it (BODY: JSON or @file.json)
  npm run call -- move COMPANY_ID BUCKET      load the profile, change its bucket, save it (${BUCKET_VALUES.join(' | ')})
Calls BACKEND_URL (default http://localhost:$PORT) as HubSpot account HUBSPOT_PORTAL_ID, signed with HUBSPOT_CLIENT_SECRET
(in sandbox mode: the sandbox's account and secret).`;

const env = commandEnv();
const backendUrl = (env.BACKEND_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');

/** Sends one request to the backend with HubSpot's v3 signature and the query HubSpot appends. */
const signedCall = async (method: string, path: string, body?: unknown) => {
  const separator = path.includes('?') ? '&' : '?';
  const url = `${backendUrl}${path}${separator}userId=1&userEmail=${encodeURIComponent('you@example.com')}&appId=1&portalId=${env.HUBSPOT_PORTAL_ID}`;
  const rawBody = body === undefined ? '' : JSON.stringify(body);
  const timestamp = String(Date.now());
  const signature = signV3({
    clientSecret: String(env.HUBSPOT_CLIENT_SECRET),
    method,
    uri: url,
    body: rawBody,
    timestamp,
  });
  const response = await fetch(url, {
    method,
    headers: {
      'X-HubSpot-Signature-v3': signature,
      'X-HubSpot-Request-Timestamp': timestamp,
      ...(rawBody ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(rawBody ? { body: rawBody } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
};

const print = (result: { status: number; json: unknown }) => {
  console.log(`HTTP ${result.status}`);
  console.log(JSON.stringify(result.json, null, 2));
  if (result.status >= 400) process.exitCode = 1;
};

const move = async (companyId: string, bucket: string) => {
  const loaded = await signedCall('GET', `/api/companies/${companyId}/profile`);
  if (loaded.status !== 200) return print(loaded);
  const { profile } = loaded.json as { profile: Profile };
  const { whyTheyCare, desiredOutcome, successPlan, health, renewalDate } = profile;
  return print(
    await signedCall('PUT', `/api/companies/${companyId}/profile`, {
      requestId: randomUUID(),
      expectedVersion: profile.version,
      profile: { whyTheyCare: { ...whyTheyCare, bucket }, desiredOutcome, successPlan, health, renewalDate },
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
  return print(await signedCall(first.toUpperCase(), second, body));
};

main().catch((error: unknown) => {
  console.error(
    `Could not reach the backend at ${backendUrl}: is it running (npm start)?`,
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
