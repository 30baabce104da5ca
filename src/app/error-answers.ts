import { type AutomationErrorCode } from '../automation/workflow-guard';
import { type ConfigErrorCode } from '../config/env';
import { type CoordinationErrorCode } from '../coordination/coordination.errors';
import { HubSpotError, type HubSpotErrorCode } from '../hubspot/errors';
import { type ApiErrorCode, type ErrorAnswer } from '../http/api-error';
import { RequestError, type RequestErrorCode } from '../http/request-errors';
import { type SignatureErrorCode } from '../http/signature';
import { AppError } from '../lib/app-error';
import { ProfileError, type ProfileErrorCode } from '../profile/profile.errors';
import { type ShareErrorCode } from '../share/share.errors';
import { type TemplatesErrorCode } from '../templates/plan-templates.store';

/** Every code of every module a request can run into. The commands' own codes end as exit codes instead. */
type AnsweredCode =
  | ProfileErrorCode
  | ShareErrorCode
  | TemplatesErrorCode
  | RequestErrorCode
  | SignatureErrorCode
  | HubSpotErrorCode
  | ConfigErrorCode
  | AutomationErrorCode
  | CoordinationErrorCode
  | 'PORT_UNAVAILABLE';

type Answer = {
  status: number;
  code: ApiErrorCode;
  /** Said instead of the error's own message where that one is written for the logs, not the user. */
  message?: string;
};

const INTERNAL = { status: 500, code: 'INTERNAL', message: 'Something went wrong on our side' } as const;

/** The codes the API passes on as they are, with the error's own message, by HTTP status. */
const AS_IS = {
  400: ['VALIDATION_FAILED', 'MALFORMED_JSON', 'BODY_UNREADABLE'],
  401: ['SIGNATURE_MISSING', 'SIGNATURE_EXPIRED', 'SIGNATURE_INVALID'],
  403: ['WRONG_ACCOUNT'],
  404: ['NOT_FOUND', 'COMPANY_NOT_FOUND'],
  409: ['VERSION_CONFLICT', 'PROFILE_UNREADABLE'],
  413: ['PAYLOAD_TOO_LARGE'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
  503: ['SHARE_NOT_CONFIGURED'],
} as const satisfies Record<number, readonly (AnsweredCode & ApiErrorCode)[]>;

type AsIsCode = (typeof AS_IS)[keyof typeof AS_IS][number];

/**
 * Every other code, said in the caller's terms. With AS_IS, the one place a code becomes an HTTP status:
 * `satisfies` makes the pair exhaustive, so a new code in any module's union fails to compile until it is
 * answered in one of them.
 */
const TRANSLATED = {
  // src/templates: the admin's to fix, said as the error says it
  TEMPLATES_STORE_REFUSED: { status: 502, code: 'HUBSPOT_MISCONFIGURED' },
  TEMPLATES_INVALID: { status: 502, code: 'HUBSPOT_MISCONFIGURED' },
  SHARE_NEEDS_HTTPS: { status: 503, code: 'SHARE_NOT_CONFIGURED' },
  // The customer's page answers these itself (src/share/share.routes.ts); the card's API never raises them.
  SHARE_LINK_INVALID: INTERNAL,
  SHARE_LINK_EXPIRED: INTERNAL,
  SHARE_LINK_REVOKED: INTERNAL,
  STEP_NOT_FOUND: INTERNAL,
  STEP_NOT_THEIRS: INTERNAL,
  SHARE_RATE_LIMITED: INTERNAL,
  // src/hubspot: what the user can do about it; the HubSpot details stay in the log
  HUBSPOT_NOT_FOUND: { status: 404, code: 'NOT_FOUND', message: 'Not found in HubSpot' },
  HUBSPOT_RATE_LIMITED: {
    status: 503,
    code: 'HUBSPOT_RATE_LIMITED',
    message: 'HubSpot is busy: try again in a few seconds',
  },
  HUBSPOT_DAILY_LIMIT: {
    status: 503,
    code: 'HUBSPOT_DAILY_LIMIT',
    message: 'The HubSpot account used up its API calls for today: try again tomorrow',
  },
  HUBSPOT_UNAVAILABLE: {
    status: 502,
    code: 'HUBSPOT_UNAVAILABLE',
    message: 'HubSpot is unavailable: try again shortly',
  },
  HUBSPOT_TIMEOUT: { status: 504, code: 'HUBSPOT_TIMEOUT', message: 'HubSpot took too long to answer: try again' },
  HUBSPOT_AUTH_FAILED: {
    status: 502,
    code: 'HUBSPOT_MISCONFIGURED',
    message: 'The app cannot sign in to HubSpot: ask your admin',
  },
  HUBSPOT_FORBIDDEN: {
    status: 502,
    code: 'HUBSPOT_MISCONFIGURED',
    message: 'The app lacks a HubSpot permission: ask your admin',
  },
  HUBSPOT_CONFLICT: {
    status: 502,
    code: 'HUBSPOT_MISCONFIGURED',
    message: 'HubSpot reported a conflict: ask your admin',
  },
  HUBSPOT_REJECTED: {
    status: 502,
    code: 'HUBSPOT_MISCONFIGURED',
    message: 'HubSpot refused the data: the app may not be installed on this account (run setup)',
  },
  COORDINATION_UNAVAILABLE: {
    status: 503,
    code: 'COORDINATION_UNAVAILABLE',
    message: 'Saving is paused for a moment (the backend cannot coordinate its instances): try again shortly',
  },
  LOCK_LOST: {
    status: 503,
    code: 'COORDINATION_UNAVAILABLE',
    message: 'The save was interrupted before anything was written: try again',
  },
  LOCK_BUSY: { status: 503, code: 'SAVE_BUSY', message: 'Another save of this company is taking long: try again' },
  // Raised at start or by the scheduled run, not by a request: a bug if one ever gets here.
  CONFIG_INVALID: INTERNAL,
  APP_WORKFLOWS_ON: INTERNAL,
  PORT_UNAVAILABLE: INTERNAL,
} as const satisfies Record<Exclude<AnsweredCode, AsIsCode>, Answer>;

const ANSWERED_AS_IS = new Map<string, Answer>(
  Object.entries(AS_IS).flatMap(([status, codes]) =>
    codes.map((code: AsIsCode) => [code, { status: Number(status), code }] as const),
  ),
);

const isTranslated = (code: string): code is keyof typeof TRANSLATED => Object.hasOwn(TRANSLATED, code);

const answerTo = (code: string): Answer | undefined =>
  isTranslated(code) ? TRANSLATED[code] : ANSWERED_AS_IS.get(code);

/** What the error carries for the caller besides its code and message. */
const detailsOf = (error: AppError): Pick<ErrorAnswer, 'fields' | 'current' | 'hubspotCorrelationId'> => {
  if (error instanceof ProfileError || error instanceof RequestError) return error.extra;
  if (error instanceof HubSpotError) return { hubspotCorrelationId: error.details.correlationId };
  return {};
};

/** The HTTP answer to anything a request threw; what no module raised on purpose is a 500 that says nothing more. */
export const answerFor = (error: unknown): ErrorAnswer => {
  if (!(error instanceof AppError)) return INTERNAL;
  const answer = answerTo(error.code);
  return answer ? { ...answer, message: answer.message ?? error.message, ...detailsOf(error) } : INTERNAL;
};
