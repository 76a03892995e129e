/**
 * The wait-or-act advisor: for one deal, how long it has been silent and whether the rep
 * should act or wait, and why. Pure: the clock comes in as `now`.
 *
 * Verdicts, in the order they win:
 * - `stop`: do not contact (the CRM says so, or they asked in their own words). [001]
 * - `act`: a commitment of ours falls due, or they spoke last and a reply is owed. [004]
 * - `wait` until their date: they took the clock ("after our board meeting on the 10th",
 *   an out-of-office). [003, 001]
 * - `wait` on the pacing schedule after unanswered touches, longer after a burst. [001, 003]
 * - `requalify`: long silence on a deal that never showed Money, Authority and Need, or
 *   has a single contact: that silence is an answer. [002]
 * - `nurture`: long silence on a qualified deal: low-frequency, value-only touches. [001, 003]
 * - `act`: the wait is over; act only with something of value. [001, 000]
 */
import type { AdvisedTouch, AdviseInput } from '../shared/records.ts';
import { DEFAULT_PACING, endsInBurst, waitAfter, type PacingSettings } from './pacing.ts';
import { askedToStop, clockOf, clockOfReading, DEFAULT_READING, usableReading, type ProspectSignal, type ReadingSettings } from './prospect.ts';
import { businessDaysAfter, calendarDaysBetween, isValidTimeZone, localDay, timeOf } from './time.ts';

type Clock = Extract<ProspectSignal, { until: Date }>;
type Touch = AdvisedTouch;

/**
 * What advise() takes: AdviseInput (a file for `touchwise advise`, text only), or the
 * store's records, whose inbound touches carry a reading of their text made when they
 * were stored. A reading is used when it is current (same reader, same time zone);
 * otherwise the text is read, with the same result.
 */
export type AdvisorInput = Omit<AdviseInput, 'touches'> & { touches: AdvisedTouch[] };

export type AdviceVerdict = 'act' | 'wait' | 'nurture' | 'requalify' | 'stop';

export interface Reason {
  code: string;
  message: string;
  /** The seed passage behind it, so the rep can argue with it. */
  seed: string;
}

export interface Advice {
  verdict: AdviceVerdict;
  /** When the wait ends (ISO), for `wait` and `nurture`; otherwise null. */
  until: string | null;
  /** Calendar days since the prospect last spoke (or since our first touch, if they never have). */
  silenceDays: number;
  /** Our touches, on every channel, since they last spoke. */
  unansweredTouches: number;
  reasons: Reason[];
}

export interface AdvisorSettings {
  pacing: PacingSettings;
  reading: ReadingSettings;
  /** Calendar days of silence after which the deal is nurtured or requalified instead of paced. */
  longSilenceDays: number;
}

export const DEFAULT_ADVISOR: AdvisorSettings = { pacing: DEFAULT_PACING, reading: DEFAULT_READING, longSilenceDays: 90 };

const SEEDS = {
  stop: '001: “a prospect is a prospect as long as they don’t tell you to never contact them again”',
  commitment: '004: “commitments and actions on both the part of sales and the customer … create the need for the next meeting or call”',
  reply: '004: the next steps “create a value based reason for the next call”; they wrote, so the next move is yours',
  theirClock: '003: “Don’t call me, I’ll call you … Customers don’t want to buy on your time”',
  away: '001: “I saw that you were out of the office last week”: be there when they are back',
  pacing: '001: “Don’t … try to be aggressive and start calling or e-mailing them over and over”',
  burst: '003: “you email her, you Facebook message her, call her, text her … all with no answer … YOU LOST HER”',
  elapsed: '001: “you CAN add value whenever possible, but there is not a lot else you can do other than wait it out”',
  lessIsMore: '000: “in sales, less is often more”',
  requalify: '002: “the selling party has received his or her answer”; a deal needs Money, Authority and Need, and at least three people',
  nurture: '001: sales cycles run “at least 6 months up to a couple of years”; 003: “Stay connected, and be there when your buyer is ready”',
  first: '000: “Each and every sales interaction you have must move your prospects at least one step closer”',
} as const;

/**
 * Touches up to `nowMs`, oldest first, with their times (each parsed once). Stored
 * touches are usually in order already, and all in the past: then no copy and no sort.
 */
function inTimeOrder(all: Touch[], nowMs: number): { touches: Touch[]; times: number[] } {
  const n = all.length;
  const times = new Array<number>(n);
  let ordered = true;
  let kept = 0;
  let prev = -Infinity;
  for (let i = 0; i < n; i++) {
    const ms = timeOf(all[i]!.at);
    times[i] = ms;
    if (ms <= nowMs) {
      kept++;
      if (ms < prev) ordered = false;
      prev = ms;
    }
  }
  if (ordered && kept === n) return { touches: all, times };
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (times[i]! <= nowMs) idx.push(i);
  // A stable sort: touches at the same time keep the order they came in.
  if (!ordered) idx.sort((a, b) => times[a]! - times[b]!);
  return { touches: idx.map((i) => all[i]!), times: idx.map((i) => times[i]!) };
}

/**
 * Reads their messages newest first, as far as asked, and stops at the first that hands
 * over a clock: that one supersedes anything older.
 */
class ClockReader {
  /** The newest message that hands over a clock, once found. */
  clock: Clock | undefined;
  /** Its index among the touches; -1 until found. */
  index = -1;
  /** Touches from here on have been read. */
  private next: number;

  constructor(
    private readonly touches: Touch[],
    private readonly times: number[],
    private readonly timeZone: string,
    private readonly reading: ReadingSettings,
  ) {
    this.next = touches.length;
  }

  readDownTo(downTo: number): void {
    while (!this.clock && this.next > downTo) {
      const i = --this.next;
      const t = this.touches[i]!;
      if (t.direction !== 'in') continue;
      const stored = usableReading(t, this.timeZone);
      this.clock = stored ? clockOfReading(stored, new Date(this.times[i]!), this.timeZone, this.reading) : clockOf(t, this.timeZone, this.reading);
      if (this.clock) this.index = i;
    }
  }
}

/** A touch where the prospect took part: they wrote or called, or we met. */
const theySpoke = (t: Touch) => t.direction === 'in' || t.channel === 'meeting';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const dayFormats = new Map<string, { format: Intl.DateTimeFormat; labels: Map<number, string> }>();

/** A day on the rep's calendar, as the reasons name it ("Fri, 20 Nov 2026"). */
function day(d: Date | number, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = { format: new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }), labels: new Map() }));
  const at = typeof d === 'number' ? new Date(d) : d;
  // Every instant of one local day has the same label: formatted once per day.
  const key = localDay(at, timeZone);
  let label = f.labels.get(key);
  if (label === undefined) {
    if (f.labels.size > 10_000) f.labels.clear();
    f.labels.set(key, (label = f.format.format(at)));
  }
  return label;
}

export function advise(input: AdvisorInput, nowIso?: string, settings: AdvisorSettings = DEFAULT_ADVISOR): Advice {
  const timeZone = input.timeZone && isValidTimeZone(input.timeZone) ? input.timeZone : 'UTC';
  const now = new Date(nowIso ?? input.now ?? Date.now());
  // Only what has happened by now counts, oldest first (each time parsed once).
  const nowMs = now.getTime();
  const { touches, times } = inTimeOrder(input.touches, nowMs);
  let lastSpokeIndex = touches.length - 1;
  while (lastSpokeIndex >= 0 && !theySpoke(touches[lastSpokeIndex]!)) lastSpokeIndex--;
  const lastSpoke = touches[lastSpokeIndex];
  // Everything after their last word is ours and unanswered (a touch where they didn't speak is outbound).
  const unanswered = touches.slice(lastSpokeIndex + 1);
  const silenceFrom = lastSpoke ? times[lastSpokeIndex]! : times[0];
  const silenceDays = silenceFrom !== undefined ? calendarDaysBetween(new Date(silenceFrom), now, timeZone) : 0;
  const base = { silenceDays, unansweredTouches: unanswered.length };
  const result = (verdict: AdviceVerdict, until: Date | null, reasons: Reason[]): Advice => ({ verdict, until: until ? new Date(until.getTime()).toISOString() : null, ...base, reasons });

  // 1. Stop: the CRM says so, or they asked in any message of theirs.
  if (input.doNotContact) return result('stop', null, [{ code: 'do-not-contact', message: 'This deal is marked do-not-contact. Don’t reach out.', seed: SEEDS.stop }]);
  for (let i = 0; i < touches.length; i++) {
    const t = touches[i]!;
    if (t.direction !== 'in') continue; // only their own words can ask us to stop
    const stored = usableReading(t, timeZone);
    const quote = stored ? stored.stop : askedToStop(t);
    if (quote) return result('stop', null, [{ code: 'asked-to-stop', message: `They asked you to stop on ${day(times[i]!, timeZone)} (“${quote}”). Mark the deal do-not-contact.`, seed: SEEDS.stop }]);
  }

  // 2. Act now: our commitment falls due, or they spoke last and are owed a reply.
  const ours = (input.commitments ?? []).filter((c) => c.owner === 'us').map((c) => ({ c, due: timeOf(c.due) })).sort((a, b) => a.due - b.due);
  if (ours.length) {
    // Falls due: by the end of the next business day.
    const dueBy = businessDaysAfter(now, 2, timeZone).getTime();
    const due = ours.find(({ due }) => due < dueBy && !deliveredAfter(due, touches, times));
    if (due) {
      const overdue = due.due < nowMs;
      return result('act', null, [
        { code: 'commitment-due', message: `You committed to “${due.c.what}” ${overdue ? 'by' : 'for'} ${day(due.due, timeZone)}${overdue ? ' and it is overdue' : ''}. Deliver it: that is the reason for this touch.`, seed: SEEDS.commitment },
      ]);
    }
  }

  // Their latest word on timing supersedes anything they said before. When they spoke
  // last, only that message can keep a reply from being owed: nothing older is read yet.
  const theirClock = new ClockReader(touches, times, timeZone, settings.reading);
  if (lastSpoke && unanswered.length === 0) {
    theirClock.readDownTo(lastSpokeIndex);
    if (theirClock.index !== lastSpokeIndex) {
      return result('act', null, [
        { code: 'reply-owed', message: `They ${lastSpoke.channel === 'meeting' ? 'met with you' : 'wrote to you'} on ${day(times[lastSpokeIndex]!, timeZone)} and are waiting on you. Reply with what moves their decision forward.`, seed: SEEDS.reply },
      ]);
    }
  }
  theirClock.readDownTo(0);
  const clock = theirClock.clock;

  // 3. Their clock: their latest handover or out-of-office, while it is in force.
  if (clock && clock.until.getTime() > nowMs) {
    const message =
      clock.kind === 'out-of-office'
        ? `They are away (“${clock.quote}”). Wait until ${day(clock.until, timeZone)}, when they are back and have caught up.`
        : clock.dated
          ? `They took the clock (“${clock.quote}”). Wait until ${day(clock.until, timeZone)}; contact before then spends goodwill.`
          : `They said they would come back to you (“${clock.quote}”). Give them until ${day(clock.until, timeZone)}; after that, only a touch that brings value.`;
    return result('wait', clock.until, [{ code: clock.kind === 'out-of-office' ? 'out-of-office' : 'their-clock', message, seed: clock.kind === 'out-of-office' ? SEEDS.away : SEEDS.theirClock }]);
  }

  // 4. Long silence: an answer in itself (requalify), or a qualified deal to nurture.
  const q = input.deal.qualification ?? {};
  const qualified = q.money === true && q.authority === true && q.need === true;
  const contacts = new Set(input.deal.contacts.map((c) => c.trim().toLowerCase())).size;
  if (touches.length && silenceDays >= settings.longSilenceDays) {
    if (!qualified || contacts < 2) {
      const missing = [q.money !== true && 'Money', q.authority !== true && 'Authority', q.need !== true && 'Need'].filter(Boolean);
      const why = !qualified ? `it never showed ${missing.join(', ')}` : 'you know only one person there';
      return result('requalify', null, [
        { code: qualified ? 'single-contact' : 'unqualified-silence', message: `${plural(silenceDays, 'day')} of silence, and ${why}. That silence is an answer: requalify the deal or close it out rather than chase.`, seed: SEEDS.requalify },
      ]);
    }
    let lastOut = touches.length - 1;
    while (lastOut >= 0 && touches[lastOut]!.direction !== 'out') lastOut--;
    const next = lastOut >= 0 ? businessDaysAfter(new Date(times[lastOut]!), settings.pacing.longTail, timeZone) : now;
    const until = next.getTime() > now.getTime() ? next : null;
    return result('nurture', until, [
      {
        code: 'nurture',
        message: `${plural(silenceDays, 'day')} of silence on a qualified deal. Stay in touch at a low rhythm, only with something of value${until ? `; next touch from ${day(until, timeZone)}` : ''}.`,
        seed: SEEDS.nurture,
      },
    ]);
  }

  // 5. Pacing after unanswered touches.
  if (unanswered.length) {
    const lastAt = times[times.length - 1]!;
    const burst = endsInBurst(unanswered, settings.pacing, times.slice(lastSpokeIndex + 1));
    const wait = waitAfter(unanswered.length, settings.pacing) * (burst ? settings.pacing.burst.factor : 1);
    const until = businessDaysAfter(new Date(lastAt), wait, timeZone);
    const reasons: Reason[] = [];
    if (burst) reasons.push({ code: 'bombardment', message: 'Several touches on several channels in a short burst, all unanswered: that reads as chasing. The next wait is doubled.', seed: SEEDS.burst });
    if (until.getTime() > now.getTime()) {
      reasons.unshift({
        code: 'pacing-wait',
        message: `${plural(unanswered.length, 'touch', 'touches')} without an answer since they last spoke; the last on ${day(lastAt, timeZone)}. Wait until ${day(until, timeZone)} (${plural(wait, 'business day')}).`,
        seed: SEEDS.pacing,
      });
      return result('wait', until, reasons);
    }
    reasons.unshift({
      code: 'wait-elapsed',
      message: `The wait after ${plural(unanswered.length, 'unanswered touch', 'unanswered touches')} is over. Act only with something of value to them; otherwise keep waiting.`,
      seed: SEEDS.elapsed,
    });
    reasons.push({ code: 'fewer-touches', message: 'Make this one count: fewer, better touches win more often.', seed: SEEDS.lessIsMore });
    return result('act', null, reasons);
  }

  // 6. Nothing on record, or their last word handed over a clock that has run out.
  if (!touches.length) return result('act', null, [{ code: 'first-touch', message: 'No touches yet. Make the first one count: research first, and bring something of value.', seed: SEEDS.first }]);
  return result('act', null, [{ code: 'wait-elapsed', message: 'The date they gave has passed. Reach out with something of value to them.', seed: SEEDS.elapsed }]);
}

/**
 * Whether we already delivered: an outbound touch that carried value, from three days
 * before the commitment fell due onwards. (Commitments carry no "done" flag; delivering
 * is what closes them.)
 */
function deliveredAfter(due: number, touches: Touch[], times: number[]): boolean {
  const from = due - 86_400_000 * 3;
  return touches.some((t, i) => t.direction === 'out' && t.value === true && times[i]! >= from);
}
