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
    'Shall I send the raw dataset?',
    'I could walk your finance lead through it on 2 or 3 December.',
    'Free for 15 minutes Thursday at 4pm?',
  ])('recognises a next step: %j', (body) => {
    expect(problemsOf('next-step', silence(body))).toEqual([]);
  });

  it.each([
    'Just wanted to share this article.',
    'Hope all is well with you and the team.',
    'Any update?',
    'Let me know your thoughts!',
    'Happy to jump on a call whenever works for you!',
    'Would love to find 15 minutes to connect!',
    "Let's hop on a call!",
    'Can we set up some time so I can show you everything it can do?',
    'Could you let me know whether you received my emails?',
  ])('flags a silence follow-up with no concrete next step: %j', (body) => {
    expect(problemsOf('next-step', silence(body)).length).toBeGreaterThan(0);
  });

  it('flags the invented excuse to come back, in any exchange', () => {
    const body = "Good question. I'll research that and get back to you with some great references.";
    const found = problemsOf('next-step', live(body));
    expect(found).toHaveLength(1);
    expect(body.slice(found[0]!.start, found[0]!.end)).toMatch(/research that and get back/);
  });

  it('takes collateral as the reason to come back for an excuse, dated or not (seed 004)', () => {
    const body = 'Thanks for the questions! Let me dig into these and circle back next week with a couple of case studies.';
    expect(problemsOf('next-step', live(body))).toHaveLength(1);
  });

  it.each(["I'll send over some more materials soon.", "I'm putting together ideas and will reach out again once they're ready."])(
    'takes a promise of something later for an excuse: %j',
    (body) => {
      expect(problemsOf('next-step', silence(body)).some((f) => f.end > f.start)).toBe(true);
    },
  );

  it('accepts a dated commitment instead of an excuse', () => {
    expect(problemsOf('next-step', live("I'll look into it and get back to you by Thursday noon."))).toEqual([]);
  });

  it('is only a suggestion in a live exchange', () => {
    expect(findingsOf('next-step', live('Thanks, that is helpful.'))[0]?.severity).toBe('info');
  });

  it.each([
    'Would you want the raw survey numbers for your planning session?',
    'We are holding the 9th for you until Friday. Can you tell me by then whether to keep it?',
    'Our engineer is in Leeds on the 4th. Would 20 minutes that afternoon suit?',
  ])('takes a specific offer or a dated ask for a next step: %j', (body) => {
    expect(findingsOf('next-step', silence(body))).toEqual([]);
  });
});
