/**
 * pacing: the draft goes to a deal the advisor says to wait on (until a date), or one
 * marked do-not-contact.
 *
 * @seed 001 stalled sales: "Don't – and I really mean DON'T – try to be aggressive and
 *   start calling or e-mailing them over and over … there is not a lot else you can do
 *   other than wait it out."
 * @seed 003: "When a sales call ends with the buyer saying, 'Don't call me, I'll call you',
 *   you know you've got a problem … Customers don't want to buy on your time."
 *
 * The verdict comes in with the draft's context (the background looks up the recipient's
 * deal and asks the advisor); the scorer stays pure.
 */
import { RULE_INFO } from '../catalog.ts';
import { finding, type Rule } from '../rule.ts';

function day(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(d);
}

export const pacing: Rule = {
  ...RULE_INFO['pacing'],
  check(ctx) {
    const deal = ctx.draft.input.context?.deal;
    if (!deal) return [];
    const at = { start: ctx.draft.body.start, end: ctx.draft.body.start };
    const name = deal.name ? `${deal.name}: ` : '';
    if (deal.verdict === 'stop') {
      return [finding('pacing', 'error', at, `${name}this deal is do-not-contact. Don’t send this.`, 'Respect the request; if they reach out again, the deal reopens.')];
    }
    if (deal.verdict !== 'wait') return [];
    const until = deal.until ? ` until ${day(deal.until)}` : '';
    return [
      finding(
        'pacing',
        'warning',
        at,
        `${name}the advice is to wait${until}${deal.reason ? ` (${deal.reason})` : ''}. A touch now spends their goodwill.`,
        `Save this as a draft and send it${until ? ` on ${day(deal.until!)}` : ' when the wait ends'}, or send it now only if it answers something they asked.`,
      ),
    ];
  },
};
