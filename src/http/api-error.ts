import { type FieldErrors } from '@why-they-care/domain';

/** Every error the API answers with, and its HTTP status. */
export const API_ERROR_STATUS = {
  SIGNATURE_MISSING: 401,
  SIGNATURE_EXPIRED: 401,
  SIGNATURE_INVALID: 401,
  WRONG_ACCOUNT: 403,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BODY_UNREADABLE: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_FOUND: 404,
  COMPANY_NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  HUBSPOT_RATE_LIMITED: 503,
  HUBSPOT_DAILY_LIMIT: 503,
  HUBSPOT_UNAVAILABLE: 502,
  HUBSPOT_TIMEOUT: 504,
  HUBSPOT_MISCONFIGURED: 502,
  INTERNAL: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

export type ApiErrorBody = {
  error: {
    code: ApiErrorCode;
    message: string;
    correlationId: string;
    fields?: FieldErrors;
    hubspotCorrelationId?: string;
  };
  current?: unknown;
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { fields?: FieldErrors; current?: unknown; hubspotCorrelationId?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): number {
    return API_ERROR_STATUS[this.code];
  }
}
