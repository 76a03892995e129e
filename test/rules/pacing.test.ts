import { describe, expect, it } from 'vitest';
import { scoreDraft } from '../../src/index.ts';

const GOOD =
  "Hi Dana, you mentioned dock delays at the Denver site. Attached is a one-page benchmark from a carrier your size: detention fees fell 18% in a quarter. Would Tuesday at 10 work for 20 minutes? If the timing is wrong, just tell me and I'll stop reaching out.";

describe('pacing', () => {
  it('warns, with the date the wait ends, when the deal says wait', () => {
    const r = scoreDraft({ body: GOOD, context: { deal: { name: 'Northwind pilot', verdict: 'wait', until: '2026-12-14T00:00:00.000Z', reason: 'they are at their board meeting' } } });
    const f = r.findings.find((x) => x.rule === 'pacing');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('Mon 14 Dec');
    expect(f?.message).toContain('board meeting');
    expect(r.verdict).toBe('revise');
  });

  it('blocks a draft to a deal the advisor says to stop', () => {
    const r = scoreDraft({ body: GOOD, context: { deal: { verdict: 'stop' } } });
    expect(r.verdict).toBe('block');
    expect(r.score).toBe(0);
  });

  it.each(['act', 'nurture', 'requalify'] as const)('says nothing when the deal says %s', (verdict) => {
    const r = scoreDraft({ body: GOOD, context: { deal: { verdict } } });
    expect(r.findings.filter((f) => f.rule === 'pacing')).toEqual([]);
    expect(r.verdict).toBe('send');
  });

  it('says nothing without a known deal', () => {
    expect(scoreDraft(GOOD).findings.some((f) => f.rule === 'pacing')).toBe(false);
  });
});
