import { type Actor } from '@why-they-care/domain';
import { type NextFunction, type Request, type Response } from 'express';

import { RequestError } from './request-errors';

declare global {
  // Express's own extension point for what `res.locals` carries (declaration merging).
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** Who HubSpot says is calling: set below on every /api request, after the signature check. */
      actor: Actor;
    }
  }
}

/**
 * HubSpot appends the account (portalId) and the user to every signed URL. They are trusted only
 * after the signature check, and the account must be the one this backend serves.
 */
export const requireAccount = (portalId: string) => (req: Request, res: Response, next: NextFunction) => {
  const { portalId: requestPortal, userEmail, userId } = req.query;
  if (requestPortal !== portalId) {
    return next(new RequestError('WRONG_ACCOUNT', 'This backend does not serve that HubSpot account'));
  }
  res.locals.actor = {
    email: typeof userEmail === 'string' && userEmail ? userEmail : null,
    userId: typeof userId === 'string' && userId ? userId : null,
  };
  return next();
};
