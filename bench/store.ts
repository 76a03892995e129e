/**
 * The store section: one recipient's deal and its touches among 500,000 touches (issue
 * target: under 10 ms), on fake-indexeddb in Node and on Chromium's real IndexedDB.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { ms, table, type Section } from './lib.ts';
import type { loadStoreBench, lookupStoreBench, StoreBenchResult } from './store-workload.ts';

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
  type Bench = { touchwiseStoreBench: { load: typeof loadStoreBench; lookup: typeof lookupStoreBench } };
  const name = `touchwise-bench-${Date.now()}`;
  try {
    // Loaded in one page; looked up in a fresh one, as a worker that has just woken would.
    const loader = await ext.context.newPage();
    loader.setDefaultTimeout(600_000);
    await loader.goto('https://bench.test/');
    const loadMs = await loader.evaluate(([d, t, n]) => (globalThis as unknown as Bench).touchwiseStoreBench.load(d, t, n), [DEALS, PER_DEAL, name] as const);
    await loader.close();
    const page = await ext.context.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto('https://bench.test/');
    const rest = await page.evaluate(([d, t, n]) => (globalThis as unknown as Bench).touchwiseStoreBench.lookup(d, t, 200, n), [DEALS, PER_DEAL, name] as const);
    return { ...rest, loadMs };
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
    const rows = (where: string, r: StoreBenchResult | string) =>
      typeof r === 'string'
        ? [[where, r, '', '', '', '', '']]
        : [
            [where, 'deal, then its touches (2 transactions)', `${r.lookups}`, ms(r.separate.medianMs), ms(r.separate.p95Ms), ms(r.separate.maxMs), ms(r.firstMs)],
            [where, 'deal, then touches ∥ commitments (3 transactions: what the background reads per draft today)', `${r.lookups}`, ms(r.background.medianMs), ms(r.background.p95Ms), ms(r.background.maxMs), ''],
            [where, 'recipient(): deal, touches and commitments (1 transaction)', `${r.lookups}`, ms(r.recipient.medianMs), ms(r.recipient.p95Ms), ms(r.recipient.maxMs), ''],
          ];
    const loads = [node, chromium].flatMap((r, i) => (typeof r === 'string' ? [] : [`${i ? 'Chromium' : 'Node'}: ${r.touches.toLocaleString('en')} touches loaded in ${ms(r.loadMs)}, store opened again in ${ms(r.openMs)}`]));
    return [
      '#### Store: one recipient’s deal and its touches among 500,000',
      '',
      'Look-up = the deal by the recipient’s address (index), then its 50 touches in time order (index), each record checked with zod on the way out. The store is closed after loading and opened again, as a background worker that has just woken finds it (in Chromium, in a fresh page); the first look-up (cold) is shown on its own, ten more of each kind go untimed, then the three kinds are timed in turn. The touches carry no text.',
      '',
      table(['where', 'look-up', 'timed', 'median', 'p95', 'max', 'first (cold)'], ['l', 'l', 'r', 'r', 'r', 'r', 'r'], [...rows('Node, fake-indexeddb', node), ...rows('Chromium, IndexedDB', chromium)]),
      '',
      `${loads.join('. ')}.`,
      '',
      'Target: under 10 ms.',
    ].join('\n');
  },
};
