/**
 * desperation: guilt and neediness ("I've reached out several times", "did I do
 * something wrong?", "haven't heard back").
 *
 * @seed 003: "Instead of calling or emailing your prospect every hour on the hour, play
 *   it cool … you don't come off as desperate."
 * @seed 001 stalled sales: "you feel that you must have done something wrong! Well,
 *   don't despair! It often has nothing to do with you … Prospects need time to review
 *   and digest."
 */
import { RULE_INFO } from '../catalog.ts';
import { finding, matches, quote, type Rule } from '../rule.ts';

export const desperation: Rule = {
  ...RULE_INFO['desperation'],
  check(ctx) {
    return matches(ctx, 'desperation')
      .slice(0, ctx.options.maxFindingsPerRule)
      .map((m) =>
        finding(
          'desperation',
          'warning',
          m,
          `${quote(m.text)} sounds needy. Their silence is rarely about you: they may be busy, travelling, or waiting on others.`,
          'Leave the history out. Give them a reason to reply instead, or wait.',
        ),
      );
  },
};
