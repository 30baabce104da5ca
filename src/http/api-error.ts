import { type FieldErrors } from '@why-they-care/domain';

import { type RequestErrorCode } from './request-errors';
import { type SignatureErrorCode } from './signature';

/** Every error code the API answers with: the contract the card and other callers read. */
export type ApiErrorCode =
  | RequestErrorCode
  | SignatureErrorCode
  | 'COMPANY_NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'PROFILE_UNREADABLE'
  | 'SHARE_NOT_CONFIGURED'
  | 'HUBSPOT_RATE_LIMITED'
  | 'HUBSPOT_DAILY_LIMIT'
  | 'HUBSPOT_UNAVAILABLE'
  | 'HUBSPOT_TIMEOUT'
  | 'HUBSPOT_MISCONFIGURED'
  | 'COORDINATION_UNAVAILABLE'
  | 'SAVE_BUSY'
  | 'INTERNAL';

/** The API's one error shape. */
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

/** What a failed request is answered with, before the request's correlation id is added. */
export type ErrorAnswer = {
  status: number;
  code: ApiErrorCode;
  message: string;
  fields?: FieldErrors;
  current?: unknown;
  hubspotCorrelationId?: string;
};
