/**
 * What each rule is called, where it comes from and why it matters: plain data, so
 * the popup and the banner can explain findings without loading the rules engine.
 * Each rule's file quotes its seed passage in full.
 */
import type { RuleId } from './types.ts';

export interface RuleInfo {
  id: RuleId;
  /** Short name shown in the banner and the CLI report. */
  title: string;
  /** The seed files (and passage) the rule comes from. */
  seed: string;
  /** Why it matters, in the seed's words or close to them; one sentence. */
  why: string;
}

export const RULE_INFO: Record<RuleId, RuleInfo> = {
  'empty-checkin': {
    id: 'empty-checkin',
    title: 'Empty check-in',
    seed: '000 (Avoid Random Sales Activity); 004 (excuses to get back in)',
    why: '“Just touching base” consumes the customer’s time without providing anything of value in return.',
  },
  'value-item': {
    id: 'value-item',
    title: 'Give them something',
    seed: '000 (The Sales Bargain); 001 (stalled sales: “thought you might be interested in the attached”)',
    why: 'They give you their time; the bargain is that every touch gives them something of value in return.',
  },
  research: {
    id: 'research',
    title: 'Show you know them',
    seed: '001 (Research; Be Relevant & Timely)',
    why: 'Prospects ignore outreach that shows you didn’t look up their company or know what they do.',
  },
  'opt-out': {
    id: 'opt-out',
    title: 'Offer a way out',
    seed: '001 (Let Your Prospects Opt Out)',
    why: 'A graceful way out often gets a reply, one way or another, where silence would have continued.',
  },
  'about-them': {
    id: 'about-them',
    title: 'About them, not you',
    seed: '001 (Persistence Pays Off; the voicemail example)',
    why: 'Prospects dread messages about your product rather than the value it could bring to their business.',
  },
  'next-step': {
    id: 'next-step',
    title: 'A concrete next step',
    seed: '004 (commitments, not excuses, create the next call)',
    why: 'Commitments and actions on both sides create the reason for the next call; invented excuses waste their time.',
  },
  pressure: {
    id: 'pressure',
    title: 'Your clock, not theirs',
    seed: '003 (Customers don’t want to buy on your time)',
    why: 'Customers don’t buy on your time: your quota and quarter-end are not their reasons to decide.',
  },
  desperation: {
    id: 'desperation',
    title: 'Guilt and neediness',
    seed: '003 (play it cool, don’t come off as desperate); 001 (stalled sales)',
    why: 'Silence usually has nothing to do with you; guilt-tripping pushes a busy prospect further away.',
  },
  generic: {
    id: 'generic',
    title: 'Mass-mail marks',
    seed: '001 (technology lacks the human touch; be personal and professional)',
    why: 'An unfilled merge field or “Dear Sir/Madam” tells them they are one of hundreds.',
  },
  concise: {
    id: 'concise',
    title: 'Short and relevant',
    seed: '001 (concise, short and relevant); 000 (least investment of their time)',
    why: 'A buyer wants to spend as little time with any salesperson as possible; long follow-ups get skimmed or skipped.',
  },
  pacing: {
    id: 'pacing',
    title: 'Wait, or act with value',
    seed: '001 (don’t call or e-mail over and over; wait it out); 003 (don’t call me, I’ll call you)',
    why: 'Silence often means wait: another touch before the wait is over spends their goodwill, not your chances.',
  },
  'do-not-contact': {
    id: 'do-not-contact',
    title: 'They asked you to stop',
    seed: '001 (a prospect is a prospect until they tell you never to contact them again)',
    why: 'Once a prospect asks not to be contacted, any further message breaks that trust, and often the law.',
  },
};
