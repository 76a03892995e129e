// Key words let the rules skip a pattern where it cannot match; they must never skip one
// where it can. Every keyed pattern the rules make is checked here (KEYED_PATTERNS).
import fc from 'fast-check';
import RandExp from 'randexp';
import { describe, expect, it } from 'vitest';
import '../../src/rules/score.ts'; // makes every rule's patterns
import { KEYED_PATTERNS, KeyedPattern, TextIndex } from '../../src/rules/match.ts';
import { makeDraft } from '../../src/rules/draft.ts';
import { loadCorpus } from '../support/corpus.ts';

/** What may stand either side of a match in a draft: nothing, a space, a letter or digit that glues on, punctuation. */
const SIDES = ['', ' ', 'x', '7', '.', '-', "'", '\n', 'é'];

/** A fresh copy of the pattern (its own lastIndex) that finds a match anywhere. */
const anywhere = (re: RegExp) => new RegExp(re.source, re.flags.replace(/[gy]/g, ''));

const label = (p: KeyedPattern) => `/${p.re.source.slice(0, 60)}…/`;

describe('keyed patterns', () => {
  it('are made by the rules (the checks below cover something)', () => {
    expect(KEYED_PATTERNS.length).toBeGreaterThanOrEqual(7);
  });

  it('hold a key word in every match they can make, whatever stands around it', () => {
    for (const pattern of KEYED_PATTERNS) {
      const re = anywhere(pattern.re);
      const gen = new RandExp(re);
      gen.max = 3;
      // Seeded, so a failure can be replayed.
      let seed = 7;
      gen.randInt = (a: number, b: number) => {
        seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
        return a + (seed % (b - a + 1));
      };
      for (let k = 0; k < 4000; k++) {
        const sample = gen.gen();
        const before = SIDES[k % SIDES.length]!;
        const after = SIDES[Math.floor(k / SIDES.length) % SIDES.length]!;
        const text = `${before}${sample}${after}`;
        if (!re.test(text)) continue; // (a lookahead or a boundary the generator ignores can rule the sample out)
        expect(pattern.mayMatch(new TextIndex(text)), `${label(pattern)} matches ${JSON.stringify(text)}`).toBe(true);
      }
    }
  });

  it('answer as the plain pattern does on every sentence of the corpus, and on the whole text', () => {
    for (const d of loadCorpus()) {
      const draft = makeDraft({ body: d.body });
      const index = new TextIndex(draft.own);
      for (const pattern of KEYED_PATTERNS) {
        const re = anywhere(pattern.re);
        expect(pattern.test(index), `${label(pattern)} on ${d.id}`).toBe(re.test(draft.own));
        for (const s of draft.sentences) {
          const text = draft.own.slice(s.start, s.end);
          expect(pattern.test(index, s.start, s.end), `${label(pattern)} on ${JSON.stringify(text)}`).toBe(re.test(text));
        }
      }
    }
  });

  it('answer as the plain pattern does on any slice of any text', () => {
    const keys = [...new Set(KEYED_PATTERNS.flatMap((p) => p.keys))];
    const word = fc.oneof(fc.constantFrom(...keys), fc.constantFrom('the', 'offer', 'it', 'out', 'Monday', 'a', 'on', '12', '3pm', 'NOTICED', 'Tran', 'Produce', 'opened'));
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', '. ', '\n', '-', '', 'é', '/', ', ')), { maxLength: 25 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const from = Math.min(a % (t.length + 1), b % (t.length + 1));
        const to = Math.max(a % (t.length + 1), b % (t.length + 1));
        const index = new TextIndex(t);
        for (const pattern of KEYED_PATTERNS) expect(pattern.test(index, from, to)).toBe(anywhere(pattern.re).test(t.slice(from, to)));
      }),
      { numRuns: 2000 },
    );
  });

  it('are skipped where no key word stands', () => {
    const pattern = new KeyedPattern(/\bends?\b/i, ['end', 'ends']);
    const index = new TextIndex('The offer ends Friday. Nothing here. It wends.');
    expect(pattern.mayMatch(index)).toBe(true);
    expect(pattern.mayMatch(index, 23, 36)).toBe(false); // "Nothing here."
    expect(pattern.mayMatch(index, 37, 46)).toBe(false); // "It wends.": a word that holds "ends" is not "ends"
    expect(pattern.mayMatch(index, 41, 46)).toBe(true); // cut inside "wends": the slice starts "ends"
    expect(pattern.test(index, 41, 46)).toBe(true);
  });
});
