import { describe, expect, it } from 'vitest';
import { findingsOf, live, problemsOf, silence } from '../support/score.ts';

describe('opt-out', () => {
  it.each([
    "If the timing is wrong, just tell me and I'll stop reaching out.",
    "If this isn't a priority right now, no worries at all.",
    "If you'd rather I didn't follow up, say the word.",
    "Should I close your file for now?",
    "A quick no is totally fine too.",
    "If I've got the wrong person, could you point me to the right one?",
    "If not, just tell me and I'll leave you be.",
    'No longer interested? Just reply "stop" and I won\'t send more.',
    "If you've got this covered, say so and I'll bow out.",
    "Totally understand if now isn't the right time.",
  ])('recognises a graceful way out: %j', (body) => {
    expect(findingsOf('opt-out', silence(body))).toEqual([]);
  });

  it.each([
    'I will not contact you again.',
    'This is my last email.',
    "I must say I am disappointed that nobody replied. I won't chase again.",
  ])('does not take a door closed without an invitation for a way out: %j', (body) => {
    expect(problemsOf('opt-out', silence(body))).toHaveLength(1);
  });

  it('is a warning when following up on silence', () => {
    const [f] = findingsOf('opt-out', silence('Here is the benchmark we discussed. Would Tuesday work?'));
    expect(f?.severity).toBe('warning');
  });

  it('is only a suggestion in a live exchange', () => {
    const [f] = findingsOf('opt-out', live('Thanks for your note! Here is the pricing sheet you asked for.'));
    expect(f?.severity).toBe('info');
  });

  it('places the missing line before the sign-off, as a zero-width span', () => {
    const body = 'Hi Dana,\n\nHere is the benchmark. Would Tuesday work?\n\nBest,\nMarc';
    const [f] = problemsOf('opt-out', silence(body));
    expect(f!.start).toBe(f!.end);
    expect(body.slice(0, f!.start)).toMatch(/Tuesday work\?$/);
  });

  it.each([
    "Should the timing prove wrong, do say and I shan't write again.",
    "Should this no longer be a priority, let me know and I'll close the file.",
    "If it's not the right quarter for it, just say so and I'll check back in spring.",
    "If your priorities have shifted, tell me and I'll pause the proposal.",
    "If you've found someone closer to home, no problem; just let me know.",
    "If that feels premature or you'd rather not, that's completely fine.",
    'If you would rather deal with purchasing and not hear from me, say so.',
    'If not, no more emails from me on this one.',
    "Just say the word and I'll release the hold, no hard feelings.",
    'Shall I check in after the audit, or close the file for good?',
    'Either answer is perfectly fine.',
    "If it's awkward, tell me and I won't raise it again.",
  ])('recognises a way out in other words: %j', (body) => {
    expect(findingsOf('opt-out', silence(body))).toEqual([]);
  });

  it.each([
    "I'll pause everything on our side until the budget is signed.",
    'Should the shipment arrive late, we credit the freight.',
    'No more than two pallets fit on that lift.',
  ])('does not take a promise or a condition about something else for a way out: %j', (body) => {
    expect(problemsOf('opt-out', silence(body))).toHaveLength(1);
  });
});
