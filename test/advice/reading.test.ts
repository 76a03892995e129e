import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advise, readingOf, READER_VERSION, type AdviseInput, type AdvisedTouch, type Touch } from '../../src/index.ts';

// Monday 23 November 2026, 10:00 UTC, as in advise.test.ts.
const NOW = '2026-11-23T10:00:00Z';
const DAY = 86_400_000;
const deal: AdviseInput['deal'] = { id: 'd1', name: 'Northwind pilot', contacts: ['dana@northwind-freight.com', 'lee@northwind-freight.com'], qualification: { money: true, authority: true, need: true } };
const inbound = (at: string, text?: string): Touch => ({ at, channel: 'email', direction: 'in', ...(text !== undefined ? { text } : {}) });
/** The touches as the store keeps them: each inbound one with its reading. */
const stored = (touches: Touch[], timeZone = 'UTC'): AdvisedTouch[] =>
  touches.map((t) => {
    const reading = readingOf(t, timeZone);
    return reading ? { ...t, reading } : t;
  });

const TEXTS = [
  'Thanks, this is helpful.',
  'Can you send pricing for 40 seats?',
  "I'll get back to you after our board meeting on the 10th.",
  'I am out of the office until Monday 30 November with limited access to email.',
  'Not this quarter. Let us revisit next quarter.',
  "Don't call me, I'll call you.",
  "Let's revisit in the new year.",
  'We will circle back after budget approval in January.',
  "I'm on parental leave until 4 January; for urgent matters contact Lee.",
  'Out of office. Back on Tuesday.',
  'Please remove me from your list.',
  "Not interested, stop emailing me. I'll call you if that changes.",
  'remove me from the Tuesday call invite please',
  'I am travelling this week.',
  'Let us talk again in March 2028.',
  '',
];

describe('the reading the store keeps on an inbound touch', () => {
  it('holds a stop request, a dated or undated clock, or nothing; our own touches and wordless ones get none', () => {
    const at = '2026-11-20T15:00:00Z';
    expect(readingOf({ at, channel: 'email', direction: 'out', text: 'Please remove me' }, 'UTC')).toBeUndefined();
    expect(readingOf(inbound(at, 'Please remove me from your list.'), 'UTC')).toEqual({ reader: READER_VERSION, timeZone: 'UTC', stop: 'Please remove me' });
    expect(readingOf(inbound(at, "Thanks Marc. I'll get back to you after our board meeting on the 10th."), 'UTC')).toEqual({
      reader: READER_VERSION,
      timeZone: 'UTC',
      clock: { kind: 'their-clock', quote: "I'll get back to you after our board meeting on the 10th.", date: '2026-12-10T00:00:00.000Z' },
    });
    expect(readingOf(inbound(at, "Don't call me, I'll call you."), 'Europe/Paris')).toEqual({ reader: READER_VERSION, timeZone: 'Europe/Paris', clock: { kind: 'their-clock', quote: "Don't call me, I'll call you." } });
    expect(readingOf(inbound(at, 'I am out of the office until Monday 30 November.'), 'UTC')?.clock).toMatchObject({ kind: 'out-of-office' });
    expect(readingOf(inbound(at, 'Thanks, that helps.'), 'UTC')).toEqual({ reader: READER_VERSION, timeZone: 'UTC' });
    // Nothing to read: no reading (the advisor's check of an empty message costs nothing).
    expect(readingOf(inbound(at), 'UTC')).toBeUndefined();
    expect(readingOf(inbound(at, ' \n'), 'UTC')).toBeUndefined();
  });

  it('is what the advisor uses, instead of reading the text again', () => {
    // A reading that names a date the text doesn't: only the reading can make this a wait.
    const t: AdvisedTouch = { ...inbound('2026-11-20T15:00:00Z', 'Thanks.'), reading: { reader: READER_VERSION, timeZone: 'UTC', clock: { kind: 'their-clock', quote: 'after the 10th', date: '2026-12-10T00:00:00.000Z' } } };
    const a = advise({ deal, touches: [{ at: '2026-11-19T09:00:00Z', channel: 'email', direction: 'out' }, t] }, NOW);
    expect(a).toMatchObject({ verdict: 'wait', until: '2026-12-14T00:00:00.000Z' });
  });

  it('is ignored when made by another reader version or in another time zone: the text is read again', () => {
    const text = "I'll get back to you after our board meeting on the 10th.";
    const touches = [{ at: '2026-11-19T09:00:00Z', channel: 'email', direction: 'out' } as Touch, inbound('2026-11-20T15:00:00Z', text)];
    const fromText = advise({ deal, touches, timeZone: 'America/New_York' }, NOW);
    const wrong = { reader: READER_VERSION, timeZone: 'America/New_York', stop: 'stop' };
    for (const reading of [{ ...wrong, reader: READER_VERSION + 1 }, { ...wrong, timeZone: 'Asia/Tokyo' }]) {
      expect(advise({ deal, touches: [touches[0]!, { ...touches[1]!, reading }], timeZone: 'America/New_York' }, NOW)).toEqual(fromText);
    }
    expect(fromText.verdict).toBe('wait');
  });

  it('gives the same advice as reading the text, for any deal', () => {
    const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    const touch = fc.record({
      days: fc.integer({ min: 0, max: 400 }),
      minutes: fc.integer({ min: 0, max: 1439 }),
      channel: fc.constantFrom<Touch['channel']>('email', 'call', 'voicemail', 'meeting', 'social'),
      inbound: fc.boolean(),
      text: fc.constantFrom(...TEXTS),
      value: fc.boolean(),
    });
    const input = fc.record({
      touches: fc.array(touch, { maxLength: 25 }),
      zone: fc.constantFrom(...zones),
      readIn: fc.constantFrom(...zones),
      due: fc.option(fc.integer({ min: -10, max: 10 })),
      sorted: fc.boolean(),
    });
    fc.assert(
      fc.property(input, ({ touches, zone, readIn, due, sorted }) => {
        let list: Touch[] = touches.map((t) => ({
          at: new Date(Date.parse(NOW) - t.days * DAY + t.minutes * 60_000 - 600 * 60_000).toISOString(),
          channel: t.channel,
          direction: t.inbound ? 'in' : 'out',
          ...(t.inbound ? { text: t.text } : { value: t.value }),
        }));
        if (sorted) list = list.sort((a, b) => a.at.localeCompare(b.at));
        const base = { deal, timeZone: zone, commitments: due === null ? [] : [{ owner: 'us' as const, due: new Date(Date.parse(NOW) + due * DAY).toISOString(), what: 'the revised quote' }] };
        const fromText = advise({ ...base, touches: list }, NOW);
        expect(advise({ ...base, touches: stored(list, zone) }, NOW)).toEqual(fromText);
        // Read in another zone: ignored, so still the same advice.
        expect(advise({ ...base, touches: stored(list, readIn) }, NOW)).toEqual(fromText);
      }),
      { numRuns: 400 },
    );
  });
});
