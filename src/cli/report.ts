/** The readable report `touchwise score` prints on a terminal. */
import { RULES } from '../rules/index.ts';
import type { DraftInput, Finding, ScoreResult, Severity } from '../rules/types.ts';
import { makeDraft } from '../rules/draft.ts';

const codes = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;
type Style = keyof typeof codes;

export function formatReport(input: DraftInput, result: ScoreResult, color: boolean): string {
  const paint = (s: string, style: Style) => (color ? `\u001b[${codes[style]}m${s}\u001b[0m` : s);
  const sevStyle: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };
  const verdictStyle = { send: 'green', revise: 'yellow', block: 'red' } as const;
  const text = makeDraft(input).text;
  const lines: string[] = [];
  lines.push(`${paint(result.verdict.toUpperCase(), verdictStyle[result.verdict])}  score ${paint(String(result.score), 'bold')}/100`);
  if (!result.findings.length) lines.push(paint('Nothing to fix: this follow-up gives them something for their time.', 'green'));
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const sorted = [...result.findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start);
  const explained = new Set<string>();
  for (const f of sorted) {
    const rule = explained.has(f.rule) ? undefined : RULES.find((r) => r.id === f.rule);
    explained.add(f.rule);
    lines.push('');
    lines.push(`${paint(f.severity.padEnd(7), sevStyle[f.severity])} ${paint(f.rule, 'bold')}  ${f.message}`);
    const where = excerpt(text, f);
    if (where) lines.push(`        ${paint(where, 'dim')}`);
    if (f.suggestion) lines.push(`        → ${f.suggestion}`);
    if (rule) lines.push(`        ${paint(`why: ${rule.why} (seed ${rule.seed})`, 'dim')}`);
  }
  return lines.join('\n') + '\n';
}

function excerpt(text: string, f: Finding): string {
  if (f.end <= f.start) return '';
  const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
  const lineEndAt = text.indexOf('\n', f.end);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  const line = text.slice(lineStart, lineEnd);
  return line.length > 100 ? text.slice(f.start, Math.min(f.end, f.start + 100)) : line.trim();
}
