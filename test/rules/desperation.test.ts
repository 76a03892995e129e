import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/score.ts';

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
});
