import { randomUUID } from 'node:crypto';

import { type Response } from 'express';

/** HubSpot's error body: `{status, message, correlationId, category, errors?}`. */
export const sendHubSpotError = (
  res: Response,
  status: number,
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
) => {
  res.status(status).json({ status: 'error', message, correlationId: randomUUID(), category, ...extra });
};

export type InvalidValue = { name: string; code: string; message: string };

/** A 400 VALIDATION_ERROR in the shape HubSpot uses for refused property values. */
export const sendInvalidValues = (res: Response, invalid: readonly InvalidValue[]) => {
  const inner = invalid.map(({ name, code, message }) => ({ isValid: false, message, error: code, name }));
  sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(inner)}`, {
    errors: invalid.map(({ name, code, message }) => ({ message, code, context: { propertyName: [name] } })),
  });
};
