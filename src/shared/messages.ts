/**
 * Messages between the extension's parts, as zod schemas defined once and shared by
 * every side. The background validates each message on receipt.
 */
import { z } from 'zod';
import { RULE_IDS } from '../rules/types.ts';

export const Exchange = z.enum(['silence', 'live']);

export const DraftContextSchema = z.object({
  company: z.string().max(200).optional(),
  exchange: Exchange.optional(),
  doNotContact: z.boolean().optional(),
  lastTouches: z
    .array(z.object({ at: z.string(), direction: z.enum(['in', 'out']), channel: z.string().optional(), text: z.string().max(200_000).optional() }))
    .max(500)
    .optional(),
  deal: z
    .object({ name: z.string().max(200).optional(), verdict: z.enum(['act', 'wait', 'nurture', 'requalify', 'stop']), until: z.string().nullable().optional(), reason: z.string().max(500).optional() })
    .optional(),
});

/** A draft as the page reads it. The body is capped so a runaway paste can't stall the worker. */
export const DraftSchema = z.object({
  body: z.string().max(2_000_000),
  subject: z.string().max(2000).optional(),
  to: z.array(z.string().max(320)).max(200).optional(),
  html: z.boolean().optional(),
  context: DraftContextSchema.optional(),
});

export const FindingSchema = z.object({
  rule: z.enum(RULE_IDS),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  suggestion: z.string().optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const ScoreResultSchema = z.object({
  score: z.number().min(0).max(100),
  verdict: z.enum(['send', 'revise', 'block']),
  findings: z.array(FindingSchema),
});

export const ScoreDraftMessage = z.object({ type: z.literal('score-draft'), draft: DraftSchema });

/** Every message the background accepts. */
export const Message = z.discriminatedUnion('type', [ScoreDraftMessage]);
export type Message = z.infer<typeof Message>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
