import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDraft, RULE_IDS, scoreDraft, type DraftInput } from '../../src/index.ts';

/** Text that looks like email: real phrases, markup, quote markers, merge fields, odd Unicode. */
const token = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'just checking in', 'Any update?', 'touching base', 'circling back', '{{first_name}}', '[Company]', '%FIRSTNAME%',
    'If the timing is wrong, just tell me and I\u2019ll stop reaching out.', 'Would Tuesday at 10 work?', 'our award-winning platform',
    'end of quarter', "I've reached out several times", 'Please remove me from your list.', '\n> quoted line', '\nOn Mon, Nov 2, 2026 at 9:14 AM Dana <dana@x.com> wrote:\n',
    '\n-- \nMarc', '\nBest,\nMarc\n', '<div>', '</div>', '<br>', '<blockquote class="gmail_quote">', '</blockquote>', '<div class="gmail_quote">',
    '<div id="divRplyFwdMsg">', '<a href="https://example.com/x">link</a>', '&nbsp;', '&amp;', '&#x1F600;', '<', '>', '\u00a0', '\u200b', '😀', 'é', '\r\n',
  ),
);
const body = fc.array(token, { maxLength: 30 }).map((parts) => parts.join(' '));
const input: fc.Arbitrary<DraftInput> = fc.record(
  {
    body,
    subject: fc.string(),
    to: fc.array(fc.oneof(fc.emailAddress(), fc.string()), { maxLength: 3 }),
    html: fc.option(fc.boolean(), { nil: undefined }),
    context: fc.record(
      { company: fc.string(), exchange: fc.constantFrom('silence' as const, 'live' as const), doNotContact: fc.boolean() },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['body'] },
);

describe('scorer properties', () => {
  it('never throws, and returns a well-formed result for any input', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = scoreDraft(i);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(['send', 'revise', 'block']).toContain(r.verdict);
        for (const f of r.findings) {
          expect(RULE_IDS).toContain(f.rule);
          expect(['error', 'warning', 'info']).toContain(f.severity);
          expect(f.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every finding inside the text the user sees', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { text } = makeDraft(i);
        for (const f of scoreDraft(i).findings) {
          expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
          expect(0 <= f.start && f.start <= f.end && f.end <= text.length).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('points into the body itself when the body is plain text', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(makeDraft({ body: b, html: false }).text).toBe(b);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(scoreDraft(i)).toEqual(scoreDraft(structuredClone(i)));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees between the verdict and the findings', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = scoreDraft(i);
        const blocked = r.findings.some((f) => f.rule === 'do-not-contact' && f.severity === 'error');
        const problems = r.findings.some((f) => f.severity !== 'info');
        expect(r.verdict).toBe(blocked ? 'block' : problems ? 'revise' : 'send');
      }),
      { numRuns: 300 },
    );
  });

  it('never scores quoted history: anything appended below a quote header changes nothing', () => {
    const own = fc.constantFrom('Hi Dana, here is the benchmark. Would Tuesday work?', 'Just checking in. Any update?', 'Thanks, noted.');
    const history = fc.array(fc.constantFrom('just checking in', '{{first_name}}', 'our award-winning platform', 'end of quarter', 'circling back'), { maxLength: 8 });
    fc.assert(
      fc.property(own, history, (o, h) => {
        const base = `${o}\n\nOn Mon, Nov 2, 2026 at 9:14 AM Marc <marc@x.io> wrote:\n> earlier`;
        const withMore = `${base}\n> ${h.join('\n> ')}`;
        const rules = (b: string) => scoreDraft({ body: b, context: { exchange: 'silence' } }).findings.map((f) => `${f.rule}:${f.severity}:${f.start}`);
        expect(rules(withMore)).toEqual(rules(base));
      }),
    );
  });
});
