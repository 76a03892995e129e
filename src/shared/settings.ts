/**
 * The user's settings, kept in storage.sync (so they follow the user across browsers) and
 * validated with zod on every read: a damaged or outdated value falls back to the default
 * for that setting alone, and the rest are kept.
 */
import { z } from 'zod';
import { DEFAULT_PACING } from '../advice/pacing.ts';

const PHRASE_LISTS = ['checkins', 'pressure', 'desperation', 'bragging', 'optOuts', 'stopRequests', 'boilerplateGreetings'] as const;

export const SettingsSchema = z.object({
  /** Business days to wait after the 1st, 2nd, … unanswered touch, then the long tail. */
  pacingWaits: z.array(z.number().int().min(1).max(250)).min(1).max(20).catch(DEFAULT_PACING.waits),
  longTail: z.number().int().min(5).max(250).catch(DEFAULT_PACING.longTail),
  /** Days of silence after which a deal is nurtured or requalified. */
  longSilenceDays: z.number().int().min(14).max(730).catch(90),
  /** Word limits for the writer's own text. */
  maxWords: z.object({ silence: z.number().int().min(20).max(2000), live: z.number().int().min(20).max(5000) }).catch({ silence: 150, live: 300 }),
  /** Phrases the user adds to the built-in lists (the built-ins always apply). */
  extraPhrases: z.preprocess(
    (v) => {
      // Keep every known list's valid phrases; drop unknown lists and anything that isn't a phrase.
      const out: Partial<Record<(typeof PHRASE_LISTS)[number], string[]>> = {};
      if (!v || typeof v !== 'object') return out;
      for (const name of PHRASE_LISTS) {
        const list = (v as Record<string, unknown>)[name];
        if (Array.isArray(list)) out[name] = list.filter((p): p is string => typeof p === 'string' && p.trim() !== '' && p.length <= 200).slice(0, 200);
      }
      return out;
    },
    z.partialRecord(z.enum(PHRASE_LISTS), z.array(z.string())),
  ),
  /** Ask before sending a draft Touchwise would block (off: Touchwise never stands in the way of Send). */
  confirmBeforeBlockedSend: z.boolean().catch(false),
  /** A browser notification when a wait ends (off by default). */
  notifyWhenWaitEnds: z.boolean().catch(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Reads stored settings: each field that is missing or invalid takes its default. */
export function readSettings(stored: unknown): Settings {
  const obj = stored && typeof stored === 'object' ? stored : {};
  return SettingsSchema.parse(obj);
}
