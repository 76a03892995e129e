import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../src/index.ts';
import { join } from 'node:path';
import { CORPUS_DIR, evaluate, loadCorpus } from './support/corpus.ts';

const corpus = loadCorpus();
/** The blind sets held out: checked against the labelling policy here, never scored in tests. */
const heldOut = loadCorpus(join(CORPUS_DIR, 'holdout'));

describe('the labelled corpus', () => {
  it('holds at least 150 drafts with unique ids', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.map((d) => d.id)).size).toBe(corpus.length);
  });

  it('is labelled consistently with its own policy, held-out sets too', () => {
    expect(new Set([...corpus, ...heldOut].map((d) => d.id)).size).toBe(corpus.length + heldOut.length);
    for (const d of [...corpus, ...heldOut]) {
      for (const r of d.label.rules) expect(RULE_IDS, d.id).toContain(r);
      const expected = d.label.rules.includes('do-not-contact') ? 'block' : d.label.rules.length ? 'revise' : 'send';
      expect(d.label.verdict, d.id).toBe(expected);
      if (d.label.scenario === 'live') {
        // Live replies need no opt-out, research or value item (test/corpus/README.md), unless blocked anyway.
        if (d.label.verdict !== 'block') for (const r of ['opt-out', 'research', 'value-item']) expect(d.label.rules, d.id).not.toContain(r);
      }
    }
  });

  it('covers every rule and every style the scorer is judged on', () => {
    const labelled = new Set(corpus.flatMap((d) => d.label.rules));
    // pacing needs a deal's verdict in the context: drafts alone can't show it (test/rules/pacing.test.ts does).
    for (const r of RULE_IDS.filter((id) => id !== 'pacing')) expect(labelled, r).toContain(r);
    expect(corpus.filter((d) => /class="gmail_quote/.test(d.body)).length).toBeGreaterThanOrEqual(10);
    expect(corpus.filter((d) => /divRplyFwdMsg/.test(d.body)).length).toBeGreaterThanOrEqual(10);
    expect(corpus.filter((d) => /\{\{|\[(?:First|Company)|%[A-Z]+%/.test(d.body)).length).toBeGreaterThanOrEqual(8);
    expect(corpus.filter((d) => d.label.scenario === 'live').length).toBeGreaterThanOrEqual(50);
  });
});

describe('the scorer on the corpus', () => {
  // Floors, not targets: they catch a regression. `npm run eval` prints the figures.
  const ev = evaluate(corpus);

  it('gets the verdict right on at least 90% of drafts', () => {
    expect(ev.verdictAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('never blocks a draft that should not be blocked, and blocks every one that should', () => {
    expect(ev.verdictConfusion.send.block + ev.verdictConfusion.revise.block).toBe(0);
    expect(ev.verdictConfusion.block.block).toBe(corpus.filter((d) => d.label.verdict === 'block').length);
  });

  it.each(RULE_IDS)('keeps precision and recall of %s at or above 80%', (rule) => {
    const s = ev.perRule[rule];
    expect(s.precision, `precision ${rule}`).toBeGreaterThanOrEqual(0.8);
    expect(s.recall, `recall ${rule}`).toBeGreaterThanOrEqual(0.8);
  });
});
