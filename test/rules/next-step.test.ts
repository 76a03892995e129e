import { describe, expect, it } from 'vitest';
import { findingsOf, live, problemsOf, silence } from '../support/score.ts';

describe('next-step', () => {
  it.each([
    'Would Tuesday at 10 work for a 20-minute walkthrough?',
    "I'll send the revised quote by Friday.",
    'Could you introduce me to whoever owns the carrier contracts?',
    'Worth a quick call next week?',
    'Here is my calendar: https://calendly.com/marc/20min',
    "Let's plan the pilot kickoff for the 14th.",
    'Which of the two options fits your Q1 plan better?',
  ])('recognises a next step: %j', (body) => {
    expect(problemsOf('next-step', silence(body))).toEqual([]);
  });

  it.each([
    'Just wanted to share this article.',
    'Hope all is well with you and the team.',
    'Any update?',
  ])('flags a silence follow-up with no next step: %j', (body) => {
    expect(problemsOf('next-step', silence(body)).length).toBeGreaterThan(0);
  });

  it('flags the invented excuse to come back, in any exchange', () => {
    const body = "Good question. I'll research that and get back to you with some great references.";
    const found = problemsOf('next-step', live(body));
    expect(found).toHaveLength(1);
    expect(body.slice(found[0]!.start, found[0]!.end)).toMatch(/research that and get back/);
  });

  it('accepts a dated commitment instead of an excuse', () => {
    expect(problemsOf('next-step', live("I'll look into it and get back to you by Thursday noon."))).toEqual([]);
  });

  it('is only a suggestion in a live exchange', () => {
    expect(findingsOf('next-step', live('Thanks, that is helpful.'))[0]?.severity).toBe('info');
  });
});
