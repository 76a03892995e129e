/**
 * concise: short and relevant; long follow-ups are ignored.
 *
 * @seed 001 voicemail section: keep it "concise, short and relevant".
 * @seed 000: "a buyer wants to spend as little time with you, or any salesperson, as
 *   possible … with the least investment of their time possible."
 *
 * Counts only the writer's own words: quoted history and signatures are not theirs to read again.
 */
import { RULE_INFO } from '../catalog.ts';
import { finding, type Rule } from '../rule.ts';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

export const concise: Rule = {
  ...RULE_INFO['concise'],
  check(ctx) {
    const d = ctx.draft;
    const limit = ctx.options.maxWords[d.exchange];
    if (d.wordCount <= limit) return [];
    // Point at the words past the limit: that's what a reader skims.
    WORD.lastIndex = 0;
    let n = 0;
    let start = d.body.start;
    for (let m = WORD.exec(d.own); m; m = WORD.exec(d.own)) {
      if (++n === limit + 1) {
        start = m.index;
        break;
      }
    }
    return [
      finding(
        'concise',
        'warning',
        { start, end: d.body.end },
        `At ${d.wordCount} words this is long for ${d.exchange === 'live' ? 'a reply' : 'a follow-up'}; aim for under ${limit}. Busy buyers skim or skip long messages.`,
        'Keep the one point that matters to them; move detail into an attachment or the call.',
      ),
    ];
  },
};
