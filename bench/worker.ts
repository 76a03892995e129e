/**
 * Child process for measurements that may run away (the parent kills it on a timeout).
 * Prints one JSON object per line on stdout.
 *
 *   write-good INPUT CHARS   write-good on a named input (bench/inputs.ts): one run, then
 *                            (if it took under a second) 4 more for a median
 *   touchwise ID@CHARS...    a cold first scoreDraft call, then each named input once
 */
const [mode, ...args] = process.argv.slice(2);
const say = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');

function chars(arg: string | undefined): number {
  const n = Number(arg);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`bad size: ${arg}`);
  return n;
}

if (mode === 'write-good') {
  const [input, size] = args;
  const { namedInput } = await import('./inputs.ts');
  const text = namedInput(input!, chars(size));
  const { default: writeGood } = await import('write-good');
  const times: number[] = [];
  let suggestions: number;
  do {
    const t = performance.now();
    suggestions = writeGood(text).length;
    times.push(performance.now() - t);
  } while (times[0]! < 1000 && times.length < 5);
  const sorted = [...times].sort((a, b) => a - b);
  say({ tool: 'write-good', input, chars: text.length, firstMs: times[0], medianMs: sorted[sorted.length >> 1], runs: times.length, suggestions });
} else if (mode === 'touchwise') {
  const t0 = performance.now();
  const { scoreDraft } = (await import('./touchwise.ts')).touchwise;
  const t1 = performance.now();
  scoreDraft({ body: 'Hi Dana,\n\nJust checking in on the pilot. Any update?\n\nThanks,\nMarc', to: ['dana@northwind-freight.com'] });
  say({ cold: true, importMs: t1 - t0, firstCallMs: performance.now() - t1 });
  // Imported after the cold measurement (it loads the scorer and the corpus).
  const { namedInput } = await import('./inputs.ts');
  for (const spec of args) {
    const [id, size] = spec.split('@');
    const text = namedInput(id!, chars(size));
    const t = performance.now();
    const r = scoreDraft(text);
    say({ spec, ms: performance.now() - t, findings: r.findings.length });
  }
} else {
  process.stderr.write('usage: worker.ts write-good INPUT CHARS | touchwise ID@CHARS...\n');
  process.exit(2);
}

// A module (for top-level await), with nothing to export.
export {};
