/** Loads the labelled corpus (test/corpus/*.jsonl) and measures the scorer against it. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_IDS, scoreDraft, type DraftContext, type RuleId, type ScoreResult, type Verdict } from '../../src/index.ts';

export interface CorpusDraft {
  id: string;
  subject?: string;
  body: string;
  to?: string[];
  company?: string;
  context?: DraftContext;
  label: { scenario: 'silence' | 'live'; verdict: Verdict; rules: RuleId[]; note?: string };
  file: string;
}

export const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

export function loadCorpus(dir = CORPUS_DIR): CorpusDraft[] {
  const out: CorpusDraft[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push({ ...JSON.parse(line), file });
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`, { cause: e });
      }
    });
  }
  return out;
}

export function score(d: CorpusDraft): ScoreResult {
  const context: DraftContext = { ...d.context };
  if (d.company) context.company = d.company;
  return scoreDraft({ body: d.body, subject: d.subject, to: d.to, context });
}

/** Rules a result flags as problems (warning or error), the way the corpus is labelled. */
export function problems(r: ScoreResult): Set<RuleId> {
  return new Set(r.findings.filter((f) => f.severity !== 'info').map((f) => f.rule));
}

export interface RuleStats {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  drafts: number;
  perRule: Record<RuleId, RuleStats>;
  verdictAccuracy: number;
  verdictConfusion: Record<Verdict, Record<Verdict, number>>;
  misses: Array<{ id: string; file: string; missed: RuleId[]; extra: RuleId[]; verdict: Verdict; expected: Verdict }>;
}

export function evaluate(corpus: CorpusDraft[]): Evaluation {
  const perRule = Object.fromEntries(RULE_IDS.map((r) => [r, { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 }])) as Record<RuleId, RuleStats>;
  const verdicts: Verdict[] = ['send', 'revise', 'block'];
  const verdictConfusion = Object.fromEntries(verdicts.map((v) => [v, Object.fromEntries(verdicts.map((w) => [w, 0]))])) as Evaluation['verdictConfusion'];
  let right = 0;
  const misses: Evaluation['misses'] = [];
  for (const d of corpus) {
    const r = score(d);
    const got = problems(r);
    const want = new Set(d.label.rules);
    const missed: RuleId[] = [];
    const extra: RuleId[] = [];
    for (const rule of RULE_IDS) {
      const g = got.has(rule);
      const w = want.has(rule);
      if (g && w) perRule[rule].tp++;
      else if (g) {
        perRule[rule].fp++;
        extra.push(rule);
      } else if (w) {
        perRule[rule].fn++;
        missed.push(rule);
      }
    }
    verdictConfusion[d.label.verdict][r.verdict]++;
    if (r.verdict === d.label.verdict) right++;
    if (missed.length || extra.length || r.verdict !== d.label.verdict) misses.push({ id: d.id, file: d.file, missed, extra, verdict: r.verdict, expected: d.label.verdict });
  }
  for (const s of Object.values(perRule)) {
    s.precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    s.recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  }
  return { drafts: corpus.length, perRule, verdictAccuracy: corpus.length ? right / corpus.length : 0, verdictConfusion, misses };
}
