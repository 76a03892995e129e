/** The rule ids, exactly as in the RULEBOOK table (plus `pacing`, which the advisor adds). */
export const RULE_IDS = [
  'empty-checkin',
  'value-item',
  'research',
  'opt-out',
  'about-them',
  'next-step',
  'pressure',
  'desperation',
  'generic',
  'concise',
  'do-not-contact',
  'pacing',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';
export type Verdict = 'send' | 'revise' | 'block';

/**
 * Which kind of follow-up this is. `silence`: following up on a prospect who has
 * gone quiet. `live`: replying in an active exchange, or delivering what was agreed.
 */
export type Exchange = 'silence' | 'live';

/** A touch already on record for the deal, newest last. */
export interface PastTouch {
  at: string;
  direction: 'in' | 'out';
  channel?: string;
  text?: string;
}

export interface DraftContext {
  /** The prospect's company or the deal's name, when known. */
  company?: string;
  /** Set when the caller knows; otherwise the scorer reads it from the draft. */
  exchange?: Exchange;
  /** The prospect asked not to be contacted (from the CRM or the advisor). */
  doNotContact?: boolean;
  /** Recent touches on the deal, oldest first; the last one says who spoke last (live or silence). */
  lastTouches?: PastTouch[];
  /**
   * The advisor's verdict on the recipient's deal, when the draft goes to a known deal:
   * a draft during a `wait` gets a pacing warning; `stop` blocks it.
   */
  deal?: { name?: string; verdict: 'act' | 'wait' | 'nurture' | 'requalify' | 'stop'; until?: string | null; reason?: string };
}

export interface DraftInput {
  /** Plain text, or the composer's HTML. */
  body: string;
  subject?: string;
  /** Recipient addresses (to and cc). */
  to?: string[];
  /** Treat `body` as HTML (`true`), as plain text (`false`), or detect (unset). */
  html?: boolean;
  context?: DraftContext;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  suggestion?: string;
  /** Offsets into the text the user wrote: the body itself when plain text, its visible text when HTML. */
  start: number;
  end: number;
}

export interface ScoreResult {
  score: number;
  verdict: Verdict;
  findings: Finding[];
}

/** Phrase lists the user may extend (from the options page); built-ins always apply. */
export type PhraseListName =
  | 'checkins'
  | 'pressure'
  | 'desperation'
  | 'bragging'
  | 'optOuts'
  | 'stopRequests'
  | 'boilerplateGreetings';

export interface ScoreOptions {
  /** Extra phrases per list, in the phrase syntax of `phrases.ts`. */
  extraPhrases?: Partial<Record<PhraseListName, string[]>>;
  /** Word limits for the writer's own text. */
  maxWords?: Partial<Record<Exchange, number>>;
  /** At most this many findings per rule (a 200 KB paste of one phrase stays readable). */
  maxFindingsPerRule?: number;
}
