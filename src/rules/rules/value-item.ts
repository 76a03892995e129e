/**
 * value-item: the draft gives the prospect something for the time it asks.
 *
 * @seed 000 "The Sales Bargain": "The customer agrees to invest some of their limited
 *   time in you. And, in return, they have the very reasonable expectation that they
 *   will receive something of value from you."
 * @seed 001 stalled sales: "If you find an interesting article that might help them
 *   understand the value of your service or product offering, send it to them. Start
 *   with a line that says 'Just thinking of you, thought you might be interested in
 *   the attached'."
 * @seed 004: each call must create value; commitments, not excuses, bring the next one.
 */
import { RULE_INFO } from '../catalog.ts';
import { endsInQuestion, sentenceAt } from '../draft.ts';
import { KeyedPattern, PhraseList } from '../match.ts';
import { closingPoint, finding, memo, memoSlot, ownWords, regexSpans, type Rule, type RuleContext } from '../rule.ts';
import { selfFocused } from './about-them.ts';

const GIVES_VALUE = memoSlot('value');

/** Giving something: an attachment, a link, a summary, an idea, an answer. */
const GIVING = new PhraseList([
  'attached', 'attaching', 'enclosed', '(please|) find (attached|enclosed|below)', "(I've|I have|we've|we have) included",
  { say: "here('s| is| are)", unlessAfter: /^\s+(?:hoping|the thing|to you|goes|me)\b/i },
  "(I|we) (put|pulled|threw|jotted|wrote|drafted|sketched|mapped|wrote up|summed|boiled) (together|up|down|out|it down)",
  "(I've|I have|we've|we have|I|we) (put together|pulled together|written up|drafted|sketched out|mapped out|prepared|compiled|outlined|summarised|summarized|recorded|built|modelled|modeled|run the numbers|ran the numbers|crunched|benchmarked)",
  '(sharing|share) (a|an|the|this|these|some|our|my|two|three|#|what|how)',
  '(wanted|want|thought I\'d|I\'d like) to (share|send|pass along|pass on|flag|forward|offer)',
  '(sending|send) (over|along|you) (a|an|the|this|these|some|our|my|two|three|#)',
  '(passing|pass) (along|on) (a|an|the|this|these|some)',
  '(forwarding|forwarded) (you|) (a|an|the|this)',
  "thought (you|you'd|you might|this might|it might|this could|it could|of you|this would|it would|this was|you'd want|you'd like|you'd find|it was worth)",
  'thinking of you',
  '(I|we) (came across|stumbled on|stumbled across|ran across|spotted)',
  '(this|it|these|they) (might|may|could|should|will|would) (help|be useful|be helpful|be relevant|interest you|save|be worth|give you|answer|cover|show)',
  'worth a (look|read|listen|skim|watch|glance)',
  'you (might|may|could|will) (find|like|enjoy|want to see|appreciate|be interested)',
  '(useful|helpful|relevant|handy|interesting) (for|to) (you|your)',
  'for your (reference|review|records|team)',
  '(we|I) (found|saw|learned|noticed|measured|discovered|tested|compared) (that|how|what|which|it)',
  '(our|the|this|a|new|recent) (data|research|benchmark|analysis|study|survey|numbers|report|pilot) (shows|showed|found|suggests|suggest|show|came back)',
  '(one|a|quick|two|three|a few|some|couple of) (idea|ideas|thought|thoughts|suggestion|suggestions|tip|tips|observation|observations|recommendation|recommendations|option|options|takeaway|takeaways)(:| for| on| that| about| from| I| we| you)',
  '(to answer|answering|re) your question',
  '(the|short|quick|honest) answer (is|to)',
  'good news',
  '(one|a|another|simple|quick) way to',
  '(what|how) (worked|works|helped) (for|at)',
  '(in|from|on) (a|one) similar (project|rollout|situation|case|deployment|account)',
  'as promised',
  '(I|we) (checked|confirmed|looked into|dug into|asked) (with|on|and|it|that|this)',
  "(I've|I have|I|we've|we have|we) (added|updated|refreshed|revised|annotated|highlighted|marked up|pulled|made you|made a|recorded|ran a|ran the|crunched|mocked up|built you)",
  "(made|recorded|built|drafted|wrote) (you|for you) (a|an|the)",
  '(in short|bottom line|tl;dr|tldr|key points|summary)(:|,)',
  '(quick|short|brief) (recap|summary|update)(:| of| on)',
]);

/** Things worth giving. Counted as value when their sentence also hands them over. */
const CONTENT = new KeyedPattern(
  /\b(?:case stud(?:y|ies)|article|report|white ?paper|playbook|template|checklist|guide|one-pager|breakdown|comparison|calculator|benchmark|summary|recap|agenda|proposal|quote|estimate|draft|plan|timeline|roadmap|webinar|recording|video|loom|deck|slides|notes|spreadsheet|model|analysis|audit|mock-?up|prototype|sample|example|references?|pricing|price sheet|contract|sow|statement of work|specs?|documentation|docs|demo|trial|sandbox|answers?)\b/gi,
  [
    'case', 'article', 'report', 'white', 'whitepaper', 'playbook', 'template', 'checklist', 'guide', 'pager', 'breakdown',
    'comparison', 'calculator', 'benchmark', 'summary', 'recap', 'agenda', 'proposal', 'quote', 'estimate', 'draft', 'plan',
    'timeline', 'roadmap', 'webinar', 'recording', 'video', 'loom', 'deck', 'slides', 'notes', 'spreadsheet', 'model',
    'analysis', 'audit', 'mock', 'mockup', 'prototype', 'sample', 'example', 'reference', 'references', 'pricing', 'price',
    'contract', 'sow', 'statement', 'spec', 'specs', 'documentation', 'docs', 'demo', 'trial', 'sandbox', 'answer', 'answers',
  ],
);
const HANDS_OVER = /\b(?:here|attached|attaching|enclosed|included|below|link|linked|sharing|sending|sent you|put together|pulled together|drafted|wrote up|forward(?:ing|ed)?|for you|you can (?:see|find|open|try)|is ready|are ready|as promised)\b|:\s*$|:\s+\S/i;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()]+|\b[a-z0-9][a-z0-9-]*\.(?:com|io|co|org|net|ai|app|dev|so|ly|me|uk|de|fr)\/[^\s<>()]+/gi;
const WWW = /www\./i;
/** A booking page: the link is a next step, not a gift. Each address is a whole word where it starts. */
export const CALENDAR_LINK = new KeyedPattern(
  /\b(?:calendly\.com|cal\.com\/|savvycal\b|meetings\.hubspot|hubspot\.com\/meetings|chilipiper\b|youcanbook\.me|outlook\.office\.com\/bookwithme|calendar\.app\.google|zcal\.co|tidycal\b)/i,
  ['calendly', 'cal', 'savvycal', 'meetings', 'hubspot', 'chilipiper', 'youcanbook', 'outlook', 'calendar', 'zcal', 'tidycal'],
);
/** A number that measures something, in a sentence that says what changed. */
const DATA_POINT = /(?:\d[\d,.]*\s?(?:%|percent|x\b|k\b|m\b|hours?|days?|weeks?|minutes?|mins?|seconds?|points?|pallets?|orders?|tickets?|shipments?|users?|customers?|patients?|claims?|calls?)|[$€£]\s?\d)/i;
const CHANGE = /\b(?:cut|cuts|reduc\w*|sav\w*|increas\w*|improv\w*|grew|grow\w*|drop\w*|lower\w*|rais\w*|faster|slower|fewer|more|less|doubl\w*|halv\w*|boost\w*|shrank|shrunk|went from|from \S+ to|down|up)\b/i;
const LIST_ITEM = /^[ \t]*(?:[-*•–·▪]|\d{1,2}[.)]|[a-z][.)])[ \t]+\S/gm;

/** An offer for later is not a gift now: "I'll send some materials soon". */
const FUTURE_BEFORE = /\b(?:will|['’]ll|going to|plan to|hope to|aim to|can|could|would|happy to|glad to|once|when|about to|putting together|pulling together|working on|preparing)\s+(?:\w+\s+)?$/i;
/** "I thought this guidance note from the workshop might be useful." */
const OFFERED_AS_USEFUL = new KeyedPattern(/\b(?:thought|figured|in case)\b[^.!?\n]{0,120}\b(?:useful|helpful|relevant|interesting|handy|worth)\b/i, ['thought', 'figured', 'case']);
/** Paperwork that serves the seller: attaching an order form gives them nothing. */
const SELLER_PAPERWORK = new KeyedPattern(
  /\b(?:order form|invoice|docusign|signature page|paperwork|sign(?:ing)? (?:link|page)|purchase order|discount|% off|special (?:price|pricing|offer|rate)|promotion|promo code)\b/i,
  ['order', 'invoice', 'docusign', 'signature', 'paperwork', 'sign', 'signing', 'purchase', 'discount', 'off', 'special', 'promotion', 'promo'],
);
/** Value claims inside bragging: our awards are not their insight. */
const BRAG_HINT = new KeyedPattern(
  /\b(?:award|best|leading|#1|number one|love us|second to none|unmatched|world-class|industry-leading|pride ourselves)\b/i,
  ['award', 'best', 'leading', '1', 'number', 'love', 'second', 'unmatched', 'world', 'industry', 'pride'],
);

/**
 * Whether the draft hands the prospect something of value. Checks run cheapest first and
 * stop at the first gift found: a link, a giving phrase, content handed over, a data point,
 * a list. Nothing counts that is for the seller (paperwork, a discount) or a boast.
 */
export function givesValue(ctx: RuleContext): boolean {
  const d = ctx.draft;
  return memo(d, GIVES_VALUE, () => {
    const own = d.own;
    const index = ownWords(d);
    const forThem = (start: number, end: number) => {
      const s = sentenceAt(d, start);
      const to = Math.max(s.end, end);
      return !SELLER_PAPERWORK.test(index, s.start, to) && !BRAG_HINT.test(index, s.start, to);
    };
    if (d.links.some((l) => !CALENDAR_LINK.re.test(l.href) && !/^mailto:|^tel:/i.test(l.href) && forThem(l.start, l.end))) return true;
    // (a URL holds a '/' or "www.": without either there is none to find)
    if ((own.includes('/') || WWW.test(own)) && regexSpans(own, URL, 50).some((s) => !CALENDAR_LINK.re.test(own.slice(s.start, s.end)) && forThem(s.start, s.end))) return true;
    const future = (start: number) => FUTURE_BEFORE.test(own.slice(Math.max(0, start - 40), start));
    if (GIVING.find(ownWords(d), 1, (start, end) => !future(start) && forThem(start, end)).length) return true;
    for (const s of CONTENT.mayMatch(index) ? regexSpans(own, CONTENT.re, 400) : []) {
      const sentence = sentenceAt(d, s.start);
      const text = own.slice(sentence.start, sentence.end);
      if (HANDS_OVER.test(text) && !/^\s*(?:did|have|had|were|any)\b/i.test(text) && forThem(s.start, s.end)) return true;
    }
    // In a pitch about the seller, feature lists and other clients' numbers are claims, not gifts.
    if (selfFocused(ctx)) return false;
    for (const sentence of d.sentences) {
      if (sentence.end - sentence.start >= 400 || endsInQuestion(own, sentence)) continue;
      const text = own.slice(sentence.start, sentence.end);
      const offered = OFFERED_AS_USEFUL.mayMatch(index, sentence.start, sentence.end) && OFFERED_AS_USEFUL.re.test(text);
      if (((DATA_POINT.test(text) && CHANGE.test(text)) || offered) && forThem(sentence.start, sentence.end)) return true;
    }
    // A list gives something when it is not a list of guesses about them ("1. You're all set").
    const items = regexSpans(own, LIST_ITEM, 50).filter((s) => !/^[\s\d.)*•–·-]*you(?:['’]re| are|['’]ve| have)\b/i.test(own.slice(s.start, s.end + 20)));
    return items.length >= 2 && forThem(items[0]!.start, items[items.length - 1]!.end);
  });
}

export const valueItem: Rule = {
  ...RULE_INFO['value-item'],
  check(ctx) {
    const draft = ctx.draft;
    if (draft.body.end === 0 || givesValue(ctx)) return [];
    const live = draft.exchange === 'live';
    return [
      finding(
        'value-item',
        live ? 'info' : 'warning',
        closingPoint(draft),
        live
          ? 'Nothing here moves their decision forward yet.'
          : 'This asks for their time but gives nothing back: the bargain is value for every touch.',
        'Add one thing they can use: an insight about their situation, a relevant article or case study, a number, an answer to their question.',
      ),
    ];
  },
};
