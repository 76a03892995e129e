/**
 * The store look-up workload, run the same way in Node (fake-indexeddb) and in Chromium
 * (real IndexedDB, through a page): 10,000 deals with 50 touches each (500,000 touches),
 * then the look-up the banner needs on every draft: one recipient's deal, then its
 * touches in time order. Target (issue 3): under 10 ms.
 */
import { Store } from '../src/store/db.ts';
import type { StoredDeal, StoredTouch } from '../src/shared/records.ts';

export interface StoreBenchResult {
  touches: number;
  loadMs: number;
  lookups: number;
  medianMs: number;
  p95Ms: number;
}

const DAY = 86_400_000;
const START = Date.parse('2025-11-23T00:00:00Z');

export async function runStoreBench(deals = 10_000, touchesPerDeal = 50, lookups = 200, name = `touchwise-bench-${Date.now()}`): Promise<StoreBenchResult> {
  const store = await Store.open({ name });
  // Load through the store's own schema, in bulk: a backup restore is one transaction per call.
  const t0 = performance.now();
  const batch = 500; // deals per transaction
  for (let from = 0; from < deals; from += batch) {
    const ds: StoredDeal[] = [];
    const ts: StoredTouch[] = [];
    for (let d = from; d < Math.min(deals, from + batch); d++) {
      const domain = `company${d}.example`;
      ds.push({ id: `domain:${domain}`, name: `Company ${d}`, contacts: [`buyer${d}@${domain}`, `cfo${d}@${domain}`], domains: [domain], updatedAt: new Date(START).toISOString() });
      for (let t = 0; t < touchesPerDeal; t++) {
        ts.push({ id: d * touchesPerDeal + t + 1, dealId: `domain:${domain}`, at: new Date(START + ((d * 7 + t * 5) % 365) * DAY + t * 60_000).toISOString(), channel: 'email', direction: t % 6 === 0 ? 'in' : 'out' });
      }
    }
    await store.appendForBench(ds, ts);
  }
  const loadMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < lookups; i++) {
    const d = (i * 7919) % deals;
    const t = performance.now();
    const deal = await store.dealForRecipient(`buyer${d}@company${d}.example`);
    const touches = deal ? await store.touchesOf(deal.id) : [];
    times.push(performance.now() - t);
    if (touches.length !== touchesPerDeal) throw new Error(`look-up ${i} found ${touches.length} touches`);
  }
  store.close();
  times.sort((a, b) => a - b);
  return { touches: deals * touchesPerDeal, loadMs, lookups, medianMs: times[times.length >> 1]!, p95Ms: times[Math.floor(times.length * 0.95)]! };
}
