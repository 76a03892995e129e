/**
 * about-them: the message is about the prospect's needs, not the seller's product.
 *
 * @seed 001 "Persistence Pays Off": "What is NOT expected and dreaded are messages that
 *   are about your product or service, rather than the value it could bring to their
 *   business."
 * @seed 001 voicemail example: not "our superior product … our clients love us … best
 *   customer service in the industry".
 */
import { RULE_INFO } from '../catalog.ts';
import { finding, matches, memo, quote, type Rule, type RuleContext } from '../rule.ts';

const SELF = /\b(?:we|we['’](?:re|ve|ll|d)|our|ours|us|ourselves)\b/gi;
const SELF_PRODUCT = /\b(?:our|my) (?:product|products|platform|solution|solutions|software|tool|tools|service|services|offering|technology|app|system|features?|company|team|firm|agency)\b/gi;
const YOU = /\b(?:you|your|yours|yourself|you['’](?:re|ve|ll|d))\b/gi;

function count(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
}

/** How much the draft talks about us versus them, over the writer's own words. */
function focus(text: string): { self: number; you: number } {
  return { self: count(text, SELF) + 2 * count(text, SELF_PRODUCT), you: count(text, YOU) };
}

const mostlyAboutUs = ({ self, you }: { self: number; you: number }) => self >= 7 && self >= 2 * you + 3;

/** Whether the draft is a pitch about the seller: bragging, or far more "we" than "you". */
export function selfFocused(ctx: RuleContext): boolean {
  return memo(ctx.draft, 'self-focused', () => matches(ctx, 'bragging').length >= 2 || (ctx.draft.wordCount >= 25 && mostlyAboutUs(focus(ctx.draft.own))));
}

export const aboutThem: Rule = {
  ...RULE_INFO['about-them'],
  check(ctx) {
    const d = ctx.draft;
    const out = matches(ctx, 'bragging')
      .slice(0, ctx.options.maxFindingsPerRule)
      .map((m) =>
        finding(
          'about-them',
          'warning',
          m,
          `${quote(m.text)} is about you. Prospects tune out claims; they listen to what changes for them.`,
          'Replace the claim with one concrete result for a business like theirs.',
        ),
      );
    if (out.length || d.wordCount < 25) return out;
    // Far more about us than about them, measured over the writer's own words.
    const { self, you } = focus(d.own);
    if (mostlyAboutUs({ self, you })) {
      const first = d.sentences.find((s) => count(d.own.slice(s.start, s.end), SELF) > 0) ?? d.body;
      out.push(
        finding(
          'about-them',
          'warning',
          { start: first.start, end: first.end },
          `This is mostly about you (“we/our” ${self} times, “you/your” ${you}). Make it about their business.`,
          'Rewrite around their goal: what they get, in their terms, before anything about your product.',
        ),
      );
    }
    return out;
  },
};
