/**
 * `npm run eval`: precision and recall per rule, and verdict accuracy, on the labelled
 * corpus. `--misses` lists every draft where the scorer and the label disagree;
 * `--json` prints the raw evaluation.
 */
import { RULE_IDS } from '../src/index.ts';
import { join } from 'node:path';
import { CORPUS_DIR, evaluate, loadCorpus, type CorpusDraft } from '../test/support/corpus.ts';

/**
 * The tuning corpus (test/corpus/*.jsonl), which the rules were improved against, and each
 * held-out blind set (test/corpus/holdout/*.jsonl) on its own, written by someone who never
 * saw the scorer and never used for tuning: their figures are the honest ones, and each set
 * is measured on first sight by itself.
 */
const heldOut = loadCorpus(join(CORPUS_DIR, 'holdout'));
const sets: Array<[string, CorpusDraft[]]> = [
  ['Tuning corpus', loadCorpus()],
  ...[...new Set(heldOut.map((d) => d.file))].map((file): [string, CorpusDraft[]] => [`Held out: ${file}`, heldOut.filter((d) => d.file === file)]),
];
const json = process.argv.includes('--json');
if (json) console.log(JSON.stringify(Object.fromEntries(sets.map(([name, c]) => [name, evaluate(c)])), null, 2));
for (const [name, corpus] of json ? [] : sets) {
  const ev = evaluate(corpus);
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  console.log(`\n## ${name}: ${ev.drafts} drafts (${[...new Set(corpus.map((d) => d.file))].join(', ')})\n`);
  console.log('| rule | labelled | precision | recall |');
  console.log('|---|---:|---:|---:|');
  for (const r of RULE_IDS) {
    const s = ev.perRule[r];
    console.log(`| ${r} | ${s.tp + s.fn} | ${pct(s.precision)} | ${pct(s.recall)} |`);
  }
  console.log(`\nVerdict accuracy: ${pct(ev.verdictAccuracy)} (${Math.round(ev.verdictAccuracy * ev.drafts)}/${ev.drafts})`);
  console.log('Verdicts (rows: label, columns: scorer):');
  for (const [want, row] of Object.entries(ev.verdictConfusion)) console.log(`  ${want.padEnd(6)} ${Object.entries(row).map(([k, v]) => `${k} ${v}`).join('  ')}`);
  if (process.argv.includes('--misses')) {
    console.log('\nDisagreements:');
    for (const m of ev.misses) console.log(`  ${m.id}: verdict ${m.verdict} (label ${m.expected})${m.missed.length ? `; missed ${m.missed.join(', ')}` : ''}${m.extra.length ? `; extra ${m.extra.join(', ')}` : ''}`);
  }
}
