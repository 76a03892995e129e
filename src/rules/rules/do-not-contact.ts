/**
 * do-not-contact: the prospect asked to stop. Any new draft to them is blocked.
 *
 * @seed 001 "Until They Respond!": "a prospect is a prospect as long as they don't tell
 *   you to never contact them again."
 *
 * Looks at the deal (the context says so) and at what the prospect wrote in the quoted
 * thread ("Please remove me from your list"). The seller's own opt-out line in the quote
 * ("tell me and I'll stop reaching out") is not a request from them.
 */
import { RULE_INFO } from '../catalog.ts';
import { finding, quote, type Rule } from '../rule.ts';

export const doNotContact: Rule = {
  ...RULE_INFO['do-not-contact'],
  check(ctx) {
    const d = ctx.draft;
    const at = { start: d.body.start, end: d.body.start };
    if (d.input.context?.doNotContact) {
      return [
        finding(
          'do-not-contact',
          'error',
          at,
          'This contact asked not to be contacted. Don’t send this.',
          'Respect the request. If they reach out to you again, the deal reopens.',
        ),
      ];
    }
    const asked = ctx.lists.stopRequests.find(d.quoted, 1)[0];
    if (!asked) return [];
    return [
      finding(
        'do-not-contact',
        'error',
        { start: asked.start, end: asked.end },
        `They asked you to stop: ${quote(asked.text)}. Don’t send this.`,
        'Respect the request and mark the deal do-not-contact.',
      ),
    ];
  },
};
