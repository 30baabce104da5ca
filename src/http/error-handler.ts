import { type ErrorRequestHandler, type RequestHandler } from 'express';

import { HubSpotError } from '../hubspot/errors';
import { type ApiErrorBody, type ErrorAnswer } from './api-error';
import { fromBodyParser, RequestError } from './request-errors';

/**
 * Turns anything thrown into the API's one error shape, `{ error: { code, message, fields? } }`, with the
 * status `answerFor` gives (the app composition knows every module's codes; this layer knows none of them).
 * A server-side failure is logged with its stack, a refused request in one line.
 */
export const errorHandler =
  (answerFor: (error: unknown) => ErrorAnswer): ErrorRequestHandler =>
  (error, req, res, _next) => {
    const answer = answerFor(fromBodyParser(error) ?? error);
    const log = req.log;
    if (answer.status >= 500) {
      log?.error(
        { err: error, code: answer.code, hubspot: error instanceof HubSpotError ? error.details : undefined },
        answer.message,
      );
    } else {
      log?.info({ code: answer.code }, answer.message);
    }
    const body: ApiErrorBody = {
      error: {
        code: answer.code,
        message: answer.message,
        correlationId: String(req.id ?? ''),
        ...(answer.fields ? { fields: answer.fields } : {}),
        ...(answer.hubspotCorrelationId ? { hubspotCorrelationId: answer.hubspotCorrelationId } : {}),
      },
      ...(answer.current ? { current: answer.current } : {}),
    };
    res.status(answer.status).json(body);
  };

export const notFoundHandler: RequestHandler = (req, _res, next) =>
  next(new RequestError('NOT_FOUND', `No route ${req.method} ${req.path}`));
