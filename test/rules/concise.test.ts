import { describe, expect, it } from 'vitest';
import { findingsOf, live, silence } from '../support/score.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('concise', () => {
  it('allows 150 words in a follow-up on silence, not 151', () => {
    expect(findingsOf('concise', silence(words(150)))).toEqual([]);
    const [f] = findingsOf('concise', silence(words(151)));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(/151 words/);
  });

  it('allows 300 words in a live reply', () => {
    expect(findingsOf('concise', live(words(300)))).toEqual([]);
    expect(findingsOf('concise', live(words(301)))).toHaveLength(1);
  });

  it('points at the words past the limit', () => {
    const body = words(160);
    const [f] = findingsOf('concise', silence(body));
    expect(body.slice(f!.start).startsWith('word150')).toBe(true);
    expect(f!.end).toBe(body.length);
  });

  it('does not count quoted history or the signature', () => {
    const body = `${words(100)}\n\nBest,\nMarc\nVP Sales\n\nOn Tue, Nov 3, 2026 at 9:12 AM Dana <dana@x.com> wrote:\n> ${words(400)}\n`;
    expect(findingsOf('concise', silence(body))).toEqual([]);
  });
});
