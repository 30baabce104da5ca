/** Short ids for new steps, metrics and save attempts; the card has no crypto.randomUUID to rely on. */
export const newId = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
