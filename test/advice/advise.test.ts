import { describe, expect, it } from 'vitest';
import { advise, dateIn, readInbound, type AdviseInput, type Touch } from '../../src/index.ts';

// A fixed clock: Monday 23 November 2026, 10:00 UTC. Every date below is relative to it on purpose.
const NOW = '2026-11-23T10:00:00Z';
const deal = (over: Partial<AdviseInput['deal']> = {}): AdviseInput['deal'] => ({
  id: 'd1',
  name: 'Northwind pilot',
  contacts: ['dana@northwind-freight.com', 'lee@northwind-freight.com'],
  qualification: { money: true, authority: true, need: true },
  ...over,
});
const out = (at: string, channel: Touch['channel'] = 'email', extra: Partial<Touch> = {}): Touch => ({ at, channel, direction: 'out', ...extra });
const inbound = (at: string, text?: string, channel: Touch['channel'] = 'email'): Touch => ({ at, channel, direction: 'in', ...(text ? { text } : {}) });
const run = (touches: Touch[], extra: Partial<AdviseInput> = {}) => advise({ deal: deal(), touches, ...extra }, NOW);
const codes = (a: ReturnType<typeof run>) => a.reasons.map((r) => r.code);

describe('advisor verdicts', () => {
  it('stops when the deal is do-not-contact', () => {
    const a = run([out('2026-11-20T09:00:00Z')], { doNotContact: true });
    expect(a.verdict).toBe('stop');
    expect(a.until).toBeNull();
    expect(a.reasons[0]!.seed).toMatch(/^001/);
  });

  it.each(['Please remove me from your list.', 'Not interested, stop emailing me.', "Don't contact me again."])('stops when they wrote %j', (text) => {
    const a = run([out('2026-11-02T09:00:00Z'), inbound('2026-11-03T09:00:00Z', text), out('2026-11-10T09:00:00Z')]);
    expect(a.verdict).toBe('stop');
    expect(codes(a)).toEqual(['asked-to-stop']);
  });

  it('acts when they wrote last: a reply is owed', () => {
    const a = run([out('2026-11-16T09:00:00Z'), inbound('2026-11-20T16:00:00Z', 'Can you send pricing for 40 seats?')]);
    expect(a).toMatchObject({ verdict: 'act', until: null, unansweredTouches: 0, silenceDays: 3 });
    expect(codes(a)).toEqual(['reply-owed']);
  });

  it('acts when a commitment of ours falls due, even while pacing would wait', () => {
    const a = run([inbound('2026-11-18T09:00:00Z', 'Thanks'), out('2026-11-20T09:00:00Z')], {
      commitments: [{ owner: 'us', due: '2026-11-24T17:00:00Z', what: 'send the revised SOW' }],
    });
    expect(a.verdict).toBe('act');
    expect(a.reasons[0]).toMatchObject({ code: 'commitment-due' });
    expect(a.reasons[0]!.message).toContain('send the revised SOW');
  });

  it('takes a delivered commitment as met', () => {
    const a = run([inbound('2026-11-18T09:00:00Z', 'Thanks'), out('2026-11-23T08:00:00Z', 'email', { value: true })], {
      commitments: [{ owner: 'us', due: '2026-11-24T17:00:00Z', what: 'send the revised SOW' }],
    });
    expect(a.verdict).toBe('wait');
  });

  it('waits on the pacing schedule after an unanswered touch, in business days', () => {
    // Friday 20 Nov + 3 business days = Wednesday 25 Nov.
    const a = run([inbound('2026-11-10T09:00:00Z', 'Sounds interesting.'), out('2026-11-20T09:00:00Z')]);
    expect(a).toMatchObject({ verdict: 'wait', until: '2026-11-25T00:00:00.000Z', unansweredTouches: 1 });
    expect(codes(a)).toEqual(['pacing-wait']);
  });

  it('waits longer after each further unanswered touch, on every channel', () => {
    const one = run([inbound('2026-10-01T09:00:00Z', 'ok'), out('2026-11-20T09:00:00Z')]);
    const three = run([inbound('2026-10-01T09:00:00Z', 'ok'), out('2026-11-02T09:00:00Z', 'call'), out('2026-11-10T09:00:00Z', 'voicemail'), out('2026-11-20T09:00:00Z')]);
    expect(three.unansweredTouches).toBe(3);
    expect(Date.parse(three.until!)).toBeGreaterThan(Date.parse(one.until!));
    expect(three.until).toBe('2026-12-02T00:00:00.000Z'); // 8 business days after Fri 20 Nov
  });

  it('doubles the wait after a burst on several channels (bombardment)', () => {
    const a = run([inbound('2026-11-01T09:00:00Z', 'ok'), out('2026-11-19T09:00:00Z', 'email'), out('2026-11-19T15:00:00Z', 'call'), out('2026-11-20T09:00:00Z', 'social')]);
    expect(codes(a)).toEqual(['pacing-wait', 'bombardment']);
    expect(a.until).toBe('2026-12-14T00:00:00.000Z'); // 8 × 2 = 16 business days after Fri 20 Nov
  });

  it('acts, with value, once the wait has passed', () => {
    const a = run([inbound('2026-11-01T09:00:00Z', 'ok'), out('2026-11-09T09:00:00Z')]);
    expect(a.verdict).toBe('act');
    expect(codes(a)).toEqual(['wait-elapsed', 'fewer-touches']);
  });

  it('waits until the date they gave: after the board meeting on the 10th', () => {
    const a = run([out('2026-11-20T09:00:00Z'), inbound('2026-11-20T15:00:00Z', "Thanks Marc. I'll get back to you after our board meeting on the 10th.")]);
    expect(a.verdict).toBe('wait');
    expect(codes(a)).toEqual(['their-clock']);
    expect(a.until).toBe('2026-12-14T00:00:00.000Z'); // Thu 10 Dec + 2 business days
  });

  it('waits out an out-of-office until they are back', () => {
    const a = run([out('2026-11-20T09:00:00Z'), inbound('2026-11-20T09:01:00Z', 'I am out of the office until Monday 30 November with limited access to email.')]);
    expect(a.verdict).toBe('wait');
    expect(codes(a)).toEqual(['out-of-office']);
    expect(a.until).toBe('2026-11-30T00:00:00.000Z');
  });

  it('gives them a month when they take the clock without a date', () => {
    const a = run([out('2026-11-19T09:00:00Z'), inbound('2026-11-20T09:00:00Z', "Don't call me, I'll call you.")]);
    expect(a.verdict).toBe('wait');
    expect(a.until).toBe('2026-12-18T00:00:00.000Z'); // 20 business days after Fri 20 Nov
  });

  it('requalifies a long silence on a deal that never showed Money, Authority and Need', () => {
    const a = advise({ deal: deal({ qualification: { need: true } }), touches: [inbound('2026-07-01T09:00:00Z', 'ok'), out('2026-07-10T09:00:00Z'), out('2026-08-20T09:00:00Z')] }, NOW);
    expect(a.verdict).toBe('requalify');
    expect(a.reasons[0]!.message).toMatch(/Money, Authority/);
    expect(a.reasons[0]!.seed).toMatch(/^002/);
  });

  it('requalifies a long silence with a single contact, even if qualified', () => {
    const a = advise({ deal: deal({ contacts: ['dana@northwind-freight.com'] }), touches: [inbound('2026-07-01T09:00:00Z', 'ok'), out('2026-07-10T09:00:00Z')] }, NOW);
    expect(a).toMatchObject({ verdict: 'requalify' });
    expect(codes(a)).toEqual(['single-contact']);
  });

  it('nurtures a long silence on a qualified deal, at a low rhythm', () => {
    const a = run([inbound('2026-07-01T09:00:00Z', 'ok'), out('2026-10-01T09:00:00Z')]);
    expect(a.verdict).toBe('nurture');
    expect(a.silenceDays).toBe(145);
    expect(a.until).toBe('2026-12-17T00:00:00.000Z'); // 55 business days after Thu 1 Oct
  });

  it('counts silence from our first touch when they never answered', () => {
    const a = run([out('2026-11-13T09:00:00Z'), out('2026-11-20T09:00:00Z')]);
    expect(a.silenceDays).toBe(10);
    expect(a.unansweredTouches).toBe(2);
  });

  it('treats a meeting as them speaking', () => {
    const a = run([out('2026-11-02T09:00:00Z'), out('2026-11-19T14:00:00Z', 'meeting')]);
    expect(a.unansweredTouches).toBe(0);
    expect(codes(a)).toEqual(['reply-owed']);
  });

  it('ignores touches after now, and suggests a first touch when there are none', () => {
    expect(codes(run([out('2026-12-01T09:00:00Z')]))).toEqual(['first-touch']);
  });

  it('counts business days in the rep’s time zone', () => {
    // 23:30 Friday in New York is already Saturday in UTC. Three business days from Friday
    // (New York) and from Saturday (UTC) both end on Wednesday 25 Nov, each at its own midnight.
    const touches = [inbound('2026-11-01T09:00:00Z', 'ok'), out('2026-11-21T04:30:00Z')];
    const ny = advise({ deal: deal(), touches, timeZone: 'America/New_York' }, NOW);
    const utc = advise({ deal: deal(), touches }, NOW);
    expect(ny.until).toBe('2026-11-25T05:00:00.000Z');
    expect(utc.until).toBe('2026-11-25T00:00:00.000Z');
    expect(ny.reasons[0]!.message).toContain('Fri, 20 Nov 2026'); // the last touch, on the rep's calendar
    expect(utc.reasons[0]!.message).toContain('Sat, 21 Nov 2026');
  });
});

describe('reading the prospect', () => {
  const ref = new Date('2026-11-20T15:00:00Z');
  it.each([
    ['after our board meeting on the 10th', '2026-12-10'],
    ['next quarter', '2027-01-01'],
    ['in January', '2027-01-01'],
    ['after the holidays', '2027-01-05'],
    ['until Monday 30 November', '2026-11-30'],
    ['back on the 3rd', '2026-12-03'],
  ])('reads %j as %s', (text, date) => {
    expect(dateIn(text, ref, 'UTC')?.toISOString().slice(0, 10)).toBe(date);
  });

  it.each([
    ["Let's revisit in the new year.", 'their-clock'],
    ['We will circle back after budget approval in January.', 'their-clock'],
    ["I'm on parental leave until 4 January; for urgent matters contact Lee.", 'out-of-office'],
  ])('hears %j as %s', (text, kind) => {
    expect(readInbound({ at: ref.toISOString(), channel: 'email', direction: 'in', text }, 'UTC')?.kind).toBe(kind);
  });

  it.each(['Thanks, that helps.', 'Can you send the pricing?', "We're not interested in the add-on, but the core plan works."])('hears no clock or stop in %j', (text) => {
    expect(readInbound({ at: ref.toISOString(), channel: 'email', direction: 'in', text }, 'UTC')).toBeUndefined();
  });
});

describe('reading times', () => {
  it('reads canonical ISO times exactly as Date.parse does, and falls back for other forms', async () => {
    const { timeOf } = await import('../../src/advice/time.ts');
    for (const iso of ['2026-11-23T09:30:00Z', '2026-11-23T09:30:00.123Z', '2024-02-29T23:59:59.999Z', '2026-11-23T09:30:00+02:00', '2026-11-23', 'not a date', '2026-13-01T00:00:00Z', '2026-02-30T10:00:00Z', '2026-11-23T24:00:00Z']) {
      expect(Number.isNaN(timeOf(iso)) ? NaN : timeOf(iso)).toEqual(Date.parse(iso));
    }
  });
});
