import { describe, expect, it } from 'vitest';
import { findingsOf, live, problemsOf, silence } from '../support/score.ts';

describe('research', () => {
  it.each([
    'We help companies save time and money. Would you like a demo?',
    'Our platform is used by hundreds of teams. Interested in a call?',
  ])('flags a generic pitch: %j', (body) => {
    expect(problemsOf('research', silence(body))).toHaveLength(1);
  });

  it.each([
    'You mentioned onboarding takes your team three weeks.',
    'Congrats on the Series B!',
    'I saw the new Denver distribution centre opened last month.',
    'When we spoke in March, you told me the blocker was the ERP migration.',
    'Your Q4 peak season is when detention fees bite hardest.',
  ])('sees research in %j', (body) => {
    expect(findingsOf('research', silence(body))).toEqual([]);
  });

  it.each([
    'Lots of news on our side since we last spoke! We closed our Series A.',
    'This is your last chance to lock in founding-customer pricing.',
  ])('does not take talk about us for research: %j', (body) => {
    expect(problemsOf('research', silence(body))).toHaveLength(1);
  });

  it('does not take the person for the company ("Mr. Haas" is not Haas Maschinenbau)', () => {
    const body = 'Dear Mr. Haas,\n\nI wanted to share our brochure. Would Tuesday work?';
    expect(problemsOf('research', silence(body, { to: ['t.haas@haas-maschinenbau.de'] }))).toHaveLength(1);
    expect(findingsOf('research', silence('How is the Haas line in Ulm coping with the new tariffs?', { to: ['t.haas@haas-maschinenbau.de'] }))).toEqual([]);
  });

  it('counts the company, from the context or from the recipient domain', () => {
    const body = 'The routing pilot we ran for Northwind last spring might be worth repeating.';
    expect(findingsOf('research', silence(body, { to: ['dana@northwind-freight.com'] }))).toEqual([]);
    expect(findingsOf('research', silence('How is Kelpie handling the new tariffs?', { context: { company: 'Kelpie Analytics Ltd' } }))).toEqual([]);
  });

  it('recognises the company in the possessive', () => {
    expect(findingsOf('research', silence("Noticed Tidewell's docs moved to the new help centre.", { to: ['kenji@tidewell.io'] }))).toEqual([]);
  });

  it('never takes a free-mail domain for the company', () => {
    const body = 'Gmail users often ask us about this. Want a demo?';
    expect(problemsOf('research', silence(body, { to: ['dana@gmail.com'] }))).toHaveLength(1);
  });

  it('is only a suggestion in a live exchange', () => {
    expect(findingsOf('research', live('Sounds good, talk Thursday.'))[0]?.severity).toBe('info');
  });

  it.each([
    'Following our conversation about the Harrogate depot, here is the rota template.',
    'Saw Kestrel Foods just opened a second bakery in Leeds.',
    'Noticed that Arbor Dental has hired two new hygienists.',
  ])('recognises a conversation about them or news about a named company: %j', (body) => {
    expect(findingsOf('research', silence(body))).toEqual([]);
  });

  it('does not take a day or a pronoun after "saw" for a company', () => {
    expect(problemsOf('research', silence('Saw Monday was a holiday for most teams. Here is our new brochure.'))).toHaveLength(1);
  });

  it('finds the company a domain runs together, but not the person', () => {
    expect(findingsOf('research', silence('Kevin - the lanes into Tran Produce look tight this season.', { to: ['kevin@tranproduce.com'] }))).toEqual([]);
    expect(findingsOf('research', silence('A beer tent for Bellwether at the finish line?', { to: ['dana@bellwetherbrewing.com'] }))).toEqual([]);
    expect(problemsOf('research', silence('Hi Morgan, here is our new brochure.', { to: ['morgan@morganfreight.com'] }))).toHaveLength(1);
  });

  it('counts a subject written for them, not a reply subject', () => {
    const body = 'Here is a one-page comparison of the three options.';
    expect(findingsOf('research', silence(body, { subject: 'Brightwater renewal: storm cover', to: ['jo@brightwatermarinas.com.au'] }))).toEqual([]);
    expect(problemsOf('research', silence(body, { subject: 'Re: Brightwater renewal', to: ['jo@brightwatermarinas.com.au'] }))).toHaveLength(1);
  });
});
