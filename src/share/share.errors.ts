import { AppError } from '../lib/app-error';

export type ShareErrorCode =
  | 'SHARE_NOT_CONFIGURED'
  | 'SHARE_NEEDS_HTTPS'
  | 'SHARE_LINK_INVALID'
  | 'SHARE_LINK_EXPIRED'
  | 'SHARE_LINK_REVOKED'
  | 'STEP_NOT_FOUND'
  | 'STEP_NOT_THEIRS'
  | 'SHARE_RATE_LIMITED';

export class ShareError extends AppError<ShareErrorCode> {}
