import { describe, expect, it } from 'vitest';
import { findingsOf, problemsOf, silence } from '../support/score.ts';

describe('generic', () => {
  it.each([
    ['Hi {{first_name}},', '{{first_name}}'],
    ['Hi {{ contact.firstname }}, quick idea for {{company}}.', '{{ contact.firstname }}'],
    ['Hello [First Name], I noticed [Company] is hiring.', '[First Name]'],
    ['Dear %FIRSTNAME%,', '%FIRSTNAME%'],
    ['Hi *|FNAME|*,', '*|FNAME|*'],
    ['Hi {!Contact.FirstName},', '{!Contact.FirstName}'],
    ['Hi <<First Name>>,', '<<First Name>>'],
  ])('flags the unfilled merge field in %j as an error', (body, field) => {
    const found = findingsOf('generic', body);
    expect(found[0]?.severity).toBe('error');
    expect(body.slice(found[0]!.start, found[0]!.end)).toBe(field);
  });

  it.each(['Dear Sir/Madam,', 'To whom it may concern:', 'Dear Valued Customer,'])('flags the boilerplate greeting %j', (body) => {
    expect(findingsOf('generic', body)[0]?.severity).toBe('warning');
  });

  it.each([
    'Dear Dr. Okafor,',
    'The figures [1] come from the 2025 survey.',
    'He said the contract was "signed [sic] in error".',
    'The endpoint is /api/orders/{id} and returns JSON.',
    'Call `render({ items })` once the data loads.',
    'See [the report](https://example.com/report).',
    'Hi Dana, I noticed Northwind is hiring.',
  ])('stays quiet on %j', (body) => {
    expect(findingsOf('generic', body)).toEqual([]);
  });

  it('reads a postscript after the name as the writer\'s words', () => {
    const body = 'Hi Vanessa,\n\nThe heat map is attached. Could we look at it Wednesday at 10?\n\nBest,\nMarco\n\nP.S. Or pick a slot here: {{calendar_link}}';
    expect(problemsOf('generic', silence(body))).toHaveLength(1);
  });
});
