/**
 * Calendar and business-day arithmetic in the rep's time zone.
 *
 * An instant is turned into the rep's local calendar date once (Intl, one cached
 * formatter per zone), date-fns counts business days on that calendar date with no time
 * zone in play (UTCDate), and the answer, a local midnight, is turned back into an
 * instant with @date-fns/tz.
 * Counting on zoned date objects instead asks the zone for its offset at every step,
 * which made the advisor thirty times slower.
 */
import { TZDate } from '@date-fns/tz';
import { UTCDate } from '@date-fns/utc';
import { addBusinessDays } from 'date-fns';

const DAY = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

export function zoned(at: string | number | Date, timeZone: string): TZDate {
  return new TZDate(new Date(at).getTime(), timeZone);
}

const dayCache = new Map<string, number>();
const midnightCache = new Map<string, number>();
const QUARTER_HOUR = 900_000;

/** Keeps a cache from growing without bound over a long-lived worker. */
function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size > 50_000) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * The rep's local calendar date of an instant, as a UTC-midnight day number (ms). Every
 * zone's offset is a whole number of quarter hours, so the answer holds for the quarter hour.
 */
export function localDay(at: Date, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(at.getTime() / QUARTER_HOUR)}`;
  const hit = dayCache.get(key);
  if (hit !== undefined) return hit;
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })));
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of f.formatToParts(at)) {
    if (p.type === 'year') y = Number(p.value);
    else if (p.type === 'month') m = Number(p.value);
    else if (p.type === 'day') d = Number(p.value);
  }
  return remember(dayCache, key, Date.UTC(y, m - 1, d));
}

const isWeekend = (day: number) => {
  const w = new Date(day).getUTCDay();
  return w === 0 || w === 6;
};

/** The instant local midnight of `day` (a UTC-midnight day number) happens in the zone. */
export function midnight(day: number, timeZone: string): Date {
  const key = `${timeZone}|${day}`;
  const hit = midnightCache.get(key);
  if (hit !== undefined) return new Date(hit);
  const d = new Date(day);
  return new Date(remember(midnightCache, key, new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), timeZone).getTime()));
}

/**
 * The start (local midnight) of the business day `n` business days after `from`'s local
 * date; n = 0 gives `from`'s own day, or the next business day if it falls on a weekend.
 * As date-fns counts: three business days from a Saturday end on Wednesday.
 */
export function businessDaysAfter(from: Date, n: number, timeZone: string): Date {
  let day = localDay(from, timeZone);
  if (n <= 0) {
    while (isWeekend(day)) day += DAY;
    return midnight(day, timeZone);
  }
  // date-fns counts the business days, on a calendar date with no zone attached (UTCDate).
  return midnight(addBusinessDays(new UTCDate(day), n).getTime(), timeZone);
}

/** Whole calendar days from `from` to `to`, counted on the rep's calendar. */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  return Math.max(0, Math.round((localDay(to, timeZone) - localDay(from, timeZone)) / DAY));
}

const validZones = new Map<string, boolean>();

/** Whether the runtime knows the zone (asked once per name: building a formatter is costly). */
export function isValidTimeZone(timeZone: string): boolean {
  let ok = validZones.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      ok = true;
    } catch {
      ok = false;
    }
    remember(validZones, timeZone, ok);
  }
  return ok;
}

/** Minutes the zone is ahead of UTC at an instant (what chrono-node takes as a time zone). */
const offsetCache = new Map<string, number>();

export function offsetMinutes(at: Date, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(at.getTime() / QUARTER_HOUR)}`;
  const hit = offsetCache.get(key);
  return hit !== undefined ? hit : remember(offsetCache, key, -zoned(at, timeZone).getTimezoneOffset());
}

/**
 * Milliseconds of an ISO time. The canonical UTC form the store writes
 * ("2026-11-23T09:30:00Z", "2026-11-23T09:30:00.000Z") is read digit by digit, many
 * times faster than Date.parse; anything else goes to Date.parse.
 */
export function timeOf(iso: string): number {
  const n = iso.length;
  if ((n === 20 || n === 24) && iso.charCodeAt(n - 1) === 90 /* Z */ && iso.charCodeAt(4) === 45 && iso.charCodeAt(10) === 84) {
    const num = (from: number, len: number) => {
      let v = 0;
      for (let i = from; i < from + len; i++) {
        const c = iso.charCodeAt(i) - 48;
        if (c < 0 || c > 9) return NaN;
        v = v * 10 + c;
      }
      return v;
    };
    const [y, mo, d, h, mi, sec] = [num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2)];
    const ms = n === 24 ? num(20, 3) : 0;
    if (mo >= 1 && mo <= 12 && d >= 1 && h <= 23 && mi <= 59 && sec <= 59 && ms >= 0) {
      const t = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
      // A day the month doesn't have (30 February) is left to Date.parse, as is anything odd.
      if (new Date(t).getUTCDate() === d) return t;
    }
  }
  return Date.parse(iso);
}
