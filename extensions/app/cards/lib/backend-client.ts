import { type FieldErrors, type Profile, profileSchema, type SaveProfileRequest } from '@why-they-care/domain';
import { hubspot } from '@hubspot/ui-extensions';
import { z } from 'zod';

/** HubSpot's default hubspot.fetch timeout; the backend answers well within it. */
export const FETCH_TIMEOUT_MS = 15_000;

export type BackendFailure =
  | { kind: 'conflict'; message: string; current: Profile }
  | { kind: 'invalid'; message: string; fields: FieldErrors }
  | { kind: 'busy'; message: string }
  | { kind: 'failed'; message: string };

export type BackendResult<T> = { ok: true; value: T } | { ok: false; failure: BackendFailure };

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
  current: profileSchema.optional(),
});
const profileBodySchema = z.object({ profile: profileSchema });

/**
 * HubSpot's proxy may hand the card its own envelope instead of the backend's answer: the local dev proxy
 * (`@hubspot/ui-extensions-dev-server`) answers `{status, responseBody, context: {appServerStatusCode: ['409']}}`,
 * with HTTP 200 for a backend status of 300 or more, and older notes show `appServerStatusCode` at the top level.
 * Production may behave like either, so the backend's own status and body are taken from wherever they are.
 */
const statusCodeSchema = z.union([z.coerce.number().int(), z.array(z.coerce.number().int()).nonempty()]);
const proxyEnvelopeSchema = z.object({
  responseBody: z.unknown(),
  appServerStatusCode: statusCodeSchema.optional(),
  context: z.object({ appServerStatusCode: statusCodeSchema.optional() }).optional(),
});

const parseIfText = (inner: unknown): unknown => {
  if (typeof inner !== 'string') return inner;
  try {
    return JSON.parse(inner);
  } catch {
    return inner;
  }
};

const unwrap = (status: number, body: unknown): { status: number; body: unknown } => {
  const envelope = proxyEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { status, body };
  const code = envelope.data.context?.appServerStatusCode ?? envelope.data.appServerStatusCode;
  if (code === undefined) return { status, body };
  return { status: Array.isArray(code) ? code[0] : code, body: parseIfText(envelope.data.responseBody) };
};

const readJson = async (response: Response): Promise<unknown> => {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
};

const failureOf = (status: number, body: unknown): BackendFailure => {
  const parsed = errorBodySchema.safeParse(body);
  const message = parsed.success ? parsed.data.error.message : `The Why They Care service answered ${status}`;
  if (status === 409 && parsed.success && parsed.data.current) {
    return { kind: 'conflict', message, current: parsed.data.current };
  }
  if (status === 400 && parsed.success && parsed.data.error.fields) {
    return { kind: 'invalid', message, fields: parsed.data.error.fields };
  }
  if (status === 429)
    return { kind: 'busy', message: 'HubSpot is handling many requests for this account: try again in a moment' };
  return { kind: 'failed', message };
};

/** One call to the backend through HubSpot's signed proxy; never throws, so the card always has an answer. */
const call = async (url: string, init: Parameters<typeof hubspot.fetch>[1]): Promise<BackendResult<Profile>> => {
  let response: Response;
  try {
    response = await hubspot.fetch(url, { timeout: FETCH_TIMEOUT_MS, ...init });
  } catch (error) {
    const timedOut = error instanceof Error && /timeout|timed out|abort/i.test(`${error.name} ${error.message}`);
    return {
      ok: false,
      failure: {
        kind: 'failed',
        message: timedOut
          ? 'The Why They Care service took too long to answer'
          : 'Could not reach the Why They Care service',
      },
    };
  }
  const { status, body } = unwrap(response.status, await readJson(response));
  if (status >= 200 && status < 300) {
    const parsed = profileBodySchema.safeParse(body);
    return parsed.success
      ? { ok: true, value: parsed.data.profile }
      : {
          ok: false,
          failure: { kind: 'failed', message: 'The Why They Care service sent an answer the card cannot read' },
        };
  }
  return { ok: false, failure: failureOf(status, body) };
};

/** Where the card reaches the backend: the BACKEND_URL project variable (see extensions/hsprofile.*.json). */
export const createBackendClient = (backendUrl: string) => {
  const profileUrl = (companyId: string | number) =>
    `${backendUrl.replace(/\/+$/, '')}/api/companies/${encodeURIComponent(String(companyId))}/profile`;
  return {
    load: (companyId: string | number) => call(profileUrl(companyId), { method: 'GET' }),
    save: (companyId: string | number, request: SaveProfileRequest) =>
      call(profileUrl(companyId), { method: 'PUT', body: request as unknown as Record<string, unknown> }),
  };
};

export type BackendClient = ReturnType<typeof createBackendClient>;
