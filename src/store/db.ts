/**
 * The store: deals, touches and commitments in IndexedDB (through `idb`). Only the
 * background worker opens it; everything else asks the background.
 *
 * - Indexes find a recipient's deal by contact email or company domain, and a deal's
 *   touches in time order, without scanning.
 * - Every record is a zod schema from src/shared/records.ts, validated on the way in
 *   and on the way out. One that fails on the way out is moved to `quarantine`, kept
 *   and reported, never silently dropped.
 * - The schema has numbered migrations; `MIGRATIONS[n]` takes a database from version
 *   n to n + 1, so an old database upgrades step by step.
 * - Writes that belong together run in one transaction: a backup restore or a CRM
 *   import lands whole or not at all.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { domainOf, isFreeMailDomain } from '../rules/company.ts';
import {
  BACKUP_VERSION,
  BackupSchema,
  DealSchema,
  StoredCommitmentSchema,
  StoredDealSchema,
  StoredTouchSchema,
  type Backup,
  type Commitment,
  type Deal,
  type StoredCommitment,
  type StoredDeal,
  type StoredTouch,
  type Touch,
} from '../shared/records.ts';

interface QuarantinedRecord {
  id?: number;
  store: string;
  record: unknown;
  reason: string;
  at: string;
}

interface TouchwiseDB extends DBSchema {
  deals: { key: string; value: StoredDeal; indexes: { 'by-contact': string; 'by-domain': string } };
  touches: { key: number; value: StoredTouch; indexes: { 'by-deal-time': [string, string]; 'by-time': string } };
  commitments: { key: number; value: StoredCommitment; indexes: { 'by-deal': string } };
  quarantine: { key: number; value: QuarantinedRecord };
}

type Upgrade = (db: IDBPDatabase<TouchwiseDB>, tx: IDBPTransaction<TouchwiseDB, StoreNames<TouchwiseDB>[], 'versionchange'>) => void;

/** Version n + 1 of the schema is what MIGRATIONS[n] makes of version n. Never edit one that has shipped; add the next. */
export const MIGRATIONS: Upgrade[] = [
  // 1: the first schema.
  (db) => {
    const deals = db.createObjectStore('deals', { keyPath: 'id' });
    deals.createIndex('by-contact', 'contacts', { multiEntry: true });
    deals.createIndex('by-domain', 'domains', { multiEntry: true });
    const touches = db.createObjectStore('touches', { keyPath: 'id', autoIncrement: true });
    touches.createIndex('by-deal-time', ['dealId', 'at']);
    touches.createIndex('by-time', 'at');
    const commitments = db.createObjectStore('commitments', { keyPath: 'id', autoIncrement: true });
    commitments.createIndex('by-deal', 'dealId');
    db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
  },
];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** A failed read or write, in words the popup can show the user. */
export class StoreError extends Error {}

export interface OpenOptions {
  /** The database's name (tests give each their own). */
  name?: string;
  /** The clock, for `updatedAt` and quarantine times. */
  now?: () => Date;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class Store {
  private constructor(
    private readonly db: IDBPDatabase<TouchwiseDB>,
    private readonly now: () => Date,
  ) {}

  static async open(options: OpenOptions = {}): Promise<Store> {
    if (!globalThis.indexedDB) throw new StoreError('This browser offers no IndexedDB; Touchwise cannot keep deals here.');
    try {
      const db = await openDB<TouchwiseDB>(options.name ?? 'touchwise', SCHEMA_VERSION, {
        upgrade(db, oldVersion, newVersion, tx) {
          for (let v = oldVersion; v < (newVersion ?? SCHEMA_VERSION); v++) MIGRATIONS[v]!(db, tx);
        },
      });
      return new Store(db, options.now ?? (() => new Date()));
    } catch (e) {
      throw new StoreError(`Touchwise could not open its store: ${describe(e)}`, { cause: e });
    }
  }

  close(): void {
    this.db.close();
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Validates a record read from the store; a bad one goes to quarantine and is left out. */
  private async checked<T>(store: string, records: unknown[], parse: (r: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } }): Promise<T[]> {
    const good: T[] = [];
    const bad: QuarantinedRecord[] = [];
    for (const r of records) {
      const p = parse(r);
      if (p.success) good.push(p.data);
      else bad.push({ store, record: r, reason: p.error.issues.map((i) => `${i.path.join('.') || store}: ${i.message}`).join('; '), at: this.stamp() });
    }
    if (bad.length) {
      const tx = this.db.transaction([store as StoreNames<TouchwiseDB>, 'quarantine'], 'readwrite');
      for (const q of bad) {
        await tx.objectStore('quarantine').add(q);
        const key = (q.record as { id?: IDBValidKey })?.id;
        if (key !== undefined) await tx.objectStore(store as StoreNames<TouchwiseDB>).delete(key as never);
      }
      await tx.done;
    }
    return good;
  }

  /** Records set aside because they failed validation, with the reason. */
  async quarantined(): Promise<QuarantinedRecord[]> {
    return this.db.getAll('quarantine');
  }

  // Deals

  async saveDeal(deal: Deal & { doNotContact?: boolean }): Promise<StoredDeal> {
    const record = StoredDealSchema.safeParse({ ...deal, contacts: normaliseContacts(deal.contacts), domains: dealDomains(deal), updatedAt: this.stamp() });
    if (!record.success) throw new StoreError(`That deal can't be saved: ${record.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    await this.write(() => this.db.put('deals', record.data));
    return record.data;
  }

  async deal(id: string): Promise<StoredDeal | undefined> {
    const raw = await this.db.get('deals', id);
    return raw === undefined ? undefined : (await this.checked('deals', [raw], (r) => StoredDealSchema.safeParse(r)))[0];
  }

  async deals(): Promise<StoredDeal[]> {
    return this.checked('deals', await this.db.getAll('deals'), (r) => StoredDealSchema.safeParse(r));
  }

  /**
   * The deal a recipient belongs to: by their address first, then by their company's
   * domain, never by a free-mail domain (each gmail.com address is its own deal).
   */
  async dealForRecipient(address: string): Promise<StoredDeal | undefined> {
    const email = address.trim().toLowerCase();
    const byContact = await this.db.getAllFromIndex('deals', 'by-contact', email);
    const domain = domainOf(email);
    const candidates = byContact.length || !domain || isFreeMailDomain(domain) ? byContact : await this.db.getAllFromIndex('deals', 'by-domain', domain);
    const valid = await this.checked('deals', candidates, (r) => StoredDealSchema.safeParse(r));
    // Several deals at one company: the most recently active one.
    return valid.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  }

  async setDoNotContact(dealId: string, doNotContact: boolean): Promise<void> {
    const deal = await this.deal(dealId);
    if (!deal) throw new StoreError(`There is no deal “${dealId}”.`);
    await this.write(() => this.db.put('deals', { ...deal, doNotContact, updatedAt: this.stamp() }));
  }

  // Touches and commitments

  async recordTouch(dealId: string, touch: Touch & { contact?: string }): Promise<StoredTouch> {
    const record = StoredTouchSchema.safeParse({ ...touch, dealId, ...(touch.contact ? { contact: touch.contact.toLowerCase() } : {}) });
    if (!record.success) throw new StoreError(`That touch can't be recorded: ${record.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const { id: _drop, ...data } = record.data;
    const id = await this.write(() => this.db.add('touches', data as StoredTouch));
    return { ...data, id };
  }

  /** A deal's touches, oldest first, straight from the index. */
  async touchesOf(dealId: string): Promise<StoredTouch[]> {
    const raw = await this.db.getAllFromIndex('touches', 'by-deal-time', IDBKeyRange.bound([dealId, ''], [dealId, '\uffff']));
    return this.checked('touches', raw, (r) => StoredTouchSchema.safeParse(r));
  }

  async addCommitment(dealId: string, commitment: Commitment): Promise<StoredCommitment> {
    const record = StoredCommitmentSchema.safeParse({ ...commitment, dealId });
    if (!record.success) throw new StoreError(`That commitment can't be saved: ${record.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const { id: _drop, ...data } = record.data;
    const id = await this.write(() => this.db.add('commitments', data as StoredCommitment));
    return { ...data, id };
  }

  async commitmentsOf(dealId: string): Promise<StoredCommitment[]> {
    return this.checked('commitments', await this.db.getAllFromIndex('commitments', 'by-deal', dealId), (r) => StoredCommitmentSchema.safeParse(r));
  }

  // Imports and backups: one transaction each, all or nothing

  /** Saves many deals at once (a CRM import): all of them, or, on any failure, none. */
  async importDeals(deals: Deal[]): Promise<number> {
    const records = deals.map((d, i) => {
      const parsed = DealSchema.safeParse(d);
      if (!parsed.success) throw new StoreError(`Deal ${i + 1} can't be imported: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      return StoredDealSchema.parse({ ...parsed.data, contacts: normaliseContacts(parsed.data.contacts), domains: dealDomains(parsed.data), updatedAt: this.stamp() });
    });
    await this.write(async () => {
      const tx = this.db.transaction('deals', 'readwrite');
      await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
    });
    return records.length;
  }

  /** Everything, as the versioned backup file. */
  async exportBackup(): Promise<Backup> {
    const tx = this.db.transaction(['deals', 'touches', 'commitments'], 'readonly');
    const [deals, touches, commitments] = await Promise.all([tx.objectStore('deals').getAll(), tx.objectStore('touches').getAll(), tx.objectStore('commitments').getAll(), tx.done]);
    return { format: 'touchwise-backup', version: BACKUP_VERSION, exportedAt: this.stamp(), deals, touches, commitments };
  }

  /**
   * Replaces everything with a backup's contents, in one transaction: a backup that
   * fails validation, or a write that fails, leaves the store exactly as it was.
   */
  async restoreBackup(file: unknown): Promise<{ deals: number; touches: number; commitments: number }> {
    const parsed = BackupSchema.safeParse(file);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new StoreError(`That is not a Touchwise backup Touchwise can read (${i.path.join('.') || 'file'}: ${i.message}). Nothing was changed.`);
    }
    const b = parsed.data;
    await this.write(async () => {
      const tx = this.db.transaction(['deals', 'touches', 'commitments'], 'readwrite');
      const ops: Array<Promise<unknown>> = [tx.objectStore('deals').clear(), tx.objectStore('touches').clear(), tx.objectStore('commitments').clear()];
      for (const d of b.deals) ops.push(tx.objectStore('deals').put(d));
      for (const t of b.touches) ops.push(tx.objectStore('touches').put(t));
      for (const c of b.commitments) ops.push(tx.objectStore('commitments').put(c));
      await Promise.all([...ops, tx.done]);
    });
    return { deals: b.deals.length, touches: b.touches.length, commitments: b.commitments.length };
  }

  /**
   * Puts already-validated deals and touches in one transaction, unchecked: only for
   * loading benchmark data fast (the restore path validates everything first).
   */
  async appendForBench(deals: StoredDeal[], touches: StoredTouch[]): Promise<void> {
    const tx = this.db.transaction(['deals', 'touches'], 'readwrite');
    await Promise.all([...deals.map((d) => tx.objectStore('deals').put(d)), ...touches.map((t) => tx.objectStore('touches').put(t)), tx.done]);
  }

  /** Runs a write; a failure (quota, a closed database) becomes a StoreError the user can read. */
  private async write<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      if (e instanceof StoreError) throw e;
      const quota = e instanceof DOMException && e.name === 'QuotaExceededError';
      throw new StoreError(quota ? 'The browser is out of storage for Touchwise: export a backup, then remove old deals.' : `Touchwise could not save that: ${describe(e)}`, { cause: e });
    }
  }
}

function normaliseContacts(contacts: string[]): string[] {
  return [...new Set(contacts.map((c) => c.trim().toLowerCase()).filter(Boolean))];
}

/** The company domains a deal is known by: its own list plus its contacts', never free-mail. */
function dealDomains(deal: Deal): string[] {
  const all = [...(deal.domains ?? []), ...deal.contacts.map((c) => domainOf(c.toLowerCase()) ?? '')].map((d) => d.trim().toLowerCase());
  return [...new Set(all.filter((d) => d && !isFreeMailDomain(d)))];
}
