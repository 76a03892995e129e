/**
 * `npm run bench`: runs every section in one process and prints one markdown report
 * (ready for the README's "Speed and size") to stdout; progress goes to stderr.
 *
 *   npm run bench                     every section
 *   npm run bench -- --only scorer    one section (repeat --only for more)
 *   npm run bench -- --write          also write the report to bench/results.md
 *
 * A section is a file exporting a `Section` (bench/lib.ts); add it to SECTIONS.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { duration, environment, sinkValue, type Section } from './lib.ts';
import { advisorSection } from './advisor.ts';
import { scorerSection } from './scorer.ts';
import { storeSection } from './store.ts';
import { contentSection } from './content.ts';

/** In report order. */
const SECTIONS: Section[] = [scorerSection, advisorSection, storeSection, contentSection];

const argv = process.argv.slice(2);
const only = argv.flatMap((a, i) => (a === '--only' ? [argv[i + 1] ?? ''] : a.startsWith('--only=') ? [a.slice('--only='.length)] : []));
const unknown = only.filter((n) => !SECTIONS.some((s) => s.name === n));
if (unknown.length) {
  console.error(`unknown section: ${unknown.join(', ')} (sections: ${SECTIONS.map((s) => s.name).join(', ')})`);
  process.exit(2);
}
const sections = only.length ? SECTIONS.filter((s) => only.includes(s.name)) : SECTIONS;

const started = performance.now();
const log = (m: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${m}\n`);
const parts: string[] = [];
for (const s of sections) parts.push(await s.run({ log }));
const total = performance.now() - started;

const report = [
  `Measured with \`npm run bench\` on ${environment()}.`,
  '',
  ...parts.flatMap((p) => [p, '']),
  `The bench ran in ${duration(total)} in all${only.length ? ` (sections: ${sections.map((s) => s.name).join(', ')})` : ''}.`,
  '',
].join('\n');

process.stdout.write(report);
if (argv.includes('--write')) {
  const path = fileURLToPath(new URL('./results.md', import.meta.url));
  writeFileSync(path, report);
  log(`wrote ${path}`);
}
log(`done (checksum ${sinkValue()})`);
