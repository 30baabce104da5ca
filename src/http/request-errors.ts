import { type FieldErrors } from '@why-they-care/domain';

import { AppError } from '../lib/app-error';

/** A request the API refuses before any feature sees it, or a body that fails its schema. */
export type RequestErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'BODY_UNREADABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NOT_FOUND'
  | 'WRONG_ACCOUNT';

export class RequestError extends AppError<RequestErrorCode> {
  constructor(
    code: RequestErrorCode,
    message: string,
    readonly extra: { fields?: FieldErrors } = {},
  ) {
    super(code, message);
  }
}

const BODY_PARSER_ERRORS: Record<string, { code: RequestErrorCode; message: string }> = {
  'entity.parse.failed': { code: 'MALFORMED_JSON', message: 'The body is not valid JSON' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: 'The body is larger than 1 MB' },
  'encoding.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported Content-Encoding: send the body uncompressed, or as gzip, deflate or br',
  },
  'charset.unsupported': { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The body must be UTF-8 JSON' },
};

/**
 * The body parser reports the client's mistakes as http-errors with a 4xx status: a named type for the
 * common ones, none for a body that fails to inflate (a zlib error) or an upload cut short. All of them
 * are the client's, so all are 4xx.
 */
export const fromBodyParser = (error: unknown): RequestError | null => {
  if (typeof error !== 'object' || error === null || !('status' in error) || !('expose' in error)) return null;
  const { status, expose } = error;
  if (!expose || typeof status !== 'number' || status < 400 || status >= 500) return null;
  const known = 'type' in error && typeof error.type === 'string' ? BODY_PARSER_ERRORS[error.type] : undefined;
  if (known) return new RequestError(known.code, known.message);
  return new RequestError(
    'BODY_UNREADABLE',
    'The body could not be read: it is not what its Content-Encoding says, or was cut short',
  );
};
