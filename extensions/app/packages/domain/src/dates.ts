/** Calendar dates travel as YYYY-MM-DD strings: HubSpot date properties hold a day, not an instant. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isIsoDate = (value: string): boolean => {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

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
