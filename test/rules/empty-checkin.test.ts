import { describe, expect, it } from 'vitest';
import { findingsOf, silence } from '../support/score.ts';

describe('empty-checkin', () => {
  it.each([
    'Hi Dana, just checking in on the pilot.',
    'Just wanted to touch base about next steps.',
    'Circling back on the proposal.',
    'Bumping this to the top of your inbox.',
    'Hi Tom,\n\nAny update on the contract?\n\nThanks',
    'Did you get a chance to review the deck?',
    'Following up on my last email.',
    'Following up on my previous note below.',
    'just following up here',
    "I'm checking in to see where things landed.",
    'Have you had a chance to look at it?',
    'Gentle nudge on this one.',
    'Bump',
    'Floating this back up.',
    'Touching base again on the renewal.',
    'As per my last email, the order form is pending.',
  ])('fires on %j', (body) => {
    const found = findingsOf('empty-checkin', body);
    expect(found.length).toBeGreaterThan(0);
    expect(body.slice(found[0]!.start, found[0]!.end).length).toBeGreaterThan(0);
  });

  it.each([
    "I'm checking in at the hotel at six, let's meet in the lobby.",
    "Following up on your request, here's the report you asked for.",
    "Let's touch base with your team at the offsite.",
    'Any update to the schedule will be posted in the portal.',
    'The bump in freight rates hit margins in Q3.',
    'You can check in online from 24 hours before the flight.',
    "I'll touch base with Priya next week about the SSO piece.",
    'Following up on our call, here are the three options we discussed.',
  ])('stays quiet on the look-alike %j', (body) => {
    expect(findingsOf('empty-checkin', body)).toEqual([]);
  });

  it('is an error when the draft gives nothing, and a warning (filler) when it gives something', () => {
    const empty = findingsOf('empty-checkin', 'Hi Dana, just checking in. Any thoughts?');
    expect(empty.map((f) => f.severity)).toContain('error');
    const filler = findingsOf('empty-checkin', 'Hi Dana, just checking in. Attached is the case study from a carrier your size: https://example.com/cs');
    expect(filler.length).toBe(1);
    expect(filler[0]!.severity).toBe('warning');
  });

  it('points at the phrase in the text the user wrote', () => {
    const body = 'Hi Dana,\n\nJust circling back on this.\n';
    const [f] = findingsOf('empty-checkin', body);
    expect(body.slice(f!.start, f!.end)).toBe('circling back');
  });

  it('ignores check-ins in the quoted history', () => {
    const body = 'Thanks Dana, Thursday at 10 works. See you then.\n\nOn Mon, Nov 2, 2026 at 9:14 AM Marc <marc@routewise.io> wrote:\n> Just checking in: did you get a chance to look?\n';
    expect(findingsOf('empty-checkin', body)).toEqual([]);
  });

  it.each([
    "I'll try you again Thursday morning; the summary is attached.",
    'I will try you again tomorrow at 10 with the revised figures.',
  ])('takes trying again at a stated time for a plan, not filler: %j', (body) => {
    expect(findingsOf('empty-checkin', silence(body))).toEqual([]);
  });

  it('still calls trying again with nothing else filler', () => {
    expect(findingsOf('empty-checkin', silence('Trying you once more. Any news?'))).not.toEqual([]);
  });
});
