import { stringify } from 'safe-stable-stringify';

/**
 * Comparing values by what they hold, not how they were written: keys sorted at every level, and
 * `asSet` for arrays whose order carries no meaning (HubSpot may return them in another order).
 */
export const canonicalKey = (value: unknown): string => stringify(value) ?? 'undefined';

export const sameCanonical = (a: unknown, b: unknown) => canonicalKey(a) === canonicalKey(b);

export const asSet = <T>(values: readonly T[]): T[] =>
  values
    .map((value) => ({ value, key: canonicalKey(value) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ value }) => value);
