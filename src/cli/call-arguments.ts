import { readFileSync } from 'node:fs';

import { type Bucket, BUCKETS, parseBucket } from '@why-they-care/domain';
import { type SignedCall } from '@why-they-care/hubspot-contract';

import { CommandError } from './run-command';

const BUCKET_KEYS = BUCKETS.map(({ value, label }) => `${value} ("${label}")`).join(', ');
const METHODS: readonly SignedCall['method'][] = ['GET', 'PUT', 'POST', 'DELETE'];

export const USAGE = `Usage:
  npm run call -- METHOD PATH [BODY]          a request signed the way HubSpot signs it (BODY: JSON or @file.json)
  npm run call -- move COMPANY_ID BUCKET      load the profile, change its bucket, save it
METHOD: ${METHODS.join(', ')}. PATH starts with /, like /api/companies/1001/profile. BUCKET: ${BUCKET_KEYS}.
Calls BACKEND_URL (default http://localhost:$PORT) as HubSpot account HUBSPOT_PORTAL_ID, signed with HUBSPOT_CLIENT_SECRET
(in sandbox mode: the sandbox's account and secret).`;

export const usageError = (message: string) =>
  new CommandError(`${message}\n(npm run call -- --help shows the usage)`, 2);

export type Request = { method: SignedCall['method']; path: string; body?: unknown };

const parseBody = (argument: string): unknown => {
  const fromFile = argument.startsWith('@');
  let text = argument;
  if (fromFile) {
    try {
      text = readFileSync(argument.slice(1), 'utf8');
    } catch (error) {
      throw new CommandError(`Cannot read the body file ${argument.slice(1)}: ${(error as Error).message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = fromFile ? `The file ${argument.slice(1)}` : `BODY ${argument}`;
    throw usageError(
      `${where} is not valid JSON (${(error as Error).message}). In a shell, quote it whole: '{"key": "value"}'.`,
    );
  }
};

/** METHOD PATH [BODY] as typed, checked: each mistake gets its own message. */
export const requestFrom = ([method, path, body, ...extra]: string[]): Request => {
  if (!method) throw usageError('Nothing to call: give a METHOD and a PATH, like GET /api/companies/1001/profile.');
  const verb = method.toUpperCase() as SignedCall['method'];
  if (!METHODS.includes(verb)) throw usageError(`Unknown method "${method}": use ${METHODS.join(', ')} or move.`);
  if (!path) throw usageError(`${verb} needs a PATH, like /api/companies/1001/profile.`);
  if (!path.startsWith('/')) throw usageError(`PATH must start with "/": did you mean /${path}?`);
  if (extra.length > 0)
    throw usageError(`Unexpected "${extra.join(' ')}" after the BODY: pass the JSON as one quoted argument.`);
  return { method: verb, path, body: body === undefined ? undefined : parseBody(body) };
};

const bucketFrom = (bucket: string | undefined): Bucket => {
  const known = parseBucket(bucket);
  if (known) return known;
  const problem = bucket === undefined ? 'move needs a BUCKET' : `Unknown bucket "${bucket}"`;
  throw usageError(`${problem}: type one of ${BUCKET_KEYS}.`);
};

/** `move COMPANY_ID BUCKET` as typed, checked: a bad bucket lists the keys to type. */
export const moveFrom = ([companyId, bucket, ...extra]: string[]) => {
  if (!companyId) throw usageError('move needs a COMPANY_ID and a BUCKET, like: move 1001 who_are_you.');
  const known = bucketFrom(bucket);
  if (extra.length > 0) throw usageError(`Unexpected "${extra.join(' ')}" after the BUCKET.`);
  return { companyId, bucket: known };
};
