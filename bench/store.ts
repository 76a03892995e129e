/**
 * The store section: one recipient's deal and its touches among 500,000 touches (issue
 * target: under 10 ms), on fake-indexeddb in Node and on Chromium's real IndexedDB.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { ms, table, type Section } from './lib.ts';
import type { StoreBenchResult } from './store-workload.ts';

const DEALS = 10_000;
const PER_DEAL = 50;

async function inNode(): Promise<StoreBenchResult> {
  // Installs IndexedDB's globals in Node, as the tests do.
  const fake = await import('fake-indexeddb');
  const globals = Object.fromEntries(Object.entries(fake).filter(([k]) => k.startsWith('IDB')));
  Object.assign(globalThis, globals, { indexedDB: new fake.IDBFactory() });
  const { runStoreBench } = await import('./store-workload.ts');
  return runStoreBench(DEALS, PER_DEAL, 200);
}

async function inChromium(): Promise<StoreBenchResult | string> {
  const { chromiumAvailable, launchExtension } = await import('../test/support/chromium.ts');
  if (!chromiumAvailable()) return 'not measured: no Chromium on this machine';
  const bundle = await build({ entryPoints: [fileURLToPath(new URL('./store-page.ts', import.meta.url))], bundle: true, format: 'iife', write: false, target: 'chrome110', logLevel: 'silent' });
  const script = bundle.outputFiles[0]!.text;
  const ext = await launchExtension({ serve: { 'https://bench.test': { '/': '<!doctype html><title>store bench</title><script src="/bench.js"></script>', '/bench.js': { body: script, contentType: 'text/javascript' } } }, timeoutMs: 600_000 });
  try {
    const page = await ext.context.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto('https://bench.test/');
    return await page.evaluate(([d, t]) => (globalThis as unknown as { touchwiseStoreBench: (a: number, b: number, c: number) => Promise<StoreBenchResult> }).touchwiseStoreBench(d, t, 200), [DEALS, PER_DEAL] as const);
  } finally {
    await ext.close();
  }
}

export const storeSection: Section = {
  name: 'store',
  async run({ log }) {
    log('store: loading 500,000 touches into fake-indexeddb (Node)…');
    const node = await inNode();
    log('store: the same in Chromium’s IndexedDB…');
    const chromium = await inChromium().catch((e: Error) => `not measured: ${e.message.split('\n')[0]}`);
    const row = (where: string, r: StoreBenchResult | string) =>
      typeof r === 'string' ? [where, r, '', '', ''] : [where, `${r.touches.toLocaleString('en')} touches in ${ms(r.loadMs)}`, `${r.lookups}`, ms(r.medianMs), ms(r.p95Ms)];
    return [
      '#### Store: one recipient’s deal and its touches among 500,000',
      '',
      'Look-up = the deal by the recipient’s address (index), then its 50 touches in time order (index), each record checked with zod, as the background does for every draft.',
      '',
      table(['where', 'loaded', 'look-ups', 'median', 'p95'], ['l', 'l', 'r', 'r', 'r'], [row('Node, fake-indexeddb', node), row('Chromium, IndexedDB', chromium)]),
      '',
      'Target: under 10 ms.',
    ].join('\n');
  },
};
