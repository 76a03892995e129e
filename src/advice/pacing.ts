/**
 * Pacing: how long to wait after each unanswered touch, on every channel together.
 *
 * @seed 001 stalled sales: "Don't – and I really mean DON'T – try to be aggressive and start
 *   calling or e-mailing them over and over." So each further unanswered touch waits longer.
 * @seed 001: "the average sales cycle is at least 6 months up to a couple of years": the
 *   schedule has a long tail, never a cut-off.
 * @seed 003: "you email her, you Facebook message her, call her, text her, call her again all
 *   with no answer … YOU LOST HER." Several channels in a burst is bombardment.
 * @seed 000: "less is often more … minimize the number of sales touches."
 *
 * Why these defaults: waits grow roughly as Fibonacci numbers of business days (3, 5, 8,
 * 13, 21, 34) so the gaps widen steadily without a cliff; after six unanswered touches the
 * deal settles into a long tail of one touch per 55 business days (about a quarter), the
 * cadence of a value-only nurture. Three or more touches within 48 hours on two or more
 * channels is a burst, and doubles the next wait. All of it is configurable.
 */
import type { Touch } from '../shared/records.ts';
import { timeOf } from './time.ts';

export interface PacingSettings {
  /** Business days to wait after the 1st, 2nd, … unanswered touch. */
  waits: number[];
  /** Business days between touches once the schedule runs out: the long tail. */
  longTail: number;
  burst: { windowHours: number; minTouches: number; minChannels: number; factor: number };
}

export const DEFAULT_PACING: PacingSettings = {
  waits: [3, 5, 8, 13, 21, 34],
  longTail: 55,
  burst: { windowHours: 48, minTouches: 3, minChannels: 2, factor: 2 },
};

/** Business days to wait after the `n`th unanswered touch in a row (n ≥ 1). */
export function waitAfter(n: number, settings: PacingSettings = DEFAULT_PACING): number {
  if (n < 1) return 0;
  return settings.waits[n - 1] ?? settings.longTail;
}

/**
 * Whether the unanswered touches end in a burst: several touches close together on more
 * than one channel, ending with the last one. `times` (ms, one per touch) spares parsing
 * the times again when the caller has them.
 */
export function endsInBurst(unanswered: Touch[], settings: PacingSettings = DEFAULT_PACING, times: number[] = unanswered.map((t) => timeOf(t.at))): boolean {
  const { windowHours, minTouches, minChannels } = settings.burst;
  if (!unanswered.length) return false;
  const end = times[unanswered.length - 1]!;
  const channels = new Set<string>();
  let recent = 0;
  for (let i = 0; i < unanswered.length; i++) {
    if (!(end - times[i]! <= windowHours * 3_600_000)) continue;
    recent++;
    channels.add(unanswered[i]!.channel);
  }
  return recent >= minTouches && channels.size >= minChannels;
}
