import { type ErrorRequestHandler, type RequestHandler } from 'express';

import { HubSpotError, type HubSpotErrorCode } from '../hubspot/errors';
import { ProfileError } from '../profile/profile.errors';
import { ApiError, type ApiErrorBody, type ApiErrorCode } from './api-error';

const FROM_HUBSPOT: Record<HubSpotErrorCode, { code: ApiErrorCode; message: string }> = {
  HUBSPOT_NOT_FOUND: { code: 'NOT_FOUND', message: 'Not found in HubSpot' },
  HUBSPOT_RATE_LIMITED: { code: 'HUBSPOT_RATE_LIMITED', message: 'HubSpot is busy: try again in a few seconds' },
  HUBSPOT_DAILY_LIMIT: {
    code: 'HUBSPOT_DAILY_LIMIT',
    message: 'The HubSpot account used up its API calls for today: try again tomorrow',
  },
  HUBSPOT_UNAVAILABLE: { code: 'HUBSPOT_UNAVAILABLE', message: 'HubSpot is unavailable: try again shortly' },
  HUBSPOT_TIMEOUT: { code: 'HUBSPOT_TIMEOUT', message: 'HubSpot took too long to answer: try again' },
  HUBSPOT_AUTH_FAILED: { code: 'HUBSPOT_MISCONFIGURED', message: 'The app cannot sign in to HubSpot: ask your admin' },
  HUBSPOT_FORBIDDEN: { code: 'HUBSPOT_MISCONFIGURED', message: 'The app lacks a HubSpot permission: ask your admin' },
  HUBSPOT_CONFLICT: { code: 'HUBSPOT_MISCONFIGURED', message: 'HubSpot reported a conflict: ask your admin' },
  HUBSPOT_REJECTED: {
    code: 'HUBSPOT_MISCONFIGURED',
    message: 'HubSpot refused the data: the app may not be installed on this account (run setup)',
  },
};

const BODY_PARSER_ERRORS: Record<string, { code: ApiErrorCode; message: string }> = {
  'entity.parse.failed': { code: 'MALFORMED_JSON', message: 'The body is not valid JSON' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: 'The body is larger than 1 MB' },
  'encoding.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported Content-Encoding: send the body uncompressed, or as gzip, deflate or br',
  },
  'charset.unsupported': { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The body must be UTF-8 JSON' },
};

/**
 * The body parser reports the client's mistakes as http-errors with a 4xx status: a named type for the
 * common ones, none for a body that fails to inflate (a zlib error) or an upload cut short. All of them
 * are the client's, so all are 4xx.
 */
const fromBodyParser = (error: unknown): ApiError | null => {
  if (typeof error !== 'object' || error === null || !('status' in error) || !('expose' in error)) return null;
  const { status, expose } = error;
  if (!expose || typeof status !== 'number' || status < 400 || status >= 500) return null;
  const known = 'type' in error && typeof error.type === 'string' ? BODY_PARSER_ERRORS[error.type] : undefined;
  if (known) return new ApiError(known.code, known.message);
  return new ApiError(
    'BODY_UNREADABLE',
    'The body could not be read: it is not what its Content-Encoding says, or was cut short',
  );
};

/** Turns anything thrown into the API's one error shape: `{ error: { code, message, fields? } }`. */
const toApiError = (error: unknown): ApiError => {
  if (error instanceof ApiError) return error;
  if (error instanceof ProfileError) {
    return new ApiError(error.code, error.message, { fields: error.extra.fields, current: error.extra.current });
  }
  if (error instanceof HubSpotError) {
    const mapped = FROM_HUBSPOT[error.code];
    return new ApiError(mapped.code, mapped.message, { hubspotCorrelationId: error.details.correlationId });
  }
  return fromBodyParser(error) ?? new ApiError('INTERNAL', 'Something went wrong on our side');
};

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const apiError = toApiError(error);
  const correlationId = String(req.id ?? '');
  const log = req.log;
  if (apiError.status >= 500) {
    log?.error(
      { err: error, code: apiError.code, hubspot: error instanceof HubSpotError ? error.details : undefined },
      apiError.message,
    );
  } else {
    log?.info({ code: apiError.code }, apiError.message);
  }
  const body: ApiErrorBody = {
    error: {
      code: apiError.code,
      message: apiError.message,
      correlationId,
      ...(apiError.extra.fields ? { fields: apiError.extra.fields } : {}),
      ...(apiError.extra.hubspotCorrelationId ? { hubspotCorrelationId: apiError.extra.hubspotCorrelationId } : {}),
    },
    ...(apiError.extra.current ? { current: apiError.extra.current } : {}),
  };
  res.status(apiError.status).json(body);
};

export const notFoundHandler: RequestHandler = (req, _res, next) =>
  next(new ApiError('NOT_FOUND', `No route ${req.method} ${req.path}`));
