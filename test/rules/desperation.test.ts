import { describe, expect, it } from 'vitest';
import { findingsOf, live, problemsOf } from '../support/score.ts';

describe('desperation', () => {
  it.each([
    "I've reached out several times and haven't heard back.",
    'Did I do something wrong?',
    "Not sure if my emails are getting through.",
    "I've left you three voicemails this week.",
    'You seem to have gone dark on me.',
    'Please just reply so I know where we stand.',
    "Sorry to bother you again.",
  ])('flags neediness: %j', (body) => {
    expect(findingsOf('desperation', body).length).toBeGreaterThan(0);
  });

  it.each([
    'We heard back from the carrier: the lane is approved.',
    'I reached out to our solutions team and they confirmed SSO works.',
    'Happy to wait until after your board meeting.',
  ])('stays quiet on %j', (body) => {
    expect(findingsOf('desperation', body)).toEqual([]);
  });

  it.each([
    'Great to hear back, I was worried I had done something wrong!',
    "I was wondering if I'd said something wrong in my last note.",
  ])('catches the fear of having done wrong: %j', (body) => {
    expect(problemsOf('desperation', live(body))).toHaveLength(1);
  });

  it('leaves a fault in the product alone', () => {
    expect(findingsOf('desperation', live('We found the export had done something wrong with the dates; fixed now.'))).toEqual([]);
  });
});
