/**
 * The store look-up workload, run the same way in Node (fake-indexeddb) and in Chromium
 * (real IndexedDB, through a page): 10,000 deals with 50 touches each (500,000 touches),
 * then the look-up the banner needs on every draft: one recipient's deal, then its
 * touches in time order. Target (issue 3): under 10 ms.
 *
 * How it is measured:
 * - The data is loaded through the store's own schema, in bulk, then the store is closed
 *   and opened again: the look-ups run on a fresh connection, as in a background worker
 *   that has just woken (its opening is timed on its own). In Chromium the look-ups run
 *   in a fresh page too, so the loader's garbage is not theirs to collect; in Node the
 *   500,000 records live in fake-indexeddb's own heap, so its collections stay in.
 * - The first look-up (cold: code not yet compiled, nothing cached) is reported on its
 *   own, then ten more go untimed, then the timed ones: deals spread over the whole set.
 * - Three look-ups, taken in turn so they share the machine's ups and downs:
 *   `separate`: dealForRecipient, then touchesOf (two read transactions): the deal and
 *   its touches, the definition;
 *   `background`: what the background reads to advise on a draft today: the deal, then
 *   its touches and its commitments side by side (three read transactions);
 *   `recipient`: Store.recipient(), the same three things in one read transaction.
 * - Every record is checked with zod on the way out, in both.
 */
import { Store } from '../src/store/db.ts';
import type { StoredDeal, StoredTouch } from '../src/shared/records.ts';

export interface LookupTimes {
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface StoreBenchResult {
  touches: number;
  loadMs: number;
  openMs: number;
  firstMs: number;
  lookups: number;
  separate: LookupTimes;
  background: LookupTimes;
  recipient: LookupTimes;
}

const DAY = 86_400_000;
const START = Date.parse('2025-11-23T00:00:00Z');
const WARM_UP = 10;

function summary(times: number[]): LookupTimes {
  const s = [...times].sort((a, b) => a - b);
  return { medianMs: s[s.length >> 1]!, p95Ms: s[Math.floor(s.length * 0.95)]!, maxMs: s[s.length - 1]! };
}

/** Loads the benchmark data into the store `name`; returns how long it took (ms). */
export async function loadStoreBench(deals: number, touchesPerDeal: number, name: string): Promise<number> {
  const loader = await Store.open({ name, timeZone: 'UTC' });
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
    await loader.appendForBench(ds, ts);
  }
  loader.close();
  return performance.now() - t0;
}

/** Loads, then looks up, in one place (Node). */
export async function runStoreBench(deals = 10_000, touchesPerDeal = 50, lookups = 200, name = `touchwise-bench-${Date.now()}`): Promise<StoreBenchResult> {
  const loadMs = await loadStoreBench(deals, touchesPerDeal, name);
  return { ...(await lookupStoreBench(deals, touchesPerDeal, lookups, name)), loadMs };
}

/** The timed look-ups on a store loadStoreBench filled. */
export async function lookupStoreBench(deals: number, touchesPerDeal: number, lookups: number, name: string): Promise<Omit<StoreBenchResult, 'loadMs'>> {
  let t = performance.now();
  const store = await Store.open({ name, timeZone: 'UTC' });
  const openMs = performance.now() - t;
  const recipientOf = (i: number) => {
    const d = (i * 7919) % deals;
    return `buyer${d}@company${d}.example`;
  };
  const separate = async (address: string) => {
    const deal = await store.dealForRecipient(address);
    return deal ? (await store.touchesOf(deal.id)).length : 0;
  };
  const background = async (address: string) => {
    const deal = await store.dealForRecipient(address);
    return deal ? (await Promise.all([store.touchesOf(deal.id), store.commitmentsOf(deal.id)]))[0].length : 0;
  };
  const together = async (address: string) => (await store.recipient(address))?.touches.length ?? 0;
  const kinds = { separate, background, recipient: together };
  type Kind = keyof typeof kinds;
  const order: Kind[] = ['separate', 'background', 'recipient'];
  const check = (found: number, what: string) => {
    if (found !== touchesPerDeal) throw new Error(`${what} found ${found} touches`);
  };

  t = performance.now();
  check(await separate(recipientOf(lookups + 1)), 'the first look-up');
  const firstMs = performance.now() - t;
  for (let i = 0; i < WARM_UP; i++) for (const k of order) check(await kinds[k](recipientOf(lookups + 2 + i)), 'a warm-up look-up');
  const times: Record<Kind, number[]> = { separate: [], background: [], recipient: [] };
  for (let i = 0; i < lookups; i++) {
    const address = recipientOf(i);
    // In turn, each kind going first as often as the others.
    for (let j = 0; j < order.length; j++) {
      const which = order[(i + j) % order.length]!;
      t = performance.now();
      const found = await kinds[which](address);
      times[which].push(performance.now() - t);
      check(found, `look-up ${i} (${which})`);
    }
  }
  store.close();
  return { touches: deals * touchesPerDeal, openMs, firstMs, lookups, separate: summary(times.separate), background: summary(times.background), recipient: summary(times.recipient) };
}
