import {
  type FieldErrors,
  planTemplatesSchema,
  profileSchema,
  type SaveProfileRequest,
  shareLinkAnswerSchema,
} from '@why-they-care/domain';
import { hubspot } from '@hubspot/ui-extensions';
import { z } from 'zod';

/** HubSpot's default hubspot.fetch timeout; the backend answers well within it. */
export const FETCH_TIMEOUT_MS = 15_000;

export type BackendFailure =
  | { kind: 'conflict'; message: string; current: z.infer<typeof profileSchema> }
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
const templatesBodySchema = z.object({ templates: planTemplatesSchema });

/**
 * HubSpot's proxy may hand the card its own envelope instead of the backend's answer: the local dev proxy
 * (`@hubspot/ui-extensions-dev-server`) answers `{status, responseBody, context: {appServerStatusCode: ['409']}}`,
 * with HTTP 200 for a backend status of 300 or more, and older notes show `appServerStatusCode` at the top level.
 * Production may behave like either, so the backend's own status and body are taken from wherever they are.
 */
const statusCode = z.coerce.number().int();
const statusCodeSchema = z.union([statusCode, z.tuple([statusCode], statusCode)]);
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

/**
 * One call to the backend through HubSpot's signed proxy, its answer read with `body`; never throws, so the
 * card and the home page always have an answer.
 */
export const callBackend = async <T>(
  url: string,
  init: Parameters<typeof hubspot.fetch>[1],
  body: z.ZodType<T>,
): Promise<BackendResult<T>> => {
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
  const answer = unwrap(response.status, await readJson(response));
  const { status } = answer;
  if (status >= 200 && status < 300) {
    const parsed = body.safeParse(answer.body);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : {
          ok: false,
          failure: { kind: 'failed', message: 'The Why They Care service sent an answer the app cannot read' },
        };
  }
  return { ok: false, failure: failureOf(status, answer.body) };
};

const mapped = async <T, U>(result: Promise<BackendResult<T>>, pick: (value: T) => U): Promise<BackendResult<U>> => {
  const settled = await result;
  return settled.ok ? { ok: true, value: pick(settled.value) } : settled;
};

/** Where the card and the home page reach the backend's API: the BACKEND_URL project variable (extensions/hsprofile.*.json). */
export const apiBase = (backendUrl: string) => `${backendUrl.replace(/\/+$/, '')}/api`;

export const createBackendClient = (backendUrl: string) => {
  const api = apiBase(backendUrl);
  const companyUrl = (companyId: string | number, part: 'profile' | 'share') =>
    `${api}/companies/${encodeURIComponent(String(companyId))}/${part}`;
  const profile = (result: Promise<BackendResult<z.infer<typeof profileBodySchema>>>) =>
    mapped(result, (value) => value.profile);
  const share = (companyId: string | number, method: 'GET' | 'POST' | 'DELETE') =>
    mapped(callBackend(companyUrl(companyId, 'share'), { method }, shareLinkAnswerSchema), (value) => value.link);
  return {
    load: (companyId: string | number) =>
      profile(callBackend(companyUrl(companyId, 'profile'), { method: 'GET' }, profileBodySchema)),
    save: (companyId: string | number, request: SaveProfileRequest) =>
      profile(callBackend(companyUrl(companyId, 'profile'), { method: 'PUT', body: request }, profileBodySchema)),
    shareLink: (companyId: string | number) => share(companyId, 'GET'),
    createShareLink: (companyId: string | number) => share(companyId, 'POST'),
    revokeShareLink: (companyId: string | number) => share(companyId, 'DELETE'),
    planTemplates: () =>
      mapped(callBackend(`${api}/plan-templates`, { method: 'GET' }, templatesBodySchema), (value) => value.templates),
  };
};

export type BackendClient = ReturnType<typeof createBackendClient>;
