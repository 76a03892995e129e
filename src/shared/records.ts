/**
 * Stored records and the advisor's input: zod schemas defined once and shared by the
 * background, the UIs, the CLI and the advisor. Times are ISO 8601 strings.
 */
import { z } from 'zod';

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a date and time (use ISO 8601, e.g. 2026-11-23T09:30:00Z)' });

export const Channel = z.enum(['email', 'call', 'voicemail', 'meeting', 'social', 'other']);
export type Channel = z.infer<typeof Channel>;

export const TouchSchema = z.object({
  at: isoTime,
  channel: Channel,
  /** `out`: we reached them; `in`: they reached us. */
  direction: z.enum(['out', 'in']),
  text: z.string().max(200_000).optional(),
  /** Whether the touch gave them something of value (from the scorer, or the rep's word). */
  value: z.boolean().optional(),
});
export type Touch = z.infer<typeof TouchSchema>;

export const CommitmentSchema = z.object({
  owner: z.enum(['us', 'them']),
  due: isoTime,
  what: z.string().min(1).max(2000),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

export const QualificationSchema = z.object({
  money: z.boolean().optional(),
  authority: z.boolean().optional(),
  need: z.boolean().optional(),
});
export type Qualification = z.infer<typeof QualificationSchema>;

export const DealSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  company: z.string().optional(),
  domains: z.array(z.string()).optional(),
  contacts: z.array(z.string()),
  stage: z.string().optional(),
  crmUrl: z.string().optional(),
  qualification: QualificationSchema.optional(),
});
export type Deal = z.infer<typeof DealSchema>;

/** What `touchwise advise FILE.json` reads. */
export const AdviseInputSchema = z.object({
  now: isoTime.optional(),
  deal: DealSchema,
  touches: z.array(TouchSchema),
  commitments: z.array(CommitmentSchema).optional(),
  doNotContact: z.boolean().optional(),
  /** The rep's time zone (IANA name); business days and "the 10th" are read in it. Defaults to UTC. */
  timeZone: z.string().optional(),
});
export type AdviseInput = z.infer<typeof AdviseInputSchema>;

/** A deal as the store keeps it. */
export const StoredDealSchema = DealSchema.extend({
  doNotContact: z.boolean().optional(),
  /** When the record last changed (ISO). */
  updatedAt: isoTime,
});
export type StoredDeal = z.infer<typeof StoredDealSchema>;

/**
 * What an inbound message says, read once when the store keeps the touch (readingOf in
 * src/advice/prospect.ts), so advising needs no parsing. Derived from the text, never
 * typed in: a reading from another reader version is ignored and the text read again, as
 * is a clock read in another time zone ("the 10th" is a day on the rep's calendar).
 */
export const InboundReadingSchema = z.object({
  /** The reader that made it (READER_VERSION in src/advice/prospect.ts). */
  reader: z.number().int().positive(),
  /** The rep's time zone it was read in. */
  timeZone: z.string().min(1),
  /** Their words asking us to stop, if they did. */
  stop: z.string().optional(),
  /** The clock they handed over, if they did (and did not ask us to stop). */
  clock: z
    .object({
      kind: z.enum(['their-clock', 'out-of-office']),
      quote: z.string(),
      /** The date they named (ISO); absent when they took the clock without one. */
      date: isoTime.optional(),
    })
    .optional(),
});
export type InboundReading = z.infer<typeof InboundReadingSchema>;

/** A touch as the store keeps it: which deal, and with whom. */
export const StoredTouchSchema = TouchSchema.extend({
  id: z.number().int().positive().optional(),
  dealId: z.string().min(1),
  /** The prospect's address on an email touch, lowercased. */
  contact: z.string().optional(),
  /** On an inbound touch: what it says (schema version 2 on; the store writes it). */
  reading: InboundReadingSchema.optional(),
});
export type StoredTouch = z.infer<typeof StoredTouchSchema>;

/** A touch as the advisor takes it: from a file (text only) or from the store (text and its reading). */
export type AdvisedTouch = Touch & { reading?: InboundReading };

export const StoredCommitmentSchema = CommitmentSchema.extend({
  id: z.number().int().positive().optional(),
  dealId: z.string().min(1),
});
export type StoredCommitment = z.infer<typeof StoredCommitmentSchema>;

/**
 * The backup file (`touchwise-backup.json`): everything the store holds, versioned.
 * Version 1: { format, version, exportedAt, deals, touches, commitments }.
 *
 * Store schema 2 still writes backup version 1: a touch's `reading` is derived from its
 * text, so a backup leaves it out (and a restore ignores one, reading the text afresh in
 * the rep's time zone with the current reader). A v1 backup from schema 1 restores as is.
 */
export const BACKUP_VERSION = 1;
export const BackupSchema = z.object({
  format: z.literal('touchwise-backup'),
  version: z.literal(BACKUP_VERSION),
  exportedAt: isoTime,
  deals: z.array(StoredDealSchema),
  touches: z.array(StoredTouchSchema.omit({ reading: true })),
  commitments: z.array(StoredCommitmentSchema),
});
export type Backup = z.infer<typeof BackupSchema>;
