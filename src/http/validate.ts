import { toFieldErrors } from '@why-they-care/domain';
import { type z } from 'zod';

import { RequestError } from './request-errors';

/**
 * Parses with a zod schema, or fails with 400 and a message per field. `name` places the errors of a
 * value that is only part of the request (a path parameter, say) under its own name.
 */
export const parseOrReject = <T extends z.ZodType>(schema: T, value: unknown, name?: string): z.infer<T> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new RequestError('VALIDATION_FAILED', 'Some fields need fixing', { fields: toFieldErrors(result.error, name) });
};
