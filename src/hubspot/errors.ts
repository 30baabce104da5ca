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

export class HubSpotError extends Error {
  constructor(
    readonly code: HubSpotErrorCode,
    message: string,
    readonly details: { operation: string; status?: number; correlationId?: string; category?: string },
  ) {
    super(message);
    this.name = 'HubSpotError';
  }
}

/** The parts of an `ApiException` from @hubspot/api-client (or a raw response) that decide what to do. */
export type HubSpotFailure = { status: number | undefined; body: unknown };

type ErrorBody = { message?: unknown; correlationId?: unknown; category?: unknown; policyName?: unknown };

const bodyOf = (failure: HubSpotFailure): ErrorBody =>
  typeof failure.body === 'object' && failure.body !== null ? (failure.body as ErrorBody) : {};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const isTenSecondlyLimit = (failure: HubSpotFailure): boolean => {
  const body = bodyOf(failure);
  return (
    failure.status === 429 &&
    (body.policyName === 'TEN_SECONDLY_ROLLING' || body.message === 'You have reached your secondly limit.')
  );
};

export const isServerFailure = (failure: HubSpotFailure): boolean =>
  failure.status === undefined || failure.status >= 500;

export const toHubSpotError = (operation: string, failure: HubSpotFailure): HubSpotError => {
  const body = bodyOf(failure);
  const details = {
    operation,
    status: failure.status,
    correlationId: text(body.correlationId),
    category: text(body.category),
  };
  const hubspotMessage = text(body.message);
  const status = failure.status;
  if (status === 404) return new HubSpotError('HUBSPOT_NOT_FOUND', hubspotMessage ?? 'Not found in HubSpot', details);
  if (status === 429 && body.policyName === 'DAILY') {
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
