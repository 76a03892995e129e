import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/score.ts';

describe('pressure', () => {
  it.each([
    'I need to get this signed by Friday so I can hit my number.',
    'This discount expires at the end of the month.',
    'Our quarter ends next week, so pricing changes after that.',
    'Can we close this before the end of the quarter?',
    'Only 3 spots left at this price.',
    'This is your last chance to lock in 2026 pricing.',
    'My manager needs an answer today.',
  ])('flags the seller’s clock: %j', (body) => {
    expect(findingsOf('pressure', body).length).toBeGreaterThan(0);
  });

  it.each([
    'Our quarterly business review is on the 12th.',
    'You mentioned your end of quarter reporting eats the first week of January.',
    'Your renewal date is March 3, so there is plenty of time to compare options.',
    'Happy to work to whatever timeline suits your board.',
  ])('stays quiet on the buyer’s own calendar: %j', (body) => {
    expect(findingsOf('pressure', body)).toEqual([]);
  });
});

describe('pressure look-alikes about the buyer’s time', () => {
  it('does not take "you have limited time" for a limited-time offer', () => {
    expect(findingsOf('pressure', 'I know you have limited time during harvest, so here is the short version.')).toEqual([]);
    expect(findingsOf('pressure', 'This is a limited-time offer.').length).toBe(1);
  });
});
