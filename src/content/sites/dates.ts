/**
 * Reads the dates webmail pages show on messages, in the browser's time zone (the
 * one the page rendered them in), and returns ISO 8601 in UTC. A small parser, no
 * date library: it knows English month and weekday names and numeric dates, which is
 * what Gmail's `title` attributes ("Mon, Nov 2, 2026, 9:14 AM", older "Thu, Dec 18,
 * 2014 at 12:35 PM") and Outlook's date line ("Mon 11/2/2026 9:14 AM") carry.
 * Anything it cannot read for certain gives null, never a guess such as "now".
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface DateOptions {
  /** For numeric dates neither part nor a weekday settles: 2/11 is 2 November. */
  dayFirst?: boolean;
}

/** An English name the word abbreviates ("Nov", "Nov.", "November", "Sept"), or -1. */
function nameIndex(word: string, names: readonly string[]): number {
  const w = word.replace(/\.$/, '');
  if (w.length < 3) return -1;
  return names.findIndex((name) => name.startsWith(w) || (name === 'september' && w === 'sept'));
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(year, month - 1, day, hour, minute, second);
  // Rejects 31 November and the like instead of rolling into December.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.toISOString();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(year, month - 1, day).getDay();
}

export function parseMailDate(raw: string | null | undefined, options: DateOptions = {}): string | null {
  try {
    return parse(raw ?? '', options);
  } catch {
    return null;
  }
}

function parse(raw: string, options: DateOptions): string | null {
  let s = raw
    .slice(0, 200)
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[\s\u00a0\u202f\u2007\u2009\u200a]+/g, ' ')
    .trim()
    .toLowerCase();
  if (!s) return null;

  if (/^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}/.test(s)) {
    const t = Date.parse(raw.trim());
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }

  let hour = 0;
  let minute = 0;
  let second = 0;
  // A time needs a colon, or a dot followed by am/pm (12.05 pm): "02.11.2026" is a date.
  const time = [...s.matchAll(/(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?/g)].find(
    (m) => m[0].includes(':') || m[4] !== undefined,
  );
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    second = time[3] ? Number(time[3]) : 0;
    const half = time[4];
    if (half) {
      if (hour < 1 || hour > 12) return null;
      if (half === 'p' && hour < 12) hour += 12;
      if (half === 'a' && hour === 12) hour = 0;
    }
    s = `${s.slice(0, time.index)} ${s.slice(time.index + time[0].length)}`;
  }

  const words = s.split(/[\s,]+/).filter(Boolean);
  let weekday = -1;
  let month = -1;
  for (const word of words) {
    if (!/^[a-z]+\.?$/.test(word)) continue;
    if (weekday < 0) {
      const w = nameIndex(word, WEEKDAYS);
      if (w >= 0) {
        weekday = w;
        continue;
      }
    }
    // The last month name wins: in "mar. 10 nov. 2026" (French, Spanish) "mar." is Tuesday.
    const m = nameIndex(word, MONTHS);
    if (m >= 0) month = m + 1;
  }

  if (month > 0) {
    const numbers = (s.match(/\d+/g) ?? []).map(Number);
    const year = numbers.find((n) => n >= 1970 && n <= 2999);
    const day = numbers.find((n) => n >= 1 && n <= 31);
    if (year === undefined || day === undefined) return null;
    return build(year, month, day, hour, minute, second);
  }

  const numeric = /(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})/.exec(s);
  if (!numeric) return null;
  const [a, b, c] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  if (numeric[1]!.length === 4) return build(a, b, c, hour, minute, second);
  const year = numeric[3]!.length === 4 ? c : numeric[3]!.length === 2 ? 2000 + c : NaN;
  if (Number.isNaN(year)) return null;
  let dayFirst: boolean;
  if (a > 12 && b <= 12) dayFirst = true;
  else if (b > 12 && a <= 12) dayFirst = false;
  else if (weekday >= 0 && a <= 12 && b <= 12 && a !== b) {
    const monthFirstFits = weekdayOf(year, a, b) === weekday;
    const dayFirstFits = weekdayOf(year, b, a) === weekday;
    dayFirst = dayFirstFits && !monthFirstFits ? true : monthFirstFits && !dayFirstFits ? false : (options.dayFirst ?? false);
  } else dayFirst = options.dayFirst ?? false;
  return dayFirst ? build(year, b, a, hour, minute, second) : build(year, a, b, hour, minute, second);
}

/** Whether a page in this language writes day before month (en-US does not; most others do). */
export function dayFirstFor(lang: string | null | undefined): boolean {
  const l = (lang ?? '').toLowerCase();
  if (!l) return false;
  return !(l === 'en' || l.startsWith('en-us') || l.startsWith('en-ph') || l.startsWith('es-us') || l.startsWith('fil'));
}
