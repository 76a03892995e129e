/**
 * The advisor section: verdicts for 10,000 deals of 50 touches each (issue target: under
 * 200 ms in Node). The deals are generated with a fixed seed and a fixed clock, so every
 * run times the same work: every channel, one touch in seven from the prospect, a fifth
 * of those handing over a clock in prose ("after our board meeting on the 10th") or an
 * out-of-office, some commitments, and a mix of qualified and unqualified deals.
 *
 * Timed two ways, since the advisor is fed two ways:
 * - from text: touches as `touchwise advise` reads them from a file; every inbound
 *   message that can still matter is read (stop requests, dates in prose) on every pass.
 * - from stored records: touches as the store keeps them (schema 2), each inbound one
 *   with the reading the store made when it recorded it. That reading is paid for once
 *   per message at write time; its cost is reported beside, not inside, the passes.
 */
import type { AdviseInput, AdvisedTouch, Touch } from '../src/index.ts';
import { consume, int, median, ms, num, table, type Section } from './lib.ts';
import { touchwise } from './touchwise.ts';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const DAY = 86_400_000;
const CHANNELS: Touch['channel'][] = ['email', 'call', 'voicemail', 'social', 'meeting', 'email', 'email'];
const REPLIES = [
  'Thanks, this is helpful.',
  'Can you send pricing for 40 seats?',
  'Sounds interesting; let me talk to my team.',
  'We are comparing two other vendors at the moment.',
  "I'll get back to you after our board meeting on the 10th.",
  'I am out of the office until Monday 30 November with limited access to email.',
  'Not this quarter. Let us revisit next quarter.',
  'Looks good, a few questions on the SLA below.',
  'Please loop in Priya from procurement.',
  'Got it, thanks.',
];

/** A small deterministic generator (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeDeals(count: number, touchesPerDeal: number, seed = 1): AdviseInput[] {
  const rnd = random(seed);
  const deals: AdviseInput[] = [];
  for (let d = 0; d < count; d++) {
    const span = 30 + Math.floor(rnd() * 300); // days of history
    const touches: Touch[] = [];
    for (let t = 0; t < touchesPerDeal; t++) {
      const at = new Date(NOW - span * DAY + Math.floor((t / touchesPerDeal) * span * DAY) + Math.floor(rnd() * DAY)).toISOString();
      const inbound = rnd() < 1 / 7;
      touches.push({
        at,
        channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)]!,
        direction: inbound ? 'in' : 'out',
        ...(inbound ? { text: REPLIES[Math.floor(rnd() * REPLIES.length)]! } : { value: rnd() < 0.4 }),
      });
    }
    const qualified = rnd() < 0.6;
    deals.push({
      deal: {
        id: `deal-${d}`,
        name: `Deal ${d}`,
        contacts: rnd() < 0.3 ? ['one@example.com'] : ['one@example.com', 'two@example.com', 'three@example.com'],
        qualification: { money: qualified || rnd() < 0.5, authority: qualified, need: true },
      },
      touches,
      commitments: rnd() < 0.2 ? [{ owner: rnd() < 0.5 ? 'us' : 'them', due: new Date(NOW + Math.floor((rnd() - 0.5) * 10 * DAY)).toISOString(), what: 'send the revised quote' }] : [],
      timeZone: rnd() < 0.5 ? 'UTC' : 'America/New_York',
    });
  }
  return deals;
}

/** The same deals as the store keeps them: each inbound touch with its reading, made in the deal's zone. */
export function asStored(deals: AdviseInput[], readingOf: typeof touchwise.readingOf): Array<Omit<AdviseInput, 'touches'> & { touches: AdvisedTouch[] }> {
  return deals.map((d) => ({
    ...d,
    touches: d.touches.map((t) => {
      const reading = readingOf(t, d.timeZone ?? 'UTC');
      return reading ? { ...t, reading } : t;
    }),
  }));
}

export const advisorSection: Section = {
  name: 'advisor',
  async run({ log }) {
    const { advise, readingOf } = touchwise;
    log('advisor: generating 10,000 deals x 50 touches…');
    const deals = makeDeals(10_000, 50);
    const inbound = deals.reduce((n, d) => n + d.touches.filter((t) => t.direction === 'in').length, 0);
    const nowIso = new Date(NOW).toISOString();
    const passes = (set: Array<Omit<AdviseInput, 'touches'> & { touches: AdvisedTouch[] }>) => {
      const pass = () => {
        let n = 0;
        for (const d of set) n += advise(d, nowIso).unansweredTouches;
        return n;
      };
      let t = performance.now();
      consume(pass());
      const first = performance.now() - t;
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        t = performance.now();
        consume(pass());
        runs.push(performance.now() - t);
      }
      return { first, runs };
    };
    log('advisor: from text (cold, then 5 warm passes)…');
    const fromText = passes(deals);
    log('advisor: reading every inbound message once, as the store does when it records it…');
    const t = performance.now();
    const stored = asStored(deals, readingOf);
    const readingMs = performance.now() - t;
    log('advisor: from stored records (5 warm passes)…');
    const fromStore = passes(stored);
    const same = deals.every((d, i) => JSON.stringify(advise(d, nowIso)) === JSON.stringify(advise(stored[i]!, nowIso)));
    if (!same) throw new Error('advice from stored readings differs from advice from text');
    const verdicts = new Map<string, number>();
    for (const d of deals) {
      const v = advise(d, nowIso).verdict;
      verdicts.set(v, (verdicts.get(v) ?? 0) + 1);
    }
    const perDeal = (x: number) => `${((x / 10_000) * 1000).toFixed(1)} µs`;
    const range = (xs: number[]) => `${num(Math.min(...xs))}–${num(Math.max(...xs))} ms`;
    return [
      '#### Advisor: verdicts for 10,000 deals × 50 touches',
      '',
      table(
        ['', 'time', 'per deal', 'warm range'],
        ['l', 'r', 'r', 'r'],
        [
          ['from text: first pass (cold: caches empty, code not yet optimised)', ms(fromText.first), perDeal(fromText.first), ''],
          ['from text: median of 5 warm passes', ms(median(fromText.runs)), perDeal(median(fromText.runs)), range(fromText.runs)],
          ['from stored records: first pass (code already warm)', ms(fromStore.first), perDeal(fromStore.first), ''],
          ['from stored records: median of 5 warm passes', ms(median(fromStore.runs)), perDeal(median(fromStore.runs)), range(fromStore.runs)],
        ],
      ),
      '',
      `From text: touches as \`touchwise advise\` reads them; the messages that can still matter are read on every pass. From stored records: as the store keeps them (schema 2), each inbound touch with the reading made when it was recorded; making those readings for all ${int(inbound)} inbound messages took ${ms(readingMs)} here, paid once per message at write time and not inside the passes. Both give the same advice for every deal (checked).`,
      '',
      `Target: under 200 ms in Node. Verdicts in this set: ${[...verdicts].map(([v, n]) => `${v} ${int(n)}`).join(', ')}.`,
    ].join('\n');
  },
};
