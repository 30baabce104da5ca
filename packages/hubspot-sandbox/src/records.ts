import {
  type CrmObject,
  type InvalidPropertyValue,
  type PropertyHistoryEntry,
  SOURCE_TYPE,
} from '@why-they-care/hubspot-contract';
import { type Response } from 'express';

import { sendInvalidValues } from './hubspot-errors';
import { normaliseValue } from './property-values';
import { type SandboxProperty, type SandboxRecord, type SandboxState } from './store';

/** Who wrote: the app (INTEGRATION), or a HubSpot user editing in HubSpot's UI (CRM_UI, with their id). */
export type WriteSource = Pick<PropertyHistoryEntry, 'sourceType' | 'sourceId' | 'updatedByUserId'>;

/** The id of the one app installed on the sandbox: HubSpot names it as the source of the app's writes. */
export const SANDBOX_APP_ID = '4200001';

export const INTEGRATION_SOURCE: WriteSource = {
  sourceType: SOURCE_TYPE.integration,
  sourceId: SANDBOX_APP_ID,
};

/** An edit in HubSpot's own UI by the user with this id. */
export const crmUiSource = (userId: number): WriteSource => ({
  sourceType: SOURCE_TYPE.crmUi,
  sourceId: `userId:${userId}`,
  updatedByUserId: userId,
});

/** Validates every value first, then writes all of them (HubSpot refuses the whole PATCH on one bad value). */
export const validateValues = (
  state: SandboxState,
  definitions: Record<string, SandboxProperty>,
  input: unknown,
): { ok: true; values: Record<string, string> } | { ok: false; invalid: InvalidPropertyValue[] } => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      invalid: [{ name: 'properties', code: 'INVALID_INPUT', message: 'properties must be an object' }],
    };
  }
  const values: Record<string, string> = {};
  const invalid: InvalidPropertyValue[] = [];
  for (const [name, raw] of Object.entries(input)) {
    const result = normaliseValue(state, definitions[name], name, raw);
    if (result.ok) values[name] = result.value;
    else invalid.push(result.error);
  }
  return invalid.length ? { ok: false, invalid } : { ok: true, values };
};

/**
 * Whether a write that repeats the stored value adds a history entry. A live account's behaviour is not
 * confirmed, so the sandbox can do either (SandboxOptions.historyOfUnchangedValues); by default it adds none.
 */
export type HistoryPolicy = { recordUnchangedValues: boolean };

export const applyValues = (
  record: SandboxRecord,
  values: Record<string, string>,
  source: WriteSource,
  at: string,
  history: HistoryPolicy = { recordUnchangedValues: false },
) => {
  for (const [name, value] of Object.entries(values)) {
    const unchanged = (record.properties[name] ?? '') === value && record.history[name];
    if (unchanged && !history.recordUnchangedValues) continue;
    record.properties[name] = value;
    (record.history[name] ??= []).unshift({ value, timestamp: at, ...source });
  }
  record.properties.hs_lastmodifieddate = at;
  record.updatedAt = at;
};

/** Validates and writes, or answers HubSpot's 400 and returns false. */
export const writeOrRefuse = (
  res: Response,
  state: SandboxState,
  definitions: Record<string, SandboxProperty>,
  record: SandboxRecord,
  input: unknown,
  at: string,
  history?: HistoryPolicy,
  source: WriteSource = INTEGRATION_SOURCE,
): boolean => {
  const checked = validateValues(state, definitions, input);
  if (!checked.ok) {
    sendInvalidValues(res, checked.invalid);
    return false;
  }
  applyValues(record, checked.values, source, at, history);
  return true;
};

const requested = (query: unknown): string[] => {
  if (query === undefined) return [];
  const items = Array.isArray(query) ? query : [query];
  return items.flatMap((item) => String(item).split(',')).filter(Boolean);
};

/** The record as HubSpot returns it: only requested properties that exist, with history when asked. */
export const presentRecord = (
  record: SandboxRecord,
  definitions: Record<string, SandboxProperty>,
  query: { properties?: unknown; propertiesWithHistory?: unknown },
  defaults: readonly string[],
): CrmObject => {
  const names = requested(query.properties);
  const properties: Record<string, string | null> = {};
  for (const name of [...defaults, ...names]) {
    if (definitions[name] || defaults.includes(name)) properties[name] = record.properties[name] || null;
  }
  const withHistory = requested(query.propertiesWithHistory).filter((name) => definitions[name]);
  return {
    id: record.id,
    properties,
    ...(withHistory.length
      ? { propertiesWithHistory: Object.fromEntries(withHistory.map((name) => [name, record.history[name] ?? []])) }
      : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: false,
  };
};
