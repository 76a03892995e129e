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
import { wordTable } from '../match.ts';
import { finding, matches, memo, memoSlot, ownWords, quote, type Rule, type RuleContext } from '../rule.ts';

const FOCUS = memoSlot('focus');
const SELF_FOCUSED = memoSlot('self-focused');

/** Words about us, words about them, and "our/my <product>": counted as whole words. */
const SELF_WORDS = ['we', 'our', 'ours', 'us', 'ourselves'];
const YOU_WORDS = ['you', 'your', 'yours', 'yourself'];
const OWNER_WORDS = ['our', 'my'];
const PRODUCT_WORDS = ['product', 'products', 'platform', 'solution', 'solutions', 'software', 'tool', 'tools', 'service', 'services', 'offering', 'technology', 'app', 'system', 'feature', 'features', 'company', 'team', 'firm', 'agency'];

const SELF = new RegExp(`\\b(?:${SELF_WORDS.join('|')})\\b`, 'gi');
const SELF_PRODUCT = new RegExp(`\\b(?:${OWNER_WORDS.join('|')}) (?:${PRODUCT_WORDS.join('|')})\\b`, 'gi');
const YOU = new RegExp(`\\b(?:${YOU_WORDS.join('|')})\\b`, 'gi');

function count(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
}

/**
 * The same counts from the draft's word index (one pass, no pattern): every match of SELF
 * or YOU is one whole word of the index, and every match of SELF_PRODUCT an owner word,
 * one plain space, then a product word. Null past the dictionary's limit (then: the patterns).
 */
const IS_SELF = 1;
const IS_YOU = 2;
const IS_OWNER = 4;
const IS_PRODUCT = 8;
const FOCUS_WORDS = (() => {
  const table = wordTable(SELF_WORDS, IS_SELF);
  return table && wordTable(YOU_WORDS, IS_YOU, table) && wordTable(OWNER_WORDS, IS_OWNER, table) && wordTable(PRODUCT_WORDS, IS_PRODUCT, table);
})();

/** How much the draft talks about us versus them, over the writer's own words (once per draft). */
function focus(ctx: RuleContext): { self: number; you: number } {
  return memo(ctx.draft, FOCUS, () => {
    const table = FOCUS_WORDS;
    const d = ctx.draft;
    if (!table) return { self: count(d.own, SELF) + 2 * count(d.own, SELF_PRODUCT), you: count(d.own, YOU) };
    const index = ownWords(d);
    index.know(table.length - 1);
    const { text, starts, ends, ids, count: n } = index;
    let self = 0;
    let you = 0;
    let products = 0;
    for (let t = 0; t < n; t++) {
      const id = ids[t]!;
      const kind = id >= 0 && id < table.length ? table[id]! : 0;
      if (kind === 0) continue;
      if (kind & IS_SELF) self++;
      if (kind & IS_YOU) you++;
      if (kind & IS_OWNER && t + 1 < n && starts[t + 1] === ends[t]! + 1 && text.charCodeAt(ends[t]!) === 32) {
        const next = ids[t + 1]!;
        if (next >= 0 && next < table.length && table[next]! & IS_PRODUCT) products++;
      }
    }
    return { self: self + 2 * products, you };
  });
}

const mostlyAboutUs = ({ self, you }: { self: number; you: number }) => self >= 7 && self >= 2 * you + 3;

/** Whether the draft is a pitch about the seller: bragging, or far more "we" than "you". */
export function selfFocused(ctx: RuleContext): boolean {
  return memo(ctx.draft, SELF_FOCUSED, () => matches(ctx, 'bragging').length >= 2 || (ctx.draft.wordCount >= 25 && mostlyAboutUs(focus(ctx))));
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
    const { self, you } = focus(ctx);
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
