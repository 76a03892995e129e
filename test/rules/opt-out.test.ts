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
});
