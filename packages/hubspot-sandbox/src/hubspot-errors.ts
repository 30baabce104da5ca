import { randomUUID } from 'node:crypto';

import { errorBody, type InvalidPropertyValue, invalidPropertyValuesError } from '@why-they-care/hubspot-contract';
import { type Response } from 'express';

/** HubSpot's error body, with a fresh correlation id; `extra` holds what some errors add. */
export const sendHubSpotError = (
  res: Response,
  status: number,
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
) => {
  res.status(status).json(errorBody({ category, message, correlationId: randomUUID(), extra }));
};

/** A 400 VALIDATION_ERROR in the shape HubSpot uses for refused property values. */
export const sendInvalidValues = (res: Response, invalid: readonly InvalidPropertyValue[]) => {
  const { category, message, extra } = invalidPropertyValuesError(invalid);
  sendHubSpotError(res, 400, category, message, extra);
};
