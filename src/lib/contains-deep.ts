/**
 * True when `actual` holds everything `expected` has (extra keys in `actual` are fine). HubSpot adds
 * ids, timestamps and defaults to what it stores, so setup compares only what it asked for.
 */
export const containsDeep = (actual: unknown, expected: unknown): boolean => {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => containsDeep(actual[index], item))
    );
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    return Object.entries(expected).every(([key, value]) =>
      containsDeep((actual as Record<string, unknown>)[key], value),
    );
  }
  return actual === expected;
};
