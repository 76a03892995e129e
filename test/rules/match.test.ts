// The shared word index (TextIndex) must change how fast phrase lists scan, never what they find.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHRASE_LISTS, PhraseList, type Phrase } from '../../src/index.ts';
import { requiredWords, TextIndex } from '../../src/rules/match.ts';
import { loadCorpus } from '../support/corpus.ts';

const plain = (ms: ReturnType<PhraseList['find']>) => ms.map((m) => [m.start, m.end, m.text, m.entry.say]);

/** Words of the built-in phrases, glued with the separators that matter to the index. */
const words = [...new Set(Object.values(PHRASE_LISTS).flat().map((p: Phrase) => (typeof p === 'string' ? p : p.say)).join(' ').split(/[\s()|*#]+/).filter(Boolean))];
const separator = fc.constantFrom(' ', ' ', ' ', '  ', '\u00a0', '\n', ', ', '. ', '? ', '’', "'", '-', 'é', ' é ', 'ж', '         ', '_', '1', ' "', '” ');
const soup = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom('lower', 'upper', 'title'), separator), { maxLength: 60 }).map((parts) =>
  parts.map(([w, c, sep]) => (c === 'upper' ? w.toUpperCase() : c === 'title' ? w[0]!.toUpperCase() + w.slice(1) : w) + sep).join(''),
);

describe('phrase lists over a shared word index', () => {
  const lists = Object.entries(PHRASE_LISTS).map(([name, phrases]) => [name, new PhraseList(phrases)] as const);

  it('find the same matches as a scan of the string, on the corpus', () => {
    for (const d of loadCorpus()) {
      const index = new TextIndex(d.body);
      for (const [name, list] of lists) expect(plain(list.find(index)), `${name} in ${d.id}`).toEqual(plain(list.find(d.body)));
    }
  });

  it('find the same matches as a scan of the string, on word soups', () => {
    fc.assert(
      fc.property(soup, fc.constantFrom(1, 3, 2000), (text, limit) => {
        const index = new TextIndex(text);
        for (const [, list] of lists) expect(plain(list.find(index, limit))).toEqual(plain(list.find(text, limit)));
      }),
      { numRuns: 300 },
    );
  });

  it('handle user phrases that start with a number, a quote or a letter beyond ASCII', () => {
    const list = new PhraseList(['# times', '"no" (is|) fine', 'über (alles|nichts)', 'café (au|) lait', '(a|) chance (of|) win', 'did * get a chance *']);
    for (const text of ['3 times, "no" is fine, über alles', 'a café au lait; did you get a chance to look', 'someone 2 times', 'a chance of winning, chance win']) {
      expect(plain(list.find(new TextIndex(text)))).toEqual(plain(list.find(text)));
    }
  });
});

describe('requiredWords', () => {
  it('lists the parts a match must hold as whole words', () => {
    expect(requiredWords('(a couple of|a few|#) (deals|deal) (short of|away from) quota')).toEqual([['deals', 'deal'], ['short', 'away'], ['quota']]);
    expect(requiredWords("(have|'ve|has) not (yet|) received (a|any) reply")).toEqual([['not'], ['received'], ['a', 'any'], ['reply']]);
  });

  it('leaves out what may be skipped or may run on into a longer word', () => {
    expect(requiredWords('(x|) y z')).toEqual([['z']]); // y may open the match mid-word
    expect(requiredWords('(x|) y z', true)).toEqual([['y'], ['z']]); // unless the match starts at a word
    expect(requiredWords('did * get a chance *')).toEqual([['get'], ['a']]); // "chance" may be "chancellor"
    expect(requiredWords('(follow-up|reminder) now')).toEqual([['now']]); // the hyphenated group itself is left out
    expect(requiredWords('unbalanced (x')).toEqual([]);
  });
});
