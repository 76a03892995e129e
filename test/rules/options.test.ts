import { describe, expect, it } from 'vitest';
import { scoreDraft } from '../../src/index.ts';

const rules = (r: ReturnType<typeof scoreDraft>) => r.findings.map((f) => f.rule);

describe('score options', () => {
  it('takes extra phrases a user adds, on top of the built-ins', () => {
    const body = 'Hola Dana, solo para saber si hay novedades. Just checking in.';
    const plain = scoreDraft(body);
    expect(plain.findings.filter((f) => f.rule === 'empty-checkin')).toHaveLength(1);
    const extended = scoreDraft(body, { extraPhrases: { checkins: ['solo para saber (si|) hay novedades'] } });
    const found = extended.findings.filter((f) => f.rule === 'empty-checkin').map((f) => body.slice(f.start, f.end));
    expect(found).toEqual(['solo para saber si hay novedades', 'Just checking in']);
  });

  it('takes a typed phrase with grouping and symbols, and ignores empty ones', () => {
    const r = scoreDraft('We are the best+ vendor. Would Tuesday work?', { extraPhrases: { bragging: ['(the) best+', '', '   '] } });
    expect(rules(r)).toContain('about-them');
  });

  it('applies the word limits a user sets', () => {
    const body = Array.from({ length: 120 }, (_, i) => `w${i}`).join(' ');
    expect(rules(scoreDraft({ body, context: { exchange: 'silence' } }))).not.toContain('concise');
    expect(rules(scoreDraft({ body, context: { exchange: 'silence' } }, { maxWords: { silence: 100 } }))).toContain('concise');
  });

  it('caps repeated findings of one rule, so a 200 KB paste stays readable', () => {
    const body = 'just checking in. '.repeat(2000);
    const r = scoreDraft(body, { maxFindingsPerRule: 10 });
    expect(r.findings.filter((f) => f.rule === 'empty-checkin')).toHaveLength(10);
    expect(scoreDraft(body).findings.filter((f) => f.rule === 'empty-checkin')).toHaveLength(25);
  });
});
