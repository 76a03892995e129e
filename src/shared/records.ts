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
