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
import type { Draft, Span } from '../draft.ts';
import { RULE_INFO } from '../catalog.ts';
import { PhraseList } from '../match.ts';
import { closingPoint, finding, matches, memo, quote, type Rule, type RuleContext } from '../rule.ts';
import { CALENDAR_LINK } from './value-item.ts';

const DAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|tomorrow|today|tonight)';

const NEXT_STEP = new PhraseList([
  { say: '(would|does|do|could|can|will|is|are) * (work|suit|be free|be around|be available|free|available|open|good|better|easier|convenient)', question: true },
  '(# |fifteen|twenty|thirty|forty-five|15|20|30|45|10|ten) (min|mins|minute|minutes)',
  '(15|20|30|45|10)-(min|minute)',
  '(quick|short|brief|a|an) (call|chat|meeting|demo|walkthrough|walk-through|conversation|session|review|working session|intro|introduction) (on|next|this|with|to|at|before|after|' + DAY.slice(1),
  '(grab|book|schedule|set up|find|put|pencil|block|hold|lock|carve out|send) (in|over|) (a|some|an|the|) (time|call|meeting|slot|chat|session|demo|date|half hour|hour|invite|calendar invite|15|30)',
  "(let's|let us|shall we|should we|can we|could we|why don't we|we could|we can) (meet|talk|chat|speak|connect|schedule|set|book|review|walk|plan|get|hop|jump|pick|lock|confirm|start|discuss|sync|aim|regroup|reconvene|go|try|run|do|look|compare|kick|map|agree|use)",
  'next (step|steps)',
  '(book a time|pick a time|grab a time|my calendar|calendar link|booking link|scheduling link|find a time|choose a time|send an invite|send you an invite|send a calendar invite)',
  "(I'll|I will|we'll|we will|I can|I'm going to|I am going to|I'd|I would) (send|share|call|email|have|get|put|prepare|book|circulate|deliver|bring|set up|follow up|come back|confirm|draft|update|check|ping|text|ring|try|reach out|hold|reserve|introduce|loop|turn|finish|review) * (by|before|on|next|tomorrow|this|early|first thing|in the morning|end of|eod|" + DAY.slice(1),
  '(can|could|would|will) you (share|send|confirm|introduce|forward|let me know|tell me|loop in|review|sign|check|pass|point|connect|set up|book|pick|suggest|propose|reply|look|take a look|have a look|make|find|ask|put me|add|invite|approve|choose|grab|join|try|run|test|walk|fill)',
  '(please|pls|kindly) (let me know|confirm|review|sign|share|send|reply|forward|book|pick|choose|suggest|advise|take a look|have a look|grab|use|add|fill|join|try|check)',
  'let me know (if|whether|what|which|when|how|who|your|by)',
  '(would|will|does|could|can) (it|that|this) (help|be useful|be helpful|make sense|work|be worth|be of interest)',
  "(are|would|will|were) you (be|) (open|interested|up|keen|available|free|around|able) (to|for|in)",
  '(interested|keen|open) (in|to) (a|an|seeing|taking|trying|hearing|exploring|chatting|talking|a quick)',
  'worth a (quick|short|brief|) (call|chat|conversation|look|15|20|30)',
  '(does|would|will) (that|this) (work|suit|sound good|make sense|help)',
  '(shall|should|can|may) I (send|set|book|share|loop|put|pencil|schedule|call|drop|bring|introduce|forward|hold|reserve|go ahead|proceed|start)',
  '(happy|glad) to (send|walk|set up|share|jump|hop|do|run|put|bring|show|demo|introduce|connect|prepare|draft|talk|chat|meet|come|go through|adjust|arrange|book)',
  '(see|meet) you (then|on|tomorrow|next|at|there|' + DAY.slice(1),
  '(talk|speak) (to you|with you) (then|on|tomorrow|next|at|' + DAY.slice(1),
  '(reply|respond|answer) (with|yes|no)',
  '(which|what) (day|time|date|times|dates|works|suits|would work|option|one|of these|slot|week) ',
  'who (else|should|would be|is the best|owns|handles|on your)',
  "(when|what) (would|could|is|'s) (a good|the best|good|best|a better|the right) (time|day|way|next step|moment)",
  "(I'll|I will) (try|call|ring|give you a (call|ring|try)) (you|) (again|back|) (on|next|tomorrow|at|this|early|later|in|" + DAY.slice(1),
  '(on|for|to) (your|my|our) calendar',
  '(the|our) (plan|next move|action items|actions|owners)(:| is| are)',
  '(by|before|until|on) (next|) ' + DAY,
  '(by|before) (end of (day|week|month)|eod|eow|noon|close of business|cob)',
  "(I'll|I will|we'll|we will) (hold|keep|pencil) (a|the|that) (slot|time|spot)",
  'sign (here|below|the|it)',
  '(start|kick off|kickoff|begin) (the|a|your) (pilot|trial|onboarding|project|rollout)',
]);

/** Coming back with nothing: the seed's "I'll research that and get back to you with some great references". */
const EXCUSE = new PhraseList([
  { say: "(I'll|I will|let me|I'm going to|I am going to|I can|I need to) (research|look into|dig into|dig up|find|check|look up|pull|track down|see about|think about|find out|investigate|chase down) * and (get|circle|come|report|swing) back", unlessAfter: new RegExp(`^[^.!?\\n]{0,60}\\b(?:by|before|on|next|${DAY.slice(1, -1)}|end of|eod|within|in \\d|tomorrow)\\b`, 'i') },
  { say: 'get back to you with (some|a few|a couple of|a list of|) (great|good|solid|strong|relevant|) references', unlessAfter: /^[^.!?\n]{0,40}\b(?:by|before|on|tomorrow|within)\b/i },
  { say: "(I'll|I will|let me) (circle|get|come) back (to you|) (with|on) (that|this|it|something|more|some|a few)", unlessAfter: new RegExp(`^[^.!?\\n]{0,60}\\b(?:by|before|on|next|${DAY.slice(1, -1)}|end of|eod|within|in \\d|tomorrow)\\b`, 'i') },
  "(as an|any) excuse to (come back|get back|follow up|reach out)",
]);

const SMALL_TALK = /^\s*(?:how (?:are|is|was|have) (?:you|things|your|the)\b|hope (?:you|all|things|this)\b|how['’]s (?:it|things|everything|your)\b|what['’]s new\b)/i;

/** Places the draft proposes a concrete next step or commits to one. */
export function nextSteps(ctx: RuleContext): Span[] {
  const d: Draft = ctx.draft;
  return memo(d, 'next-step', () => {
    const found: Span[] = NEXT_STEP.find(d.own, 50).map((m) => ({ start: m.start, end: m.end }));
    for (const l of d.links) if (CALENDAR_LINK.test(l.href)) found.push(l);
    if (CALENDAR_LINK.test(d.own)) found.push(d.body);
    // Any question they can answer is a step they can take, unless it's a check-in or small talk.
    const noise = [...matches(ctx, 'checkins'), ...matches(ctx, 'desperation')];
    for (const s of d.sentences) {
      const text = d.own.slice(s.start, s.end);
      if (!text.trimEnd().endsWith('?') || text.length > 400 || SMALL_TALK.test(text)) continue;
      if (noise.some((m) => m.start < s.end && m.end > s.start)) continue;
      if (/\b(?:you|your|we|us|our|I)\b/i.test(text) || /^\s*(?:who|what|which|when|where|how|would|could|can|should|shall|is|are|do|does)\b/i.test(text)) found.push(s);
    }
    return found;
  });
}

export const nextStep: Rule = {
  ...RULE_INFO['next-step'],
  check(ctx) {
    const d = ctx.draft;
    const out = EXCUSE.find(d.own, ctx.options.maxFindingsPerRule).map((m) =>
      finding(
        'next-step',
        'warning',
        m,
        `${quote(m.text)} sounds like an excuse to come back. Bring it now, or commit to a date.`,
        'Anticipate what they need and include it in this message, or say exactly when they will have it.',
      ),
    );
    if (d.body.end === 0 || nextSteps(ctx).length > 0) return out;
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
