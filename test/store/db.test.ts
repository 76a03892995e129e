import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, Store, StoreError } from '../../src/store/db.ts';
import type { Deal, Touch } from '../../src/index.ts';

let n = 0;
/** A fresh database per test, on a fixed clock. */
const open = (name = `touchwise-test-${++n}`) => Store.open({ name, now: () => new Date('2026-11-23T10:00:00Z') });

const northwind: Deal = { id: 'd1', name: 'Northwind pilot', company: 'Northwind Freight', contacts: ['Dana@Northwind-Freight.com', 'lee@northwind-freight.com'] };
const solo: Deal = { id: 'd2', name: 'Freelance shoot', contacts: ['sam.rivers@gmail.com'] };
const touch = (at: string, direction: Touch['direction'] = 'out', extra: Partial<Touch> & { contact?: string } = {}): Touch & { contact?: string } => ({ at, channel: 'email', direction, ...extra });

describe('the store', () => {
  it('finds a recipient’s deal by address, then by company domain, never by free-mail domain', async () => {
    const store = await open();
    await store.saveDeal(northwind);
    await store.saveDeal(solo);
    expect((await store.dealForRecipient('dana@northwind-freight.com'))?.id).toBe('d1');
    expect((await store.dealForRecipient('  DANA@northwind-freight.com '))?.id).toBe('d1');
    expect((await store.dealForRecipient('priya@northwind-freight.com'))?.id).toBe('d1'); // a new colleague at the same company
    expect((await store.dealForRecipient('sam.rivers@gmail.com'))?.id).toBe('d2');
    expect(await store.dealForRecipient('someone.else@gmail.com')).toBeUndefined(); // gmail.com is not a company
    const saved = await store.deal('d2');
    expect(saved?.domains).toEqual([]);
    store.close();
  });

  it('keeps a deal’s touches in time order, whatever order they were recorded in', async () => {
    const store = await open();
    await store.saveDeal(northwind);
    await store.recordTouch('d1', touch('2026-11-20T09:00:00Z'));
    await store.recordTouch('d1', touch('2026-11-02T09:00:00Z'));
    await store.recordTouch('d1', touch('2026-11-10T09:00:00Z', 'in', { text: 'Sounds good.' }));
    await store.recordTouch('d2', touch('2026-11-15T09:00:00Z'));
    expect((await store.touchesOf('d1')).map((t) => t.at)).toEqual(['2026-11-02T09:00:00Z', '2026-11-10T09:00:00Z', '2026-11-20T09:00:00Z']);
    store.close();
  });

  it('reads a recipient’s deal, touches and commitments in one go, as the separate look-ups do', async () => {
    const name = `touchwise-test-${++n}`;
    const store = await open(name);
    await store.saveDeal(northwind);
    await store.saveDeal(solo);
    await store.recordTouch('d1', touch('2026-11-20T09:00:00Z'));
    await store.recordTouch('d1', touch('2026-11-10T09:00:00Z', 'in', { text: "I'll get back to you after our board meeting on the 10th." }));
    await store.recordTouch('d2', touch('2026-11-15T09:00:00Z'));
    await store.addCommitment('d1', { owner: 'us', due: '2026-11-25T17:00:00Z', what: 'send the revised SOW' });
    const found = await store.recipient('priya@northwind-freight.com');
    expect(found).toEqual({ deal: await store.dealForRecipient('priya@northwind-freight.com'), touches: await store.touchesOf('d1'), commitments: await store.commitmentsOf('d1') });
    expect(found!.touches.map((t) => t.at)).toEqual(['2026-11-10T09:00:00Z', '2026-11-20T09:00:00Z']);
    expect(found!.touches[0]!.reading?.clock?.kind).toBe('their-clock');
    expect(await store.recipient('someone.else@gmail.com')).toBeUndefined();
    // A corrupted touch is set aside here too.
    const raw = await openDB(name, SCHEMA_VERSION);
    await raw.put('touches', { id: 99, dealId: 'd1', at: '2026-11-21T09:00:00Z', channel: 'fax', direction: 'out' });
    raw.close();
    expect((await store.recipient('dana@northwind-freight.com'))!.touches).toHaveLength(2);
    expect((await store.quarantined()).map((q) => [q.store, (q.record as { id: number }).id])).toEqual([['touches', 99]]);
    store.close();
  });

  it('refuses an invalid record with a clear message, and writes nothing', async () => {
    const store = await open();
    await expect(store.recordTouch('d1', { at: 'yesterday', channel: 'email', direction: 'out' })).rejects.toThrow(/can't be recorded: at: is not a date/);
    await expect(store.saveDeal({ ...northwind, name: '' })).rejects.toThrow(StoreError);
    expect(await store.touchesOf('d1')).toEqual([]);
    store.close();
  });

  it('keeps a corrupted record aside and reports it, never dropping it silently', async () => {
    const name = `touchwise-test-${++n}`;
    const store = await open(name);
    await store.saveDeal(northwind);
    // Another version of the extension (or a bug) left a bad record behind.
    const raw = await openDB(name, SCHEMA_VERSION);
    await raw.put('deals', { id: 'broken', name: 42, contacts: 'nope' });
    raw.close();
    const deals = await store.deals();
    expect(deals.map((d) => d.id)).toEqual(['d1']);
    const q = await store.quarantined();
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ store: 'deals', record: { id: 'broken' } });
    expect(q[0]!.reason).toMatch(/name/);
    expect((await store.deals()).map((d) => d.id)).toEqual(['d1']); // moved, not reported twice
    store.close();
  });

  it('imports many deals in one transaction: all, or none', async () => {
    const store = await open();
    await store.saveDeal(solo);
    await expect(store.importDeals([northwind, { ...northwind, id: 'd3', name: '' }])).rejects.toThrow(/Deal 2 can't be imported/);
    expect((await store.deals()).map((d) => d.id)).toEqual(['d2']);
    expect(await store.importDeals([northwind, { ...northwind, id: 'd3', name: 'Northwind expansion' }])).toBe(2);
    expect((await store.deals()).map((d) => d.id).sort()).toEqual(['d1', 'd2', 'd3']);
    store.close();
  });

  it('round-trips a backup losslessly', async () => {
    const a = await open();
    await a.saveDeal(northwind);
    await a.saveDeal(solo);
    await a.setDoNotContact('d2', true);
    await a.recordTouch('d1', touch('2026-11-02T09:00:00Z', 'out', { value: true, contact: 'dana@northwind-freight.com' }));
    await a.recordTouch('d1', touch('2026-11-03T15:00:00Z', 'in', { text: "I'll get back to you after our board meeting on the 10th." }));
    await a.addCommitment('d1', { owner: 'us', due: '2026-11-25T17:00:00Z', what: 'send the revised SOW' });
    const backup = JSON.parse(JSON.stringify(await a.exportBackup()));
    a.close();

    const b = await open();
    await b.saveDeal({ id: 'old', name: 'Replaced by the restore', contacts: [] });
    expect(await b.restoreBackup(backup)).toEqual({ deals: 2, touches: 2, commitments: 1 });
    const again = await b.exportBackup();
    expect({ ...again, exportedAt: '' }).toEqual({ ...backup, exportedAt: '' });
    expect((await b.deal('d2'))?.doNotContact).toBe(true);
    b.close();
  });

  it('leaves the store untouched when a backup is not valid', async () => {
    const store = await open();
    await store.saveDeal(northwind);
    for (const bad of [null, { format: 'touchwise-backup', version: 99 }, { format: 'touchwise-backup', version: 1, exportedAt: 'x', deals: [], touches: [], commitments: [] }]) {
      await expect(store.restoreBackup(bad)).rejects.toThrow(/Nothing was changed/);
    }
    expect((await store.deals()).map((d) => d.id)).toEqual(['d1']);
    store.close();
  });

  it('loses no touch when five writers record at once', async () => {
    const name = `touchwise-test-${++n}`;
    const first = await open(name);
    await first.saveDeal(northwind);
    const writers = await Promise.all(Array.from({ length: 5 }, () => open(name)));
    await Promise.all(
      writers.map((w, i) => Promise.all(Array.from({ length: 40 }, (_, k) => w.recordTouch('d1', touch(new Date(Date.UTC(2026, 10, 1, i, k)).toISOString()))))),
    );
    const all = await first.touchesOf('d1');
    expect(all).toHaveLength(200);
    expect(new Set(all.map((t) => t.id)).size).toBe(200);
    for (const w of writers) w.close();
    first.close();
  });
});
