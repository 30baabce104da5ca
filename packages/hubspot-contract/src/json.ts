/** Stored HubSpot payloads are read field by field: a field of another shape reads as empty. */
export type JsonObject = Record<string, unknown>;

export const asObject = (value: unknown): JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};

export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
