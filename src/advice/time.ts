/** Calendar and business-day arithmetic in the rep's time zone (date-fns + @date-fns/tz). */
import { TZDate } from '@date-fns/tz';
import { addBusinessDays, addDays, differenceInCalendarDays, isWeekend, startOfDay } from 'date-fns';

export function zoned(at: string | number | Date, timeZone: string): TZDate {
  return new TZDate(new Date(at).getTime(), timeZone);
}

/** The start of the business day `n` business days after `from` (n = 0: `from`'s day, or the next business day). */
export function businessDaysAfter(from: Date, n: number, timeZone: string): Date {
  let day = startOfDay(zoned(from, timeZone));
  if (n === 0) {
    while (isWeekend(day)) day = addDays(day, 1);
    return day;
  }
  return addBusinessDays(day, n);
}

/** Whole calendar days from `from` to `to`, counted in the rep's time zone. */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  return Math.max(0, differenceInCalendarDays(zoned(to, timeZone), zoned(from, timeZone)));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
