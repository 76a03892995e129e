/**
 * opt-out: a graceful way out ("if the timing's wrong, just tell me and I'll stop").
 *
 * @seed 001 "Let Your Prospects Opt Out": "Include an 'opt out' message in your voice or
 *   email. Tell your prospect that you understand if they don't have time, or of there
 *   is no interest … This way you give them a graceful way out and very often (you will
 *   be surprised), the prospect will get back to you, one way or another."
 *
 * Matters most when following up on silence; in a live exchange it is a suggestion.
 */
import { RULE_INFO } from '../catalog.ts';
import { closingPoint, finding, matches, type Rule } from '../rule.ts';

export const optOut: Rule = {
  ...RULE_INFO['opt-out'],
  check(ctx) {
    const d = ctx.draft;
    if (d.body.end === 0 || matches(ctx, 'optOuts').length > 0) return [];
    const live = d.exchange === 'live';
    return [
      finding(
        'opt-out',
        live ? 'info' : 'warning',
        closingPoint(d),
        live
          ? 'If the conversation might stall, a graceful way out keeps it honest.'
          : 'Give them a graceful way out: a quick “not now” is an answer too, and often the one that gets a reply.',
        'Add a line such as: “If the timing is wrong, just tell me and I’ll stop reaching out.”',
      ),
    ];
  },
};
