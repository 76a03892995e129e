/** The readable report `touchwise advise` prints. */
import type { Advice } from '../advice/index.ts';
import type { AdviseInput } from '../shared/records.ts';

const codes = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;

export function formatAdvice(input: AdviseInput, a: Advice, color: boolean): string {
  const paint = (s: string, c: keyof typeof codes) => (color ? `\u001b[${codes[c]}m${s}\u001b[0m` : s);
  const style = { act: 'green', wait: 'yellow', nurture: 'cyan', requalify: 'yellow', stop: 'red' } as const;
  const head = `${paint(a.verdict.toUpperCase(), style[a.verdict])}${a.until ? ` until ${a.until.slice(0, 10)}` : ''}  ${paint(input.deal.name, 'bold')}`;
  const timers = `silent ${a.silenceDays} day${a.silenceDays === 1 ? '' : 's'} · ${a.unansweredTouches} unanswered touch${a.unansweredTouches === 1 ? '' : 'es'}`;
  const reasons = a.reasons.map((r) => `  • ${r.message}\n    ${paint(`seed ${r.seed}`, 'dim')}`);
  return [head, paint(timers, 'dim'), ...reasons].join('\n') + '\n';
}
