/**
 * HubSpot's date values. A `date` property holds a day: written as YYYY-MM-DD or as epoch milliseconds at
 * midnight UTC, read back as YYYY-MM-DD. CRM search compares dates as midnight-UTC epoch milliseconds.
 */
const DAY_MS = 86_400_000;

/** A YYYY-MM-DD string naming a real day. */
export const isDay = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(Date.parse(`${value}T00:00:00.000Z`) || 0).toISOString().startsWith(value);

export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

export const dayPlus = (day: string, days: number): string =>
  dayOf(new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS));

/** A day as CRM search compares date properties. */
export const searchDateValue = (day: string): string => String(Date.parse(`${day}T00:00:00.000Z`));

/** An epoch-milliseconds value lands on midnight UTC, as a `date` property requires. */
export const isMidnightUtc = (epochMs: number): boolean => epochMs % DAY_MS === 0;

export const MINUTES_PER_DAY = 24 * 60;
