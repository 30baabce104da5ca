import { toFieldErrors } from '@why-they-care/domain';
import { type z } from 'zod';

import { ApiError } from './api-error';

/** Parses with a zod schema, or fails with 400 and a message per field. */
export const parseOrReject = <T extends z.ZodType>(schema: T, value: unknown, prefix?: string): z.infer<T> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = toFieldErrors(result.error);
  const prefixed = prefix
    ? Object.fromEntries(
        Object.entries(fields).map(([path, messages]) => [`${prefix}.${path}`.replace(/\._$/, ''), messages]),
      )
    : fields;
  throw new ApiError('VALIDATION_FAILED', 'Some fields need fixing', { fields: prefixed });
};
