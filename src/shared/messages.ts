/**
 * Messages between the extension's parts, as zod schemas defined once and shared by
 * every side. The background validates each message on receipt.
 */
import { z } from 'zod';
import { RULE_IDS } from '../rules/types.ts';
import { CommitmentSchema, TouchSchema } from './records.ts';

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

/** The recipient's deal as the banner shows it: where it stands and how long it has been silent. */
export const DealStateSchema = z.object({
  id: z.string(),
  name: z.string(),
  verdict: z.enum(['act', 'wait', 'nurture', 'requalify', 'stop']),
  until: z.string().nullable(),
  silenceDays: z.number(),
  unansweredTouches: z.number(),
  /** The advisor's first reason, and the seed passage behind it. */
  reason: z.string().optional(),
  seed: z.string().optional(),
});
export type DealState = z.infer<typeof DealStateSchema>;

/** The reply to `score-draft`: the scorer's result, and the recipient's deal when one is known. */
export const DraftVerdictSchema = ScoreResultSchema.extend({ deal: DealStateSchema.optional() });
export type DraftVerdict = z.infer<typeof DraftVerdictSchema>;

/** Asked of a webmail tab's content script by the popup: what the page's adapter can read. Not for the background. */
export const PageHealthRequest = z.object({ type: z.literal('page-health') });
export type PageHealthRequest = z.infer<typeof PageHealthRequest>;

export const ScoreDraftMessage = z.object({ type: z.literal('score-draft'), draft: DraftSchema });

const email = z.string().trim().toLowerCase().pipe(z.email());

/** The rep sent an email (the adapter saw the send). */
export const RecordSentMessage = z.object({
  type: z.literal('record-sent'),
  to: z.array(email).min(1).max(200),
  at: TouchSchema.shape.at,
  subject: z.string().max(2000).optional(),
  /** The body as the composer held it; with `html`, quoted history and signature are left out before it is kept. */
  body: z.string().max(2_000_000).optional(),
  html: z.boolean().optional(),
  /** Whether the draft gave value (the scorer's value-item said so). */
  value: z.boolean().optional(),
});

/** Earlier messages of an open thread, as the page shows them. */
export const RecordThreadMessage = z.object({
  type: z.literal('record-thread'),
  /** The prospect's address (the thread's other party). */
  prospect: email,
  messages: z
    .array(z.object({ at: TouchSchema.shape.at, direction: z.enum(['in', 'out']), text: z.string().max(200_000).optional() }))
    .max(500),
});

export const ListDealsMessage = z.object({ type: z.literal('list-deals') });
export const LogTouchMessage = z.object({ type: z.literal('log-touch'), dealId: z.string().min(1), touch: TouchSchema });
export const SetCommitmentMessage = z.object({ type: z.literal('set-commitment'), dealId: z.string().min(1), commitment: CommitmentSchema });
export const MarkDoNotContactMessage = z.object({ type: z.literal('mark-do-not-contact'), dealId: z.string().min(1), doNotContact: z.boolean() });
export const GetSettingsMessage = z.object({ type: z.literal('get-settings') });
/** Any subset of the settings; each field is validated, an invalid one keeps its current value. */
export const SaveSettingsMessage = z.object({ type: z.literal('save-settings'), settings: z.record(z.string(), z.unknown()) });
export const ExportBackupMessage = z.object({ type: z.literal('export-backup') });
/** The backup file's parsed JSON; the store validates it whole before changing anything. */
export const RestoreBackupMessage = z.object({ type: z.literal('restore-backup'), backup: z.unknown() });
/** The text of a CRM export (HubSpot deals, Salesforce opportunities, Pipedrive deals). */
export const ImportCrmMessage = z.object({ type: z.literal('import-crm'), csv: z.string().max(20_000_000) });

/** Every message the background accepts. */
export const Message = z.discriminatedUnion('type', [
  ScoreDraftMessage,
  RecordSentMessage,
  RecordThreadMessage,
  ListDealsMessage,
  LogTouchMessage,
  SetCommitmentMessage,
  MarkDoNotContactMessage,
  GetSettingsMessage,
  SaveSettingsMessage,
  ExportBackupMessage,
  RestoreBackupMessage,
  ImportCrmMessage,
]);
export type Message = z.infer<typeof Message>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
