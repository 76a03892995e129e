/**
 * next-step: a concrete next step, or a commitment on both sides; never an invented
 * excuse to come back.
 *
 * @seed 004: "Take them a piece of collateral … use the excuse, 'I'll research that and
 *   get back to you with some great references,' as the excuse for getting back to see
 *   the customer … This thinking is absolutely backwards and wrong." And: "well planned
 *   and executed sales calls will result in commitments and actions on both the part of
 *   sales and the customer … These commitments and actions create the need for the next
 *   meeting or call."
 */
import { endsInQuestion, sentenceAt, type Draft, type Span } from '../draft.ts';
import { RULE_INFO } from '../catalog.ts';
import { KeyedPattern, PhraseList } from '../match.ts';
import { closingPoint, finding, matches, memo, memoSlot, ownWords, quote, type Rule, type RuleContext } from '../rule.ts';
import { CALENDAR_LINK } from './value-item.ts';

const HAS_NEXT_STEP = memoSlot('next-step');

const DAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|tomorrow|today|tonight)';

/** Words of a day or a month as TIME_EXPRESSION writes them: "thurs", "wednesday", "sept". */
const DAY_STEMS = ['mon', 'tue', 'tues', 'wed', 'wednes', 'thu', 'thur', 'thurs', 'fri', 'sat', 'satur', 'sun'];
const MONTHS = ['jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december'];

/** A day, a date or a time: what turns "let's talk" into a step they can take. */
const TIME_EXPRESSION = new KeyedPattern(
  /\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|(?:tomorrow|tonight|noon|midday|eod|eow|cob)\b|(?:this|tomorrow) (?:morning|afternoon|evening)\b|(?:next|this|the following) (?:week|month|quarter|year|monday|tuesday|wednesday|thursday|friday)\b|week of\b|\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|h)\b|\d{1,2}[:.]\d{2}\b|\d{1,2}(?:st|nd|rd|th)\b|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? \d{1,2}\b|(?:in|for|by|before|after|early|mid|late|end of|beginning of|start of) (?:january|february|march|april|june|july|august|september|october|november|december)\b|\d{1,2}(?: or \d{1,2})? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|end of (?:the )?(?:day|week|month)\b|in (?:a|one|two|three|\d+) (?:days?|weeks?)\b|half (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|(?:early|later|end of) next\b|after (?:the|your) [a-z]+ (?:meeting|review|call|board)\b|(?:that|the same) (?:morning|afternoon|evening)\b|by then\b)/i,
  [
    ...DAY_STEMS.flatMap((d) => [d, `${d}day`]),
    ...MONTHS,
    'tomorrow', 'tonight', 'noon', 'midday', 'eod', 'eow', 'cob', 'morning', 'afternoon', 'evening',
    'day', 'days', 'week', 'weeks', 'month', 'quarter', 'year', 'next', 'then', 'meeting', 'review', 'call', 'board',
    'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  ],
  { digits: true },
);

/** Words that make a sentence with a time in it a proposal or a commitment, not a report of the past. */
const FORWARD = /\?|\b(?:appreciate|please|confirm|let me know|I['’]ll|I will|we['’]ll|we will|I can|I could|we can|we could|happy to|glad to|let['’]s|shall|how about|what about|would|could|can you|will you|free|available|works?|suits?|pencil|hold|I['’]m around|I am around|I['’]m free|want me to|if you['’]d like|if useful|if helpful|if it helps|I['’]d like to|plan to|aim to|expect)\b/i;
/** Questions that look like asks but leave them nothing specific to do. */
const VAGUE = /\b(?:anything (?:I|we) can do|any questions|any thoughts|your thoughts|still interested|(?:free|time) to (?:chat|connect|talk|catch up|reconnect)|receiv\w*|got (?:them|it|my)|get (?:them|it|my)|getting through|went to spam|see my|(?:set up|find|grab|book|get) (?:some )?(?:time|a (?:call|chat|meeting|demo))|catch up|hop on a call|jump on a call|(?:a|quick) (?:chat|call|demo)\?)/i;
/** Offers of something specific ("Shall I send the dataset?"). */
const SPECIFIC_OFFER = /\b(?:want me to|would you like me to|shall I|should I|can I|could I|may I|do you want me to|would it help if I|would it be useful if I|if I (?:sent|shared|put|drafted|priced)|would you (?:want|like) (?:the|a copy|a sample|our|my|a look at|a walkthrough|a walk-through))\b/i;
const SPECIFIC_ASK = /^\s*(?:which|who|where)\b|\b(?:can|could|would|will) you (?:share|send|confirm|introduce|forward|loop in|sign|approve|point me|connect me|tell me (?:by [\w ]{1,20}? )?(?:which|who|whether|if)|pick|choose|suggest|add|invite|fill|run|test|try)\b|\b(?:would|will|does|could) (?:it|that|this|a|an|the) [^?]{0,80}\b(?:help|helpful|useful|worth|make sense|be of use)\b|\b\w+ or (?:the |a |an )?\w+\s*\?\s*$/i;

const NEXT_STEP = new PhraseList([
  'next (step|steps)(:| is| are| would be| will be)',
  '(book a time|pick a time|grab a time|choose a time|pick a slot|grab a slot|book a slot) (here|below|on my calendar|with me|using|via|at|:)',
  '(calendar link|booking link|scheduling link)',
  "let me know (which|who|whether)",
  '(reply|respond|answer) (with|yes|no|"yes"|“yes”|"no"|“no”)',
  '(the|our) (plan|next move|action items|actions|owners)(:| is| are)',
  "(I'll|I will|we'll|we will) (hold|keep|pencil) (a|the|that) (slot|time|spot)",
  '(which|what) (day|time|date|times|dates|slot|slots|option|options|of these|one) (works|suits|would work|would suit|is better|fits|do you prefer|would you prefer)',
]);

/** Coming back with nothing: the seed's "I'll research that and get back to you with some great references". */
const DATED_AFTER = new RegExp(`^[^.!?\\n]{0,60}\\b(?:by|before|on|next|${DAY.slice(1, -1)}|end of|eod|within|in \\d|tomorrow)\\b`, 'i');
const EXCUSE = new PhraseList([
  { say: "(I'll|I will|let me|I'm going to|I am going to|I can|I need to) (research|look into|dig into|dig up|find|check|look up|pull|track down|see about|think about|find out|investigate|chase down) * and (get|circle|come|report|swing) back", unlessAfter: DATED_AFTER },
  { say: 'get back to you with (some|a few|a couple of|a list of|) (great|good|solid|strong|relevant|) references', unlessAfter: /^[^.!?\n]{0,40}\b(?:by|before|on|tomorrow|within)\b/i },
  { say: "(I'll|I will|let me) (circle|get|come) back (to you|) (with|on) (that|this|it|something|more|some|a few)", unlessAfter: DATED_AFTER },
  // Collateral as the reason to come back, dated or not: the seed's "take them a piece of collateral, a case study".
  "(circle|get|come) back (to you|) * with (some|a few|a couple of|a list of|more|) (great|good|relevant|useful|) (case studies|case study|references|examples|materials|collateral|resources|testimonials|info|information)",
  "(I'll|I will) (send|share|pass) (over|along|) (some|more|a few|a couple of|further) * (soon|shortly|later|in the coming days|in due course|when I can)",
  "(I'll|I will|will) (reach out|get back|circle back|follow up|be in touch|send them|share them) (again|) (once|when) (they're|it's|they are|it is|I have|I've|we have|we've) (ready|done|finished|together|pulled together)",
  "(as an|any) excuse to (come back|get back|follow up|reach out)",
  "(let me|I'll|I will|I'm going to) (pull together|put together|gather|find|dig up|research|collect|round up|line up) (some|a few|a couple of|a list of|more|) (great|good|relevant|useful|strong|) (customer stories|case studies|references|examples|testimonials|materials|collateral|success stories)",
]);

/** Whether the draft proposes a concrete next step or commits to one (stops at the first). */
export function hasNextStep(ctx: RuleContext): boolean {
  const d: Draft = ctx.draft;
  return memo(d, HAS_NEXT_STEP, () => {
    const notVague = (start: number) => {
      const s = sentenceAt(d, start);
      return !VAGUE.test(d.own.slice(s.start, s.end));
    };
    if (NEXT_STEP.find(ownWords(d), 1, notVague).length) return true;
    const index = ownWords(d);
    if (d.links.some((l) => CALENDAR_LINK.re.test(l.href)) || CALENDAR_LINK.test(index)) return true;
    let noise: Span[] | undefined;
    for (const s of d.sentences) {
      if (s.end - s.start > 500) continue;
      // (a sentence is read only when it names a time or asks something)
      const timed = TIME_EXPRESSION.mayMatch(index, s.start, s.end);
      const asks = endsInQuestion(d.own, s);
      if (!timed && !asks) continue;
      const text = d.own.slice(s.start, s.end);
      if (timed && TIME_EXPRESSION.re.test(text) && FORWARD.test(text)) return true;
      if (!asks || VAGUE.test(text) || !(SPECIFIC_OFFER.test(text) || SPECIFIC_ASK.test(text))) continue;
      noise ??= [...matches(ctx, 'checkins'), ...matches(ctx, 'desperation')];
      if (!noise.some((m) => m.start < s.end && m.end > s.start)) return true;
    }
    return false;
  });
}

export const nextStep: Rule = {
  ...RULE_INFO['next-step'],
  check(ctx) {
    const d = ctx.draft;
    const out = EXCUSE.find(ownWords(d), ctx.options.maxFindingsPerRule).map((m) =>
      finding(
        'next-step',
        'warning',
        m,
        `${quote(m.text)} sounds like an excuse to come back. Bring it now, or commit to a date.`,
        'Anticipate what they need and include it in this message, or say exactly when they will have it.',
      ),
    );
    if (d.body.end === 0 || hasNextStep(ctx)) return out;
    const live = d.exchange === 'live';
    out.push(
      finding(
        'next-step',
        live ? 'info' : 'warning',
        closingPoint(d),
        live
          ? 'Close with who does what next, and when.'
          : 'There is no concrete next step: they can’t act on this without writing back to ask.',
        'End with one easy step: a proposed time, a question they can answer in a line, or what you will do and by when.',
      ),
    );
    return out;
  },
};
