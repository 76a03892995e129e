import { scoreDraft, type DraftInput, type Finding, type RuleId } from '../../src/index.ts';

export type Case = string | (Partial<DraftInput> & { body: string });

function input(c: Case): DraftInput {
  return typeof c === 'string' ? { body: c } : { ...c };
}

/** Findings of one rule for a draft. */
export function findingsOf(rule: RuleId, c: Case): Finding[] {
  return scoreDraft(input(c)).findings.filter((f) => f.rule === rule);
}

/** Findings of one rule at warning or error severity: the rule says the draft falls short. */
export function problemsOf(rule: RuleId, c: Case): Finding[] {
  return findingsOf(rule, c).filter((f) => f.severity !== 'info');
}

export const silence = (body: string, extra: Partial<DraftInput> = {}): Case => ({ ...extra, body, context: { exchange: 'silence', ...extra.context } });
export const live = (body: string, extra: Partial<DraftInput> = {}): Case => ({ ...extra, body, context: { exchange: 'live', ...extra.context } });
