// Reading the dates webmail pages show, in the browser's time zone, to ISO.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFirstFor, parseMailDate } from '../../src/content/sites/dates.ts';
import { local } from './load.ts';

describe('parseMailDate', () => {
  it("reads Gmail's title formats", () => {
    expect(parseMailDate('Mon, Nov 2, 2026, 9:14 AM')).toBe(local(2026, 11, 2, 9, 14));
    expect(parseMailDate('Thu, Dec 18, 2014 at 12:35 PM')).toBe(local(2014, 12, 18, 12, 35));
    expect(parseMailDate('Tue, Nov 10, 2026, 2:47\u202fPM')).toBe(local(2026, 11, 10, 14, 47));
    expect(parseMailDate('Jul 15, 2026, 12:05 AM')).toBe(local(2026, 7, 15, 0, 5));
    expect(parseMailDate('Nov 2, 2026, 9:14 AM (21 days ago)')).toBe(local(2026, 11, 2, 9, 14));
    expect(parseMailDate('Mon, 2 Nov 2026, 09:14')).toBe(local(2026, 11, 2, 9, 14));
    expect(parseMailDate('Monday, November 2, 2026 at 9:14:30 PM')).toBe(new Date(2026, 10, 2, 21, 14, 30).toISOString());
  });

  it('reads day-first dates written with month names in other languages', () => {
    expect(parseMailDate('lun. 2 nov. 2026, 09:14')).toBe(local(2026, 11, 2, 9, 14));
    expect(parseMailDate('mar. 10 nov. 2026, 14:47')).toBe(local(2026, 11, 10, 14, 47));
    expect(parseMailDate('2. Nov. 2026 um 09:14')).toBe(local(2026, 11, 2, 9, 14));
  });

  it("reads Outlook's numeric date line, settling day and month by the weekday, then the language", () => {
    expect(parseMailDate('Mon 11/2/2026 9:14 AM')).toBe(local(2026, 11, 2, 9, 14));
    expect(parseMailDate('Tue 11/10/2026 2:47 PM')).toBe(local(2026, 11, 10, 14, 47));
    expect(parseMailDate('Wed 11/2/2026 09:14')).toBe(local(2026, 2, 11, 9, 14));
    expect(parseMailDate('25/12/2026 18:00')).toBe(local(2026, 12, 25, 18, 0));
    expect(parseMailDate('12/25/2026 6:00 PM')).toBe(local(2026, 12, 25, 18, 0));
    expect(parseMailDate('02.11.2026 09:14', { dayFirst: true })).toBe(local(2026, 11, 2, 9, 14));
    expect(parseMailDate('02/11/2026 09:14', { dayFirst: false })).toBe(local(2026, 2, 11, 9, 14));
    expect(parseMailDate('2026-11-02 09:14')).toBe(local(2026, 11, 2, 9, 14));
    expect(parseMailDate('2026-11-02T09:14:00Z')).toBe('2026-11-02T09:14:00.000Z');
  });

  it('gives null rather than a guess', () => {
    for (const raw of ['', 'Yesterday', '9:14 AM', 'Nov 2', 'Mon 9:14 AM', 'Febtember 40, 2026', 'Nov 31, 2026, 9:14 AM', '13:14 PM Nov 2, 2026', '31/02/2026', 'Star', null, undefined]) {
      expect(parseMailDate(raw), String(raw)).toBeNull();
    }
  });

  it('never throws, and gives null or an ISO instant, whatever it is fed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const out = parseMailDate(s);
        expect(out === null || !Number.isNaN(Date.parse(out))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back any date written the way Gmail writes it', () => {
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }), (d) => {
        const h = d.getHours();
        const title = `${DAYS[d.getDay()]}, ${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}, ${h % 12 || 12}:${String(d.getMinutes()).padStart(2, '0')}\u202f${h < 12 ? 'AM' : 'PM'}`;
        expect(parseMailDate(title)).toBe(new Date(d.getFullYear(), d.getMonth(), d.getDate(), h, d.getMinutes()).toISOString());
      }),
      { numRuns: 300 },
    );
  });
});

describe('dayFirstFor', () => {
  it('is false for US English and unknown pages, true elsewhere', () => {
    expect(dayFirstFor('en-US')).toBe(false);
    expect(dayFirstFor('')).toBe(false);
    expect(dayFirstFor(null)).toBe(false);
    expect(dayFirstFor('en-GB')).toBe(true);
    expect(dayFirstFor('de-DE')).toBe(true);
  });
});
