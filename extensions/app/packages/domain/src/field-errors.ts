import { type z } from 'zod';

import { type ProfileDraft, type SaveProfileRequest } from './profile.schema';

/** Messages per field path ("whyTheyCare.bucket"): the shape the API answers with and the card shows. */
export type FieldErrors = Record<string, string[]>;

/** Every dotted path into T, list items by index: what a field error can name. */
type PathsOf<T> = T extends readonly (infer Item)[]
  ? `${number}` | `${number}.${PathsOf<Item>}`
  : T extends object
    ? { [K in keyof T & string]: K | `${K}.${PathsOf<NonNullable<T[K]>>}` }[keyof T & string]
    : never;

/** A field of the draft the card edits, so a misspelt path in the card fails to compile. */
export type DraftFieldPath = PathsOf<ProfileDraft>;

/** The path that names a value with no fields of its own. */
const WHOLE_VALUE = '_';

/**
 * Flattens zod issues into path → messages. `under` places the errors of a value that is only part of a
 * request (a path parameter, say) under its own name; without it, an error on the value itself is "_".
 */
export const toFieldErrors = (error: z.ZodError, under?: string): FieldErrors => {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = [...(under ? [under] : []), ...issue.path.map(String)].join('.') || WHOLE_VALUE;
    (fields[path] ??= []).push(issue.message);
  }
  return fields;
};

/** Where a save request carries the draft: the API names a draft field `profile.<path>`, the card `<path>`. */
const DRAFT_IN_REQUEST = 'profile' satisfies keyof SaveProfileRequest;

export const requestFieldPath = (path: DraftFieldPath): string => `${DRAFT_IN_REQUEST}.${path}`;

/** A save's field errors as the card's fields name them; errors outside the draft keep their path. */
export const draftFieldErrors = (requestErrors: FieldErrors): FieldErrors =>
  Object.fromEntries(
    Object.entries(requestErrors).map(([path, messages]) => [
      path.startsWith(`${DRAFT_IN_REQUEST}.`) ? path.slice(DRAFT_IN_REQUEST.length + 1) : path,
      messages,
    ]),
  );
