/**
 * empty-checkin: "just checking in", "touching base", "circling back", "any update?"
 * — a touch that asks for the prospect's time and gives nothing back.
 *
 * @seed 000 "Avoid Random Sales Activity": salespeople "rush to fill it with unfortunate
 *   'check-in' calls and spurious 'just touching base' emails … the salesperson wants
 *   to consume some of the customer's time without providing anything of value in return."
 * @seed 004: "Creating excuses to get back in to see the customer doesn't create value.
 *   In the end it wastes their time."
 *
 * An error when the draft gives nothing; a warning (filler) when it does give something.
 */
import { RULE_INFO } from '../catalog.ts';
import { finding, matches, quote, type Rule } from '../rule.ts';
import { givesValue } from './value-item.ts';

export const emptyCheckin: Rule = {
  ...RULE_INFO['empty-checkin'],
  check(ctx) {
    const found = matches(ctx, 'checkins');
    if (!found.length) return [];
    const gives = givesValue(ctx);
    return found.slice(0, ctx.options.maxFindingsPerRule).map((m) =>
      gives
        ? finding(
            'empty-checkin',
            'warning',
            m,
            `${quote(m.text)} is filler: you do bring something, so lead with that instead.`,
            'Cut the check-in line and open with what you are giving them.',
          )
        : finding(
            'empty-checkin',
            'error',
            m,
            `${quote(m.text)} asks for their time and gives nothing back. Silence often means wait.`,
            'Send this only when you have something for them: an insight, a relevant article, an answer. Otherwise, wait.',
          ),
    );
  },
};
