import { type FieldErrors, type Profile } from '@why-they-care/domain';

export type ProfileErrorCode = 'VALIDATION_FAILED' | 'VERSION_CONFLICT' | 'COMPANY_NOT_FOUND';

export class ProfileError extends Error {
  constructor(
    readonly code: ProfileErrorCode,
    message: string,
    readonly extra: { fields?: FieldErrors; current?: Profile } = {},
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}
