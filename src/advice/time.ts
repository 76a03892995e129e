/**
 * Calendar and business-day arithmetic in the rep's time zone.
 *
 * An instant is turned into the rep's local calendar date once (Intl, one cached
 * formatter per zone), business days are counted on that calendar date as plain day
 * numbers with no time zone in play (the same count as date-fns' addBusinessDays, which
 * the tests check it against), and the answer, a local midnight, is turned back into an
 * instant with @date-fns/tz.
 * Counting on zoned date objects instead asks the zone for its offset at every step,
 * which made the advisor thirty times slower.
 */
import { TZDate } from '@date-fns/tz';

const DAY = 86_400_000;
const QUARTER_HOUR = 900_000;

export function zoned(at: string | number | Date, timeZone: string): TZDate {
  return new TZDate(new Date(at).getTime(), timeZone);
}

/** What is known about one zone: its formatter and, keyed by number, the answers so far. */
interface Zone {
  format?: Intl.DateTimeFormat;
  /** Quarter hour → local calendar day (UTC-midnight ms). */
  days: Map<number, number>;
  /** Local calendar day → the instant of its local midnight (ms). */
  midnights: Map<number, number>;
  /** Quarter hour → minutes ahead of UTC. */
  offsets: Map<number, number>;
}
const zones = new Map<string, Zone>();

function zoneOf(timeZone: string): Zone {
  let z = zones.get(timeZone);
  if (!z) {
    if (zones.size > 1_000) zones.clear();
    zones.set(timeZone, (z = { days: new Map(), midnights: new Map(), offsets: new Map() }));
  }
  return z;
}

/** Keeps a cache from growing without bound over a long-lived worker. */
function remember<K, T>(cache: Map<K, T>, key: K, value: T): T {
  if (cache.size > 50_000) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * The rep's local calendar date of an instant, as a UTC-midnight day number (ms). Every
 * zone's offset is a whole number of quarter hours, so the answer holds for the quarter hour.
 */
export function localDay(at: Date, timeZone: string): number {
  const z = zoneOf(timeZone);
  const key = Math.floor(at.getTime() / QUARTER_HOUR);
  const hit = z.days.get(key);
  if (hit !== undefined) return hit;
  const f = (z.format ??= new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }));
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of f.formatToParts(at)) {
    if (p.type === 'year') y = Number(p.value);
    else if (p.type === 'month') m = Number(p.value);
    else if (p.type === 'day') d = Number(p.value);
  }
  return remember(z.days, key, Date.UTC(y, m - 1, d));
}

/** Day of the week of a UTC-midnight day number (0 Sunday … 6 Saturday). */
const weekday = (day: number) => new Date(day).getUTCDay();
const isWeekend = (day: number) => {
  const w = weekday(day);
  return w === 0 || w === 6;
};

/** The instant local midnight of `day` (a UTC-midnight day number) happens in the zone. */
export function midnight(day: number, timeZone: string): Date {
  const z = zoneOf(timeZone);
  const hit = z.midnights.get(day);
  if (hit !== undefined) return new Date(hit);
  const d = new Date(day);
  return new Date(remember(z.midnights, day, new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), timeZone).getTime()));
}

/**
 * `amount` business days (Monday to Friday) after a calendar day, counted exactly as
 * date-fns' addBusinessDays counts (a start on a weekend included), on a plain day number.
 */
export function addBusinessDays(day: number, amount: number): number {
  if (Number.isNaN(amount)) return NaN;
  const startedOnWeekend = isWeekend(day);
  const sign = amount < 0 ? -1 : 1;
  let d = day + Math.trunc(amount / 5) * 7 * DAY;
  let rest = Math.abs(amount % 5);
  while (rest > 0) {
    d += sign * DAY;
    if (!isWeekend(d)) rest -= 1;
  }
  // A start on a weekend, moved by whole weeks, lands on a weekend: step to the business day.
  if (startedOnWeekend && isWeekend(d) && amount !== 0) {
    if (weekday(d) === 6) d += (sign < 0 ? 2 : -1) * DAY;
    if (weekday(d) === 0) d += (sign < 0 ? 1 : -2) * DAY;
  }
  return d;
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
  return midnight(addBusinessDays(day, n), timeZone);
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
export function offsetMinutes(at: Date, timeZone: string): number {
  const z = zoneOf(timeZone);
  const key = Math.floor(at.getTime() / QUARTER_HOUR);
  const hit = z.offsets.get(key);
  return hit !== undefined ? hit : remember(z.offsets, key, -zoned(at, timeZone).getTimezoneOffset());
}

/** The two-digit number at `i`, or -1 when either character is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (month 1–12). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * Milliseconds of an ISO time. The canonical UTC form the store writes
 * ("2026-11-23T09:30:00Z", "2026-11-23T09:30:00.000Z") is read digit by digit with
 * integer arithmetic, a few times faster than Date.parse (it runs for every touch of
 * every deal); anything else, or anything odd, goes to Date.parse.
 */
export function timeOf(iso: string): number {
  const n = iso.length;
  if (
    (n === 20 || (n === 24 && iso.charCodeAt(19) === 46)) /* . */ &&
    iso.charCodeAt(n - 1) === 90 /* Z */ &&
    iso.charCodeAt(4) === 45 /* - */ &&
    iso.charCodeAt(7) === 45 &&
    iso.charCodeAt(10) === 84 /* T */ &&
    iso.charCodeAt(13) === 58 /* : */ &&
    iso.charCodeAt(16) === 58
  ) {
    const century = twoDigits(iso, 0);
    const yy = twoDigits(iso, 2);
    const mo = twoDigits(iso, 5);
    const d = twoDigits(iso, 8);
    const h = twoDigits(iso, 11);
    const mi = twoDigits(iso, 14);
    const sec = twoDigits(iso, 17);
    let ms = 0;
    if (n === 24) {
      const hundreds = iso.charCodeAt(20) - 48;
      const rest = twoDigits(iso, 21);
      ms = hundreds >= 0 && hundreds <= 9 && rest >= 0 ? hundreds * 100 + rest : -1;
    }
    if (century >= 0 && yy >= 0 && mo >= 1 && mo <= 12 && d >= 1 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59 && ms >= 0) {
      const y = century * 100 + yy;
      const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
      // A day the month doesn't have (30 February) is left to Date.parse.
      if (d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!)) return daysFromCivil(y, mo, d) * DAY + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms;
    }
  }
  return Date.parse(iso);
}
