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
import { PhraseList } from '../match.ts';
import { finding, ownWords, quote, type Rule } from '../rule.ts';

/** The writer's own words admit the prospect asked to stop: "I know you asked me to stop emailing". */
const ADMITTED = new PhraseList([
  "(I know|I realise|I realize|I understand|despite|although|even though|though|I know that|I remember) (you|you've|you have) (asked|told|said|requested) (me|us|that I|that we) (to stop|not to|never to|to leave you|to remove|to take you off|to not)",
  "(you|you've|you have) (asked|told) (me|us) (to stop|not to (contact|email|write|reach out)|never to (contact|email)|to leave you alone|to remove you)",
]);

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
    const admitted = ADMITTED.find(ownWords(d), 1)[0];
    if (admitted) {
      return [
        finding(
          'do-not-contact',
          'error',
          admitted,
          `You note they asked you to stop: ${quote(admitted.text)}. Don’t send this.`,
          'Respect the request. If their situation changes, they know where to find you.',
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
