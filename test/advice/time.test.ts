import { UTCDate } from '@date-fns/utc';
import { addBusinessDays as dateFnsAddBusinessDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysAfter, localDay, timeOf } from '../../src/advice/time.ts';

const DAY = 86_400_000;

describe('business days on plain day numbers', () => {
  it('count exactly as date-fns’ addBusinessDays, weekends and negative counts included', () => {
    // Days from 1900 to 2200, amounts either way, whole and fractional.
    const day = fc.integer({ min: -25_567, max: 84_000 }).map((d) => d * DAY);
    const amount = fc.oneof(fc.integer({ min: -400, max: 400 }), fc.double({ min: -60, max: 60, noNaN: true }));
    fc.assert(
      fc.property(day, amount, (d, n) => {
        expect(addBusinessDays(d, n)).toBe(dateFnsAddBusinessDays(new UTCDate(d), n).getTime());
      }),
      { numRuns: 20_000 },
    );
  });

  it('from every day of a year, for every wait the pacing schedule uses', () => {
    const start = Date.UTC(2026, 0, 1);
    for (let d = start; d < start + 366 * DAY; d += DAY) {
      for (const n of [0, 1, 2, 3, 5, 8, 13, 16, 20, 21, 34, 55, 68, 110]) expect(addBusinessDays(d, n)).toBe(dateFnsAddBusinessDays(new UTCDate(d), n).getTime());
    }
    expect(Number.isNaN(addBusinessDays(start, NaN))).toBe(true);
  });

  it('lands on local midnights in the rep’s zone, across daylight-saving changes', () => {
    // Friday 6 March 2026 in New York; clocks go forward on Sunday 8 March.
    expect(businessDaysAfter(new Date('2026-03-06T15:00:00Z'), 3, 'America/New_York').toISOString()).toBe('2026-03-11T04:00:00.000Z');
    expect(businessDaysAfter(new Date('2026-03-07T15:00:00Z'), 0, 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    // Lord Howe moves by half an hour: from +11 to +10:30 on Sunday 5 April.
    expect(businessDaysAfter(new Date('2026-04-02T00:00:00Z'), 2, 'Australia/Lord_Howe').toISOString()).toBe('2026-04-05T13:30:00.000Z');
    expect(localDay(new Date('2026-11-21T04:30:00Z'), 'America/New_York')).toBe(Date.UTC(2026, 10, 20));
  });
});

describe('reading times', () => {
  const pad = (v: number, l: number) => String(v).padStart(l, '0');
  it('reads every canonical UTC time (and near misses) exactly as Date.parse does', () => {
    const parts = fc.record({
      y: fc.integer({ min: 0, max: 9999 }),
      mo: fc.integer({ min: 0, max: 13 }),
      d: fc.integer({ min: 0, max: 32 }),
      h: fc.integer({ min: 0, max: 25 }),
      mi: fc.integer({ min: 0, max: 60 }),
      s: fc.integer({ min: 0, max: 60 }),
      ms: fc.integer({ min: 0, max: 999 }),
      withMs: fc.boolean(),
    });
    fc.assert(
      fc.property(parts, ({ y, mo, d, h, mi, s, ms, withMs }) => {
        const iso = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${withMs ? `.${pad(ms, 3)}` : ''}Z`;
        const want = Date.parse(iso);
        expect(Number.isNaN(want) ? NaN : timeOf(iso)).toEqual(want);
        if (Number.isNaN(want)) expect(timeOf(iso)).toBeNaN();
      }),
      { numRuns: 20_000 },
    );
  });

  it('round-trips toISOString over the whole four-digit range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (t) => {
        expect(timeOf(new Date(t).toISOString())).toBe(t);
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves malformed separators and other forms to Date.parse', () => {
    for (const iso of ['2026-11x23T09:30:00Z', '2026-11-23T09-30:00Z', '2026-11-23T09:30:00,123Z', '0050-06-01T00:00:00Z', '2026-11-23T09:30:00.5Z', ' 2026-11-23T09:30:00Z']) {
      const want = Date.parse(iso);
      if (Number.isNaN(want)) expect(timeOf(iso)).toBeNaN();
      else expect(timeOf(iso)).toBe(want);
    }
  });
});
