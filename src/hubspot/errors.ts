import { isTenSecondlyLimitBody, RATE_LIMIT_POLICY, readErrorBody } from '@why-they-care/hubspot-contract';

import { AppError } from '../lib/app-error';

/** What can go wrong when talking to HubSpot, in terms the API and the admin can act on. */
export type HubSpotErrorCode =
  | 'HUBSPOT_NOT_FOUND'
  | 'HUBSPOT_RATE_LIMITED'
  | 'HUBSPOT_DAILY_LIMIT'
  | 'HUBSPOT_UNAVAILABLE'
  | 'HUBSPOT_TIMEOUT'
  | 'HUBSPOT_AUTH_FAILED'
  | 'HUBSPOT_FORBIDDEN'
  | 'HUBSPOT_CONFLICT'
  | 'HUBSPOT_REJECTED';

export class HubSpotError extends AppError<HubSpotErrorCode> {
  constructor(
    code: HubSpotErrorCode,
    message: string,
    readonly details: { operation: string; status?: number; correlationId?: string; category?: string },
  ) {
    super(code, message);
  }
}

/** The parts of an `ApiException` from @hubspot/api-client (or a raw response) that decide what to do. */
export type HubSpotFailure = { status: number | undefined; body: unknown };

export const isTenSecondlyLimit = (failure: HubSpotFailure): boolean =>
  failure.status === 429 && isTenSecondlyLimitBody(readErrorBody(failure.body));

export const isServerFailure = (failure: HubSpotFailure): boolean =>
  failure.status === undefined || failure.status >= 500;

export const toHubSpotError = (operation: string, failure: HubSpotFailure): HubSpotError => {
  const body = readErrorBody(failure.body);
  const details = { operation, status: failure.status, correlationId: body.correlationId, category: body.category };
  const hubspotMessage = body.message;
  const status = failure.status;
  if (status === 404) return new HubSpotError('HUBSPOT_NOT_FOUND', hubspotMessage ?? 'Not found in HubSpot', details);
  if (status === 429 && body.policyName === RATE_LIMIT_POLICY.daily) {
    return new HubSpotError('HUBSPOT_DAILY_LIMIT', 'The HubSpot account reached its daily API limit', details);
  }
  if (status === 429) return new HubSpotError('HUBSPOT_RATE_LIMITED', 'HubSpot is rate limiting the app', details);
  if (status === 401) {
    return new HubSpotError('HUBSPOT_AUTH_FAILED', 'HubSpot refused the access token', details);
  }
  if (status === 403) {
    return new HubSpotError('HUBSPOT_FORBIDDEN', hubspotMessage ?? 'The app lacks a scope or tier', details);
  }
  if (status === 409) return new HubSpotError('HUBSPOT_CONFLICT', hubspotMessage ?? 'Already exists', details);
  if (status !== undefined && status < 500) {
    return new HubSpotError('HUBSPOT_REJECTED', hubspotMessage ?? `HubSpot refused the request (${status})`, details);
  }
  return new HubSpotError('HUBSPOT_UNAVAILABLE', 'HubSpot is unavailable', details);
};

/** Reads the status and body of whatever the client threw (ApiException, fetch TypeError, ...). */
export const failureOf = (thrown: unknown): HubSpotFailure => {
  if (typeof thrown === 'object' && thrown !== null && 'code' in thrown && typeof thrown.code === 'number') {
    return { status: thrown.code, body: 'body' in thrown ? thrown.body : undefined };
  }
  return { status: undefined, body: undefined };
};
