import { z } from 'zod';

/**
 * HubSpot's error body: `{status: 'error', message, correlationId, category, ...}`. Read leniently: a field
 * of another type counts as absent, and a body that is not JSON (a 502 HTML page) reads as empty.
 */
const optionalText = z.string().optional().catch(undefined);
export const errorBodySchema = z
  .object({
    message: optionalText,
    correlationId: optionalText,
    category: optionalText,
    /** Only on 429s: which limit was reached. */
    policyName: optionalText,
  })
  .catch({});

export type ErrorBody = z.infer<typeof errorBodySchema>;

export const readErrorBody = (body: unknown): ErrorBody => errorBodySchema.parse(body);

/** The limits a 429 names: the app's rolling ten-second budget, or the account's daily one. */
export const RATE_LIMIT_POLICY = { tenSecondly: 'TEN_SECONDLY_ROLLING', daily: 'DAILY' } as const;
export type RateLimitPolicy = (typeof RATE_LIMIT_POLICY)[keyof typeof RATE_LIMIT_POLICY];

/** CRM search's own per-second limit: its 429 names no policy, only this message. */
export const SEARCH_SECONDLY_LIMIT_MESSAGE = 'You have reached your secondly limit.';

/** A 429 as HubSpot answers it when a named limit is reached. */
export const rateLimitBody = (policyName: RateLimitPolicy) => ({
  status: 'error' as const,
  message: `You have reached your ${policyName.toLowerCase()} limit.`,
  errorType: 'RATE_LIMIT' as const,
  policyName,
});

/** A 429 from CRM search's per-second limit. */
export const searchRateLimitBody = () => ({
  status: 'error' as const,
  message: SEARCH_SECONDLY_LIMIT_MESSAGE,
  errorType: 'RATE_LIMIT' as const,
});

export const isTenSecondlyLimitBody = (body: ErrorBody) =>
  body.policyName === RATE_LIMIT_POLICY.tenSecondly || body.message === SEARCH_SECONDLY_LIMIT_MESSAGE;

/** Any other error, `extra` holding what some errors add (`errors`, `context`). */
export const errorBody = (error: {
  category: string;
  message: string;
  correlationId: string;
  extra?: Record<string, unknown>;
}) => ({
  status: 'error' as const,
  message: error.message,
  correlationId: error.correlationId,
  category: error.category,
  ...error.extra,
});

/** A property value HubSpot refused, with its error code (`INVALID_OPTION`, `INVALID_DATE`, ...). */
export type InvalidPropertyValue = { name: string; code: string; message: string };

/** The 400 VALIDATION_ERROR HubSpot answers when property values are refused: every bad value, twice over. */
export const invalidPropertyValuesError = (invalid: readonly InvalidPropertyValue[]) => {
  const inner = invalid.map(({ name, code, message }) => ({ isValid: false, message, error: code, name }));
  return {
    category: 'VALIDATION_ERROR',
    message: `Property values were not valid: ${JSON.stringify(inner)}`,
    extra: { errors: invalid.map(({ name, code, message }) => ({ message, code, context: { propertyName: [name] } })) },
  };
};
