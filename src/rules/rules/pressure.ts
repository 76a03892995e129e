/**
 * pressure: the seller's clock, not the buyer's: quota, month or quarter end,
 * expiring discounts, "need to close this week".
 *
 * @seed 003 "Customers don't want to buy on your time": "We get it: you have a quota to
 *   meet, the month is ending, the quarter is coming to a close. However, there are a lot
 *   of factors that make it hard to purchase from you on your time."
 */
import { RULE_INFO } from '../catalog.ts';
import { finding, matches, quote, type Rule } from '../rule.ts';

export const pressure: Rule = {
  ...RULE_INFO['pressure'],
  check(ctx) {
    return matches(ctx, 'pressure')
      .slice(0, ctx.options.maxFindingsPerRule)
      .map((m) =>
        finding(
          'pressure',
          'warning',
          m,
          `${quote(m.text)} puts your deadline on them. Customers don’t buy on your time.`,
          'Drop the deadline, or tie timing to their own dates and goals.',
        ),
      );
  },
};
