/**
 * Reading the prospect's own words on an inbound touch: do they ask us to stop, or hand
 * over the clock ("I'll get back to you after our board meeting on the 10th", "don't call
 * me, I'll call you", an out-of-office until a date)?
 *
 * @seed 003 "Don't Call Me, I'll Call You": the buyer owns the clock; "Customers don't want
 *   to buy on your time."
 * @seed 001 (voicemail example): "I saw that you were out of the office last week": an
 *   out-of-office is a date to wait for, not a reason to chase.
 * @seed 001 "Until They Respond!": "a prospect is a prospect as long as they don't tell you
 *   to never contact them again."
 *
 * Dates in prose are read with chrono-node relative to the message's own date, in the
 * rep's time zone, with the forms chrono leaves out added here: "on the 10th", "next
 * quarter", "after the holidays".
 */
import * as chrono from 'chrono-node';
import { PhraseList } from '../rules/match.ts';
import { STOP_REQUESTS } from '../rules/phrases.ts';
import type { AdvisedTouch, InboundReading, Touch } from '../shared/records.ts';
import { businessDaysAfter, localDay, midnight, offsetMinutes } from './time.ts';

export type ProspectSignal =
  | { kind: 'stop'; quote: string }
  | { kind: 'their-clock' | 'out-of-office'; until: Date; quote: string; dated: boolean };

const stopRequests = new PhraseList(STOP_REQUESTS);

/** They will come back to us: the clock is theirs. */
const HANDOVER =
  /\b(?:I|we)(?:['’]ll| will| shall| can| should)\s+(?:get back|circle back|come back|revert|reach out|be in touch|follow up|call you|ring you|let you know|update you|come back to you|pick (?:this|it) (?:up|back up))\b|\bdon['’]t (?:call|email|chase) (?:me|us)[,;]? (?:I|we)['’]ll (?:call|email|contact|be in touch with) you\b|\b(?:not|nothing) (?:before|until)\b|\b(?:until|till|after|following|once|post)\s+(?:our|the|my|we|I|their|next|a|this)\b[^.!?\n]{0,60}\b(?:meeting|board|review|holidays?|vacation|break|quarter|year|budget|launch|conference|audit|move|season|month|week|decision|approval|planning|offsite|close|results)\b|\b(?:next|the new) (?:quarter|year|fiscal year|financial year)\b|\bafter the (?:holidays|new year|summer|break)\b|\b(?:in|from|after) (?:january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])\b|\b(?:revisit|reconnect|talk|speak|touch base|regroup)\b[^.!?\n]{0,40}\b(?:in|after|next|from)\b/i;
/** Away: an out-of-office or leave until a date. */
const AWAY =
  /\b(?:out of (?:the )?office|ooo|on (?:annual |parental |maternity |paternity |sick |medical )?leave|on holiday|on vacation|away from (?:the office|my desk)|travell?ing|off sick|limited access to (?:e-?mail|my inbox))\b/i;
const RETURNING = /\b(?:until|till|through|returning|return(?:s|ing)? on|back (?:on|in the office|at my desk|from)|back)\b/i;

/** Words and figures chrono-node could read as a date. */
const DATE_HINT = /\d|\b(?:mon|tues?|wed|thu|fri|sat|sun)\w*|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:tomorrow|tonight|today|week|month|year|weekend|spring|summer|autumn|fall|winter|christmas|easter|noon|morning|afternoon|evening|fortnight|days?)\b/i;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';

/** The date a sentence names, read relative to `ref` on the rep's calendar, or undefined. */
export function dateIn(sentence: string, ref: Date, timeZone: string): Date | undefined {
  const today = new Date(localDay(ref, timeZone));
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const lower = sentence.toLowerCase();
  if (/\bnext quarter\b/.test(lower)) return midnight(Date.UTC(y, (Math.floor(m / 3) + 1) * 3, 1), timeZone);
  if (/\b(?:next|the new) (?:fiscal |financial )?year\b/.test(lower)) return midnight(Date.UTC(y + 1, 0, 1), timeZone);
  // After the winter holidays: the first working week of January.
  if (/\bafter the (?:holidays|new year)\b/.test(lower)) return midnight(Date.UTC(m >= 10 ? y + 1 : y, 0, 5), timeZone);
  // chrono-node is the costly step: only when the sentence holds something date-like.
  if (!DATE_HINT.test(sentence)) return undefined;
  const parsed = chrono.parse(sentence, { instant: ref, timezone: offsetMinutes(ref, timeZone) }, { forwardDate: true });
  const found = parsed.find((p) => !/^(?:now|today|tonight)$/i.test(p.text));
  if (found) {
    const d = found.start.date();
    // A month alone ("in January") means the start of that month.
    if (new RegExp(`^(?:in |from |after )?(?:${MONTHS})$`, 'i').test(found.text.trim())) return midnight(localDay(d, timeZone), timeZone);
    return d;
  }
  // "on the 10th", "the 3rd": the next such day of the month.
  const ordinal = /\bthe (\d{1,2})(?:st|nd|rd|th)\b/i.exec(sentence);
  if (ordinal) {
    const day = Number(ordinal[1]);
    if (day >= 1 && day <= 31) return midnight(day > today.getUTCDate() ? Date.UTC(y, m, day) : Date.UTC(y, m + 1, day), timeZone);
  }
  return undefined;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
}

export interface ReadingSettings {
  /** Business days to give them after a date they named, to get back to us. */
  afterTheirDate: number;
  /** Business days to wait when they take the clock without naming a date ("I'll call you"). */
  undatedHandover: number;
}

export const DEFAULT_READING: ReadingSettings = { afterTheirDate: 2, undatedHandover: 20 };

/** Their words asking us to stop, if any ("please remove me", "don't contact me again"). */
export function askedToStop(touch: Touch): string | undefined {
  const text = touch.text;
  if (!text || touch.direction !== 'in') return undefined;
  return stopRequests.find(text.slice(0, 20_000), 1)[0]?.text;
}

/** The clock a message hands over, before any settings apply: the kind, their words, and the date they named if any. */
export interface HandedClock {
  kind: 'their-clock' | 'out-of-office';
  quote: string;
  /** The date they named; absent when they took the clock without one (never for an out-of-office). */
  date?: Date;
}

/** The clock an inbound touch hands over, as they put it, or undefined. The costly part: it reads dates. */
export function handedClock(touch: Touch, timeZone: string): HandedClock | undefined {
  const text = (touch.text ?? '').slice(0, 20_000);
  if (touch.direction !== 'in' || !text.trim()) return undefined;
  // Cheap test first: most messages hand over nothing, and reading dates is the costly part.
  if (!HANDOVER.test(text) && !AWAY.test(text)) return undefined;
  const at = new Date(touch.at);
  for (const s of sentences(text)) {
    const away = AWAY.test(s) && RETURNING.test(s);
    if (!away && !HANDOVER.test(s)) continue;
    const date = dateIn(s, at, timeZone);
    const quote = s.length > 160 ? s.slice(0, 157) + '…' : s;
    if (date && date.getTime() > at.getTime() - 86_400_000) return { kind: away ? 'out-of-office' : 'their-clock', quote, date };
    if (!away) return { kind: 'their-clock', quote };
  }
  return undefined;
}

/** When a handed-over clock runs out: the date they named and a little grace, or a month of business days when they named none. */
export function clockFrom(handed: HandedClock, at: Date, timeZone: string, settings: ReadingSettings = DEFAULT_READING): Extract<ProspectSignal, { until: Date }> {
  const { kind, quote, date } = handed;
  if (date) return { kind, until: businessDaysAfter(date, kind === 'out-of-office' ? 0 : settings.afterTheirDate, timeZone), quote, dated: true };
  return { kind, until: businessDaysAfter(at, settings.undatedHandover, timeZone), quote, dated: false };
}

/** The clock an inbound touch hands over: a date to wait for, or undefined. */
export function clockOf(touch: Touch, timeZone: string, settings: ReadingSettings = DEFAULT_READING): Extract<ProspectSignal, { until: Date }> | undefined {
  const handed = handedClock(touch, timeZone);
  return handed && clockFrom(handed, new Date(touch.at), timeZone, settings);
}

/** What one inbound touch tells us, or undefined when it neither stops nor hands over the clock. */
export function readInbound(touch: Touch, timeZone: string, settings: ReadingSettings = DEFAULT_READING): ProspectSignal | undefined {
  const stop = askedToStop(touch);
  if (stop) return { kind: 'stop', quote: stop };
  return clockOf(touch, timeZone, settings);
}

/**
 * The version of the reading above. Raise it whenever what askedToStop or handedClock
 * make of a message changes: stored readings of another version are then ignored, and
 * the text read again.
 */
export const READER_VERSION = 1;

/**
 * What the store keeps on an inbound touch: the stop request or the handed-over clock it
 * holds, read once in the rep's time zone. Undefined when there is nothing to read (our
 * own touches, or theirs without words: reading those again costs nothing). A stop
 * request is all the advisor needs from a message that holds one.
 */
export function readingOf(touch: Touch, timeZone: string): InboundReading | undefined {
  if (touch.direction !== 'in' || !touch.text?.trim()) return undefined;
  const reading: InboundReading = { reader: READER_VERSION, timeZone };
  const stop = askedToStop(touch);
  if (stop) return { ...reading, stop };
  const handed = handedClock(touch, timeZone);
  if (handed) reading.clock = { kind: handed.kind, quote: handed.quote, ...(handed.date ? { date: handed.date.toISOString() } : {}) };
  return reading;
}

/** A stored reading the advisor can trust for a message, in this time zone; undefined when the text must be read again. */
export function usableReading(touch: AdvisedTouch, timeZone: string): InboundReading | undefined {
  const r = touch.reading;
  return r && r.reader === READER_VERSION && r.timeZone === timeZone && touch.direction === 'in' ? r : undefined;
}

/** The clock a stored reading holds, with the settings applied. */
export function clockOfReading(reading: InboundReading, at: Date, timeZone: string, settings: ReadingSettings = DEFAULT_READING): Extract<ProspectSignal, { until: Date }> | undefined {
  const c = reading.clock;
  return c && clockFrom({ kind: c.kind, quote: c.quote, ...(c.date ? { date: new Date(c.date) } : {}) }, at, timeZone, settings);
}
