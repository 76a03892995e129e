import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { advise, readingOf, READER_VERSION } from '../../src/index.ts';
import { StoredTouchSchema, type Backup, type StoredDeal, type StoredTouch } from '../../src/shared/records.ts';
import { MIGRATIONS, SCHEMA_VERSION, Store, StoreError } from '../../src/store/db.ts';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/store/${name}`, import.meta.url), 'utf8')) as T;
interface V1Database {
  schemaVersion: 1;
  deals: Array<Record<string, unknown>>;
  touches: Array<Record<string, unknown> & { id: number }>;
  commitments: Array<Record<string, unknown>>;
}

const NOW = new Date('2026-11-23T10:00:00Z');
let n = 0;

/** A schema-1 database holding the fixture's records exactly as they were on disk. */
async function v1Database(): Promise<{ name: string; v1: V1Database }> {
  const v1 = fixture<V1Database>('v1-database.json');
  const name = `touchwise-migration-${++n}`;
  (await Store.open({ name, version: 1, now: () => NOW })).close();
  const raw = await openDB(name, 1);
  const tx = raw.transaction(['deals', 'touches', 'commitments'], 'readwrite');
  await Promise.all([...v1.deals.map((r) => tx.objectStore('deals').put(r)), ...v1.touches.map((r) => tx.objectStore('touches').put(r)), ...v1.commitments.map((r) => tx.objectStore('commitments').put(r)), tx.done]);
  raw.close();
  return { name, v1 };
}

async function rawContents(name: string) {
  const raw = await openDB(name);
  const out = { version: raw.version, deals: await raw.getAll('deals'), touches: (await raw.getAll('touches')) as StoredTouch[], commitments: await raw.getAll('commitments'), quarantine: await raw.getAll('quarantine') };
  raw.close();
  return out;
}

describe('schema 1 → 2: inbound touches get their reading', () => {
  it('is the schema the store opens', () => {
    expect(SCHEMA_VERSION).toBe(2);
  });

  it('upgrades a v1 database in place: every valid touch survives, each inbound one read; the invalid ones go to quarantine', async () => {
    const { name, v1 } = await v1Database();
    const store = await Store.open({ name, timeZone: 'America/New_York', now: () => NOW });
    store.close();
    const after = await rawContents(name);
    expect(after.version).toBe(2);

    const bad = v1.touches.filter((t) => !StoredTouchSchema.safeParse(t).success);
    expect(bad.map((t) => t.id)).toEqual([15, 16]);
    // Nothing lost: every touch is either carried forward or quarantined, whole.
    expect(after.touches.length + after.quarantine.length).toBe(v1.touches.length);
    expect(after.quarantine).toEqual(bad.map((record) => ({ id: expect.any(Number), store: 'touches', record, reason: expect.stringMatching(/^schema 2 upgrade: /), at: NOW.toISOString() })));
    expect(after.quarantine.map((q) => q.reason)).toEqual([expect.stringContaining('at: is not a date'), expect.stringContaining('channel')]);

    for (const before of v1.touches.filter((t) => !bad.includes(t))) {
      const now = after.touches.find((t) => t.id === before.id)!;
      if (before.direction === 'in' && before.text) {
        // The record as it was, plus its reading, made in the rep's zone by the current reader.
        const { reading, ...rest } = now;
        expect(rest).toEqual(before);
        expect(reading).toEqual(readingOf(StoredTouchSchema.parse(before), 'America/New_York'));
        expect(reading).toMatchObject({ reader: READER_VERSION, timeZone: 'America/New_York' });
      } else {
        expect(now).toEqual(before);
      }
    }
    // What the readings hold, for the fixture's messages.
    const readingOfId = (id: number) => after.touches.find((t) => t.id === id)!.reading;
    expect(readingOfId(2)?.clock).toEqual({ kind: 'their-clock', quote: "I'll get back to you after our board meeting on the 10th.", date: '2026-11-10T05:00:00.000Z' });
    expect(readingOfId(4)?.clock).toMatchObject({ kind: 'out-of-office', date: expect.stringMatching(/^2026-11-30T/) });
    expect(readingOfId(12)).toEqual({ reader: READER_VERSION, timeZone: 'America/New_York', stop: 'Please remove me' });
    expect(readingOfId(9)?.clock).toEqual({ kind: 'their-clock', quote: "Don't call me, I'll call you." });
    expect(readingOfId(6)).toEqual({ reader: READER_VERSION, timeZone: 'America/New_York' }); // read: nothing there
    expect(readingOfId(7)).toBeUndefined(); // a voicemail of theirs: no words, nothing to read

    // Deals and commitments are the same records (schema 2 changes only touches).
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
    expect(after.deals).toEqual([...v1.deals].sort(byId));
    expect(after.commitments).toEqual(v1.commitments);
  });

  it('keeps the corrupted deal too: it goes to quarantine on first read, as before', async () => {
    const { name } = await v1Database();
    const store = await Store.open({ name, timeZone: 'UTC', now: () => NOW });
    expect((await store.deals()).map((d) => d.id).sort()).toEqual(['domain:northwind-freight.example', 'domain:quist-bakeries.example', 'email:tomasz.w.consulting@gmail.com', 'hubspot:18340211002']);
    expect((await store.quarantined()).map((q) => [q.store, (q.record as { id: unknown }).id])).toEqual([
      ['touches', 15],
      ['touches', 16],
      ['deals', 'broken'],
    ]);
    store.close();
  });

  it('advises on the upgraded records exactly as on the text they were read from', async () => {
    const { name, v1 } = await v1Database();
    const store = await Store.open({ name, timeZone: 'UTC', now: () => NOW });
    for (const deal of await store.deals()) {
      const found = (await store.recipient(deal.contacts[0]!))!;
      expect(found.deal.id).toBe(deal.id);
      const input = { deal, commitments: found.commitments, doNotContact: deal.doNotContact, timeZone: 'UTC' };
      const fromText = advise({ ...input, touches: found.touches.map(({ reading: _r, ...t }) => t) }, NOW.toISOString());
      expect(found.touches.some((t) => t.direction === 'in' && t.text && !t.reading)).toBe(false);
      expect(advise({ ...input, touches: found.touches }, NOW.toISOString())).toEqual(fromText);
    }
    expect((await store.recipient('dana.whitfield@northwind-freight.example'))!.touches).toHaveLength(v1.touches.filter((t) => t.dealId === 'domain:northwind-freight.example').length - 1); // less touch 15
    store.close();
  });

  it('upgrades many touches in batches, none skipped at the batch edges', async () => {
    const name = `touchwise-migration-${++n}`;
    (await Store.open({ name, version: 1 })).close();
    const raw = await openDB(name, 1);
    const tx = raw.transaction('touches', 'readwrite');
    const count = 4_321;
    for (let i = 1; i <= count; i++) void tx.store.put({ id: i, dealId: 'd1', at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), channel: 'email', direction: i % 2 ? 'in' : 'out', ...(i % 2 ? { text: i % 3 ? 'ok' : "Don't call me, I'll call you." } : {}) });
    await tx.done;
    raw.close();
    (await Store.open({ name, timeZone: 'UTC' })).close();
    const after = await rawContents(name);
    expect(after.touches).toHaveLength(count);
    expect(after.touches.filter((t) => t.reading).length).toBe(Math.ceil(count / 2)); // every inbound one has words here
    expect(after.touches.filter((t) => t.reading?.clock).length).toBe(after.touches.filter((t) => t.text?.startsWith("Don't")).length);
  });

  it('leaves the database exactly as it was when a step fails', async () => {
    const { name } = await v1Database();
    const before = await rawContents(name);
    // A v3 step that fails half-way, after v2's has run in the same upgrade.
    MIGRATIONS.push(async (_db, tx) => {
      await tx.objectStore('touches').clear();
      throw new Error('disk on fire');
    });
    try {
      await expect(Store.open({ name, version: 3 })).rejects.toThrow(StoreError);
      await expect(Store.open({ name, version: 3 })).rejects.toThrow(/upgrading it failed.*disk on fire/);
    } finally {
      MIGRATIONS.pop();
    }
    expect(await rawContents(name)).toEqual(before);
    expect(before.version).toBe(1);
  });
});

describe('backups across the schema change', () => {
  it('restores a backup a schema-1 store wrote, reading its inbound touches, and exports it again unchanged', async () => {
    const backup = fixture<Backup>('v1-backup.json');
    expect(backup.version).toBe(1);
    const store = await Store.open({ name: `touchwise-migration-${++n}`, timeZone: 'UTC', now: () => NOW });
    expect(await store.restoreBackup(backup)).toEqual({ deals: 4, touches: 14, commitments: 3 });
    const touches = (await Promise.all(backup.deals.map((d) => store.touchesOf(d.id)))).flat();
    for (const t of touches) expect(t.reading).toEqual(t.direction === 'in' ? readingOf(t, 'UTC') : undefined);
    const again = await store.exportBackup();
    expect({ ...again, exportedAt: backup.exportedAt }).toEqual(backup);
    store.close();
  });

  it('ignores a reading in a backup file: the store reads the text itself', async () => {
    const backup = fixture<Backup>('v1-backup.json');
    const forged = { ...backup, touches: backup.touches.map((t) => (t.direction === 'in' ? { ...t, reading: { reader: READER_VERSION, timeZone: 'UTC', stop: 'forged' } } : t)) };
    const store = await Store.open({ name: `touchwise-migration-${++n}`, timeZone: 'UTC', now: () => NOW });
    await store.restoreBackup(forged);
    const all = (await Promise.all(backup.deals.map((d) => store.touchesOf(d.id)))).flat();
    expect(all.filter((t) => t.reading?.stop === 'forged')).toEqual([]);
    store.close();
  });
});

describe('readings on new touches', () => {
  it('are made by the store when it records an inbound touch, never taken from the caller', async () => {
    const store = await Store.open({ name: `touchwise-migration-${++n}`, timeZone: 'Europe/Paris', now: () => NOW });
    const deal: StoredDeal = await store.saveDeal({ id: 'd1', name: 'Northwind pilot', contacts: ['dana@northwind-freight.com'] });
    const forged = { reader: READER_VERSION, timeZone: 'Europe/Paris', stop: 'forged' };
    const t = await store.recordTouch(deal.id, { at: '2026-11-20T15:00:00Z', channel: 'email', direction: 'in', text: "Don't call me, I'll call you.", reading: forged } as never);
    expect(t.reading).toEqual({ reader: READER_VERSION, timeZone: 'Europe/Paris', clock: { kind: 'their-clock', quote: "Don't call me, I'll call you." } });
    const out = await store.recordTouch(deal.id, { at: '2026-11-21T15:00:00Z', channel: 'email', direction: 'out', text: 'Please remove me', reading: forged } as never);
    expect(out.reading).toBeUndefined();
    expect((await store.touchesOf(deal.id)).map((x) => x.reading)).toEqual([t.reading, undefined]);
    store.close();
  });
});
