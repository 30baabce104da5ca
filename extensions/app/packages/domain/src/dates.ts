/** Calendar dates travel as YYYY-MM-DD strings: HubSpot date properties hold a day, not an instant. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD, in parts (month 1-12); null for anything else, 2026-02-30 included. */
export const calendarDayOf = (value: string): { year: number; month: number; day: number } | null => {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? { year, month, day } : null;
};

export const isIsoDate = (value: string): boolean => calendarDayOf(value) !== null;

export const toIsoDate = (instant: Date): IsoDate => instant.toISOString().slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate => {
  const instant = new Date(`${date}T00:00:00.000Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return toIsoDate(instant);
};

export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** HubSpot returns date properties as YYYY-MM-DD, or as epoch milliseconds on older paths. */
export const parseHubSpotDate = (value: string | null | undefined): IsoDate | null => {
  if (!value) return null;
  if (/^\d+$/.test(value)) return toIsoDate(new Date(Number(value)));
  const day = value.slice(0, 10);
  return isIsoDate(day) ? day : null;
};
