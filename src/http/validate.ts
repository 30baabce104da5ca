import { toFieldErrors } from '@why-they-care/domain';
import { type z } from 'zod';

import { ApiError } from './api-error';

/** Where a field error sits under `name` ("_" is the value itself, as toFieldErrors names it). */
const under = (name: string, path: string) => (path === '_' ? name : `${name}.${path}`);

/**
 * Parses with a zod schema, or fails with 400 and a message per field. `name` places the errors of a
 * value that is only part of the request (a path parameter, say) under its own name.
 */
export const parseOrReject = <T extends z.ZodType>(schema: T, value: unknown, name?: string): z.infer<T> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = toFieldErrors(result.error);
  const named = name
    ? Object.fromEntries(Object.entries(fields).map(([path, messages]) => [under(name, path), messages]))
    : fields;
  throw new ApiError('VALIDATION_FAILED', 'Some fields need fixing', { fields: named });
};
