import { describe, expect, it } from 'vitest';
import { findingsOf, live, problemsOf, silence } from '../support/score.ts';

describe('value-item', () => {
  it.each([
    'Hi Dana, any update on the pilot?',
    'Just wanted to see where you landed on the proposal.',
    'Hope you had a great weekend! Let me know if you have questions.',
    'Did you get a chance to look at the case study I sent?',
  ])('flags a silence follow-up that gives nothing: %j', (body) => {
    expect(problemsOf('value-item', silence(body))).toHaveLength(1);
  });

  it.each([
    'Thought you might be interested in the attached benchmark on cold-chain spoilage.',
    'Here is the one-page rollout plan we sketched for your Denver site.',
    'One idea: stagger the cutover by region so peak season is untouched.',
    'We found that carriers your size cut detention fees by 18% after moving to live ETAs.',
    'Sharing a short case study from a regional grocer: https://example.com/grocer',
    'Proposed agenda:\n- where the delays start\n- what a pilot would measure',
    'To answer your question: yes, the API supports SFTP drops.',
    '<div>Here is the <a href="https://example.com/report">report</a> from the audit.</div>',
  ])('recognises a value item: %j', (body) => {
    expect(findingsOf('value-item', silence(body))).toEqual([]);
  });

  it('is only a suggestion in a live exchange', () => {
    const [f] = findingsOf('value-item', live('Thanks Dana, that works for me.'));
    expect(f?.severity).toBe('info');
  });

  it('does not count a calendar link as value', () => {
    expect(problemsOf('value-item', silence('Grab a time here: https://calendly.com/marc/30min'))).toHaveLength(1);
  });
});
