import { calendarDayOf, type IsoDate, isIsoDate } from '@why-they-care/domain';

/** HubSpot's DateInput speaks {year, month (0-based), date}; the profile speaks YYYY-MM-DD. */
export type DateInputValue = { year: number; month: number; date: number };

export const toDateInput = (date: IsoDate | null): DateInputValue | undefined => {
  const day = date ? calendarDayOf(date) : null;
  return day ? { year: day.year, month: day.month - 1, date: day.day } : undefined;
};

export const fromDateInput = (value: DateInputValue | null | undefined): IsoDate | null => {
  if (!value) return null;
  const iso = `${String(value.year).padStart(4, '0')}-${String(value.month + 1).padStart(2, '0')}-${String(value.date).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
};
