import { type FieldErrors, type Profile } from '@why-they-care/domain';

import { AppError } from '../lib/app-error';

export type ProfileErrorCode = 'VALIDATION_FAILED' | 'VERSION_CONFLICT' | 'COMPANY_NOT_FOUND' | 'PROFILE_UNREADABLE';

export class ProfileError extends AppError<ProfileErrorCode> {
  constructor(
    code: ProfileErrorCode,
    message: string,
    readonly extra: { fields?: FieldErrors; current?: Profile } = {},
  ) {
    super(code, message);
  }
}
