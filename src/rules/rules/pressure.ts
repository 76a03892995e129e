/**
 * pressure: the seller's clock, not the buyer's: quota, month or quarter end,
 * expiring discounts, "need to close this week".
 *
 * @seed 003 "Customers don't want to buy on your time": "We get it: you have a quota to
 *   meet, the month is ending, the quarter is coming to a close. However, there are a lot
 *   of factors that make it hard to purchase from you on your time."
 */
import { RULE_INFO } from '../catalog.ts';
import { KeyedPattern } from '../match.ts';
import { finding, matches, ownWords, quote, type Rule, type RuleContext } from '../rule.ts';
import type { Span } from '../draft.ts';

/** An offer of ours with an end date in the same sentence: "the 15% launch discount on the label subscription expires this Friday". */
const OFFER = /\b(?:discount|\d+% off|special (?:price|pricing|rate|offer)|promo(?:tion)?|launch (?:price|pricing|offer)|introductory (?:price|pricing|rate)|founding[- ]customer (?:price|pricing|rate)|deal|offer|pricing|price|rate)\b/i;
const ENDS = new KeyedPattern(
  /\b(?:expires?|expiring|ends|ending|runs out|goes away|valid (?:only )?until|only (?:good|valid|available) until|until (?:the end of|midnight|friday|monday)|finishes|closes|before (?:it|they) (?:expires?|goes?|ends?))\b/i,
  ['expire', 'expires', 'expiring', 'end', 'ends', 'ending', 'runs', 'go', 'goes', 'until', 'finishes', 'closes'],
);
/** Their own contract running out is their clock, not ours. */
const THEIR_TERM = /\byour\b[^.]{0,30}\b(?:contract|renewal|licen[cs]e|subscription|lease|policy|cover)\b[^.]{0,20}\b(?:expires|ends|renews)/i;

function expiringOffers(ctx: RuleContext, already: Span[]): Span[] {
  const d = ctx.draft;
  const index = ownWords(d);
  // (most drafts hold no word of an ending at all: then no sentence is read)
  if (!ENDS.mayMatch(index)) return [];
  return d.sentences.filter((s) => {
    if (s.end - s.start >= 400 || !ENDS.mayMatch(index, s.start, s.end)) return false;
    const text = d.own.slice(s.start, s.end);
    return ENDS.re.test(text) && OFFER.test(text) && !THEIR_TERM.test(text) && !already.some((m) => m.start < s.end && m.end > s.start);
  });
}

export const pressure: Rule = {
  ...RULE_INFO['pressure'],
  check(ctx) {
    const phrases = matches(ctx, 'pressure');
    const spans = [...phrases.map((m) => ({ start: m.start, end: m.end, text: m.text })), ...expiringOffers(ctx, phrases).map((s) => ({ ...s, text: ctx.draft.own.slice(s.start, s.end) }))];
    return spans
      .sort((a, b) => a.start - b.start)
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
