/**
 * The scorer: runs every rule over a draft and turns the findings into a score
 * (0–100) and a verdict. Pure: no clock, no browser, no I/O; the same input always
 * gives the same output.
 */
import { makeDraft } from './draft.ts';
import { compileLists, type Rule, type RuleContext } from './rule.ts';
import { aboutThem } from './rules/about-them.ts';
import { concise } from './rules/concise.ts';
import { desperation } from './rules/desperation.ts';
import { doNotContact } from './rules/do-not-contact.ts';
import { pacing } from './rules/pacing.ts';
import { emptyCheckin } from './rules/empty-checkin.ts';
import { generic } from './rules/generic.ts';
import { nextStep } from './rules/next-step.ts';
import { optOut } from './rules/opt-out.ts';
import { pressure } from './rules/pressure.ts';
import { research } from './rules/research.ts';
import { valueItem } from './rules/value-item.ts';
import { RULE_IDS, type DraftInput, type Finding, type RuleId, type ScoreOptions, type ScoreResult, type Severity, type Verdict } from './types.ts';

/** Every rule, in the RULEBOOK's order. */
export const RULES: readonly Rule[] = [
  emptyCheckin,
  valueItem,
  research,
  optOut,
  aboutThem,
  nextStep,
  pressure,
  desperation,
  generic,
  concise,
  doNotContact,
  pacing,
];

export const DEFAULT_MAX_WORDS = { silence: 150, live: 300 } as const;

/** Points off per rule that falls short: the worst finding of a rule counts in full, repeats a little. */
const PENALTY: Record<Severity, number> = { error: 40, warning: 14, info: 2 };
const REPEAT_PENALTY = 3;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Rule ids in `localeCompare` order, worked out once: the sort's last tie-break without a collator call per comparison. */
const RULE_RANK = new Map([...RULE_IDS].sort((a, b) => a.localeCompare(b)).map((id, i) => [id, i]));

export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => (f.rule === 'do-not-contact' || f.rule === 'pacing') && f.severity === 'error')) return 'block';
  if (findings.some((f) => f.severity !== 'info')) return 'revise';
  return 'send';
}

export function scoreOf(findings: readonly Finding[]): number {
  const worst = new Map<RuleId, Severity>();
  const count = new Map<RuleId, number>();
  for (const f of findings) {
    const w = worst.get(f.rule);
    if (!w || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[w]) worst.set(f.rule, f.severity);
    count.set(f.rule, (count.get(f.rule) ?? 0) + 1);
  }
  let penalty = 0;
  for (const [rule, sev] of worst) penalty += PENALTY[sev] + Math.min(3, (count.get(rule) ?? 1) - 1) * (sev === 'info' ? 0 : REPEAT_PENALTY);
  return Math.max(0, Math.min(100, 100 - penalty));
}

/** Accepts a draft object or, for convenience, the body text alone. */
export function scoreDraft(input: DraftInput | string, options: ScoreOptions = {}): ScoreResult {
  const draftInput: DraftInput = typeof input === 'string' ? { body: input } : input;
  const draft = makeDraft(draftInput);
  const ctx: RuleContext = {
    draft,
    lists: compileLists(options.extraPhrases),
    options: {
      maxFindingsPerRule: Math.max(1, options.maxFindingsPerRule ?? 25),
      maxWords: { ...DEFAULT_MAX_WORDS, ...options.maxWords },
    },
  };
  const findings: Finding[] = [];
  // An empty draft has nothing to judge yet (the banner stays quiet until there are words).
  if (draft.body.end > draft.body.start || draftInput.context?.doNotContact) {
    for (const rule of RULES) findings.push(...rule.check(ctx));
  }
  findings.sort((a, b) => a.start - b.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || RULE_RANK.get(a.rule)! - RULE_RANK.get(b.rule)!);
  const verdict = verdictOf(findings);
  return { score: verdict === 'block' ? 0 : scoreOf(findings), verdict, findings };
}
