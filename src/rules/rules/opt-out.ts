/**
 * opt-out: a graceful way out ("if the timing's wrong, just tell me and I'll stop").
 *
 * @seed 001 "Let Your Prospects Opt Out": "Include an 'opt out' message in your voice or
 *   email. Tell your prospect that you understand if they don't have time, or of there
 *   is no interest … This way you give them a graceful way out and very often (you will
 *   be surprised), the prospect will get back to you, one way or another."
 *
 * The way out is an invitation to say no. A promise to step back counts when it comes
 * with one ("If not, tell me and I'll leave you be"); alone ("I will not contact you
 * again") it shuts the door instead. Matters most when following up on silence; in a
 * live exchange it is a suggestion.
 */
import { RULE_INFO } from '../catalog.ts';
import { sentenceIndexAt, type Draft } from '../draft.ts';
import { PhraseList } from '../match.ts';
import { WITHDRAWALS } from '../phrases.ts';
import { closingPoint, finding, memo, memoSlot, ownWords, type Rule, type RuleContext } from '../rule.ts';

const OFFERS_WAY_OUT = memoSlot('opt-out');

const withdrawals = new PhraseList(WITHDRAWALS);
/** What turns a promise to step back into an invitation: a condition or a request to hear "no". */
const INVITATION = /\b(?:if|unless|otherwise|either way|no worries|no problem|no hard feelings|just (?:say|tell|let)|tell me|let me know|say (?:so|the word|no)|(?:reply|respond|answer) (?:with|no|stop|pass|skip|["“])|not (?:interested|relevant|a priority|a fit|the right time))\b/i;

/** Whether the draft holds the door open for a "no". */
export function offersWayOut(ctx: RuleContext): boolean {
  const d: Draft = ctx.draft;
  return memo(d, OFFERS_WAY_OUT, () => {
    if (ctx.lists.optOuts.find(ownWords(d), 1).length) return true;
    const invited = (start: number) => {
      const i = sentenceIndexAt(d, start);
      if (i === -1) return false;
      const from = d.sentences[Math.max(0, i - 1)]!.start;
      return INVITATION.test(d.own.slice(from, d.sentences[i]!.end));
    };
    return withdrawals.find(ownWords(d), 1, invited).length > 0;
  });
}

export const optOut: Rule = {
  ...RULE_INFO['opt-out'],
  check(ctx) {
    const d = ctx.draft;
    if (d.body.end === 0 || offersWayOut(ctx)) return [];
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
