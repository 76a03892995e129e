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
 *   n to n + 1, so an old database upgrades step by step, in place, inside the upgrade
 *   transaction: a migration that fails leaves the database as it was.
 * - An inbound touch carries a reading of its text (a stop request, a handed-over
 *   clock), made once when it is stored, so advising on every draft parses nothing.
 * - Writes that belong together run in one transaction: a backup restore or a CRM
 *   import lands whole or not at all.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import { readingOf } from '../advice/prospect.ts';
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

/** What a migration may need besides the database: the rep's time zone, and the clock. */
export interface UpgradeContext {
  timeZone: string;
  now: () => Date;
}

/**
 * One step of the schema. It may run requests on the upgrade transaction and await them
 * (only them: awaiting anything else would let the transaction commit half-way).
 */
type Upgrade = (db: IDBPDatabase<TouchwiseDB>, tx: IDBPTransaction<TouchwiseDB, StoreNames<TouchwiseDB>[], 'versionchange'>, ctx: UpgradeContext) => void | Promise<void>;

/** Why a record failed its schema, as the quarantine keeps it. */
const issues = (error: { issues: Array<{ path: PropertyKey[]; message: string }> }, store: string) => error.issues.map((i) => `${i.path.join('.') || store}: ${i.message}`).join('; ');

/** Touches the v2 migration reads per request: enough to keep requests few, few enough to keep memory flat. */
const MIGRATION_BATCH = 2_000;

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
  // 2: every inbound touch gets its reading (readingOf), so the advisor reads no text on
  // the way to a verdict. Each touch is checked on the way: one that fails its schema is
  // moved to the quarantine with the reason, not carried forward half-read.
  async (_db, tx, { timeZone, now }) => {
    const touches = tx.objectStore('touches');
    const quarantine = tx.objectStore('quarantine');
    let after: IDBKeyRange | undefined;
    for (;;) {
      const batch: unknown[] = await touches.getAll(after, MIGRATION_BATCH);
      if (!batch.length) return;
      const writes: Array<Promise<unknown>> = [];
      for (const record of batch) {
        const parsed = StoredTouchSchema.safeParse(record);
        if (!parsed.success) {
          writes.push(quarantine.add({ store: 'touches', record, reason: `schema 2 upgrade: ${issues(parsed.error, 'touches')}`, at: now().toISOString() }));
          writes.push(touches.delete((record as { id: number }).id));
          continue;
        }
        const reading = readingOf(parsed.data, timeZone);
        if (reading) writes.push(touches.put({ ...(record as StoredTouch), reading }));
      }
      await Promise.all(writes);
      after = IDBKeyRange.lowerBound((batch[batch.length - 1] as { id: number }).id, true);
    }
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
  /**
   * The rep's time zone, in which inbound touches are read ("back on the 10th"); the
   * runtime's own zone by default, as the background advises in. The advisor reads the
   * text again when it advises in another zone.
   */
  timeZone?: string;
  /** Stop after upgrading to this version (tests of a migration open an old schema with it). */
  version?: number;
}

/** A recipient's deal with everything the advisor needs, read in one transaction. */
export interface DealRecords {
  deal: StoredDeal;
  /** Oldest first. */
  touches: StoredTouch[];
  commitments: StoredCommitment[];
}

type Parse<T> = (r: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };

interface Rejected {
  store: 'deals' | 'touches' | 'commitments';
  record: unknown;
  reason: string;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class Store {
  private constructor(
    private readonly db: IDBPDatabase<TouchwiseDB>,
    private readonly now: () => Date,
    /** The zone inbound touches are read in. */
    readonly timeZone: string,
  ) {}

  static async open(options: OpenOptions = {}): Promise<Store> {
    if (!globalThis.indexedDB) throw new StoreError('This browser offers no IndexedDB; Touchwise cannot keep deals here.');
    const now = options.now ?? (() => new Date());
    const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
    const target = options.version ?? SCHEMA_VERSION;
    let failed: unknown;
    try {
      const db = await openDB<TouchwiseDB>(options.name ?? 'touchwise', target, {
        upgrade(db, oldVersion, newVersion, tx) {
          // Step by step, in the one upgrade transaction; a step that fails aborts it all.
          const steps = async () => {
            for (let v = oldVersion; v < (newVersion ?? target); v++) await MIGRATIONS[v]!(db, tx, { timeZone, now });
          };
          steps().catch((e) => {
            failed = e;
            tx.abort();
          });
          // An abort is reported through openDB's own rejection, below.
          tx.done.catch(() => undefined);
        },
      });
      return new Store(db, now, timeZone);
    } catch (e) {
      const cause = failed ?? e;
      throw new StoreError(`Touchwise could not open its store${failed ? ' (upgrading it failed; it is as it was)' : ''}: ${describe(cause)}`, { cause });
    }
  }

  close(): void {
    this.db.close();
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Validates records read from the store: the good ones, parsed; the bad ones join `rejected`. */
  private valid<T>(store: Rejected['store'], records: unknown[], parse: Parse<T>, rejected: Rejected[]): T[] {
    const good: T[] = [];
    for (const r of records) {
      const p = parse(r);
      if (p.success) good.push(p.data);
      else rejected.push({ store, record: r, reason: issues(p.error, store) });
    }
    return good;
  }

  /** Moves records that failed validation to the quarantine, in one transaction. */
  private async quarantine(rejected: Rejected[]): Promise<void> {
    if (!rejected.length) return;
    const stores = [...new Set(rejected.map((q) => q.store))];
    const tx = this.db.transaction([...stores, 'quarantine'], 'readwrite');
    for (const q of rejected) {
      await tx.objectStore('quarantine').add({ ...q, at: this.stamp() });
      const key = (q.record as { id?: IDBValidKey })?.id;
      if (key !== undefined) await tx.objectStore(q.store).delete(key as never);
    }
    await tx.done;
  }

  /** Validates records read from the store; a bad one goes to quarantine and is left out. */
  private async checked<T>(store: Rejected['store'], records: unknown[], parse: Parse<T>): Promise<T[]> {
    const rejected: Rejected[] = [];
    const good = this.valid(store, records, parse, rejected);
    await this.quarantine(rejected);
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
    const tx = this.db.transaction('deals', 'readonly');
    const rejected: Rejected[] = [];
    const deal = await this.recipientDeal(tx.objectStore('deals'), address, rejected);
    await tx.done;
    await this.quarantine(rejected);
    return deal;
  }

  /** The look-up behind dealForRecipient and recipient(), on a transaction the caller holds. */
  private async recipientDeal(deals: IDBPObjectStore<TouchwiseDB, Array<StoreNames<TouchwiseDB>>, 'deals', 'readonly'>, address: string, rejected: Rejected[]): Promise<StoredDeal | undefined> {
    const email = address.trim().toLowerCase();
    const byContact = await deals.index('by-contact').getAll(email);
    const domain = domainOf(email);
    const candidates = byContact.length || !domain || isFreeMailDomain(domain) ? byContact : await deals.index('by-domain').getAll(domain);
    const valid = this.valid('deals', candidates, (r) => StoredDealSchema.safeParse(r), rejected);
    // Several deals at one company: the most recently active one.
    return valid.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  }

  /**
   * A recipient's deal (as dealForRecipient finds it) with its touches and commitments:
   * everything the advisor needs for the banner, in one read transaction instead of three.
   */
  async recipient(address: string): Promise<DealRecords | undefined> {
    const tx = this.db.transaction(['deals', 'touches', 'commitments'], 'readonly');
    const rejected: Rejected[] = [];
    const deal = await this.recipientDeal(tx.objectStore('deals'), address, rejected);
    let found: DealRecords | undefined;
    if (deal) {
      const [touches, commitments] = await Promise.all([
        tx.objectStore('touches').index('by-deal-time').getAll(touchRange(deal.id)),
        tx.objectStore('commitments').index('by-deal').getAll(deal.id),
      ]);
      found = {
        deal,
        touches: this.valid('touches', touches, (r) => StoredTouchSchema.safeParse(r), rejected),
        commitments: this.valid('commitments', commitments, (r) => StoredCommitmentSchema.safeParse(r), rejected),
      };
    }
    await tx.done;
    await this.quarantine(rejected);
    return found;
  }

  async setDoNotContact(dealId: string, doNotContact: boolean): Promise<void> {
    const deal = await this.deal(dealId);
    if (!deal) throw new StoreError(`There is no deal “${dealId}”.`);
    await this.write(() => this.db.put('deals', { ...deal, doNotContact, updatedAt: this.stamp() }));
  }

  // Touches and commitments

  /** Records a touch; an inbound one is read now (its `reading`), once, whatever the caller sent. */
  async recordTouch(dealId: string, touch: Touch & { contact?: string }): Promise<StoredTouch> {
    const record = StoredTouchSchema.safeParse({ ...touch, dealId, ...(touch.contact ? { contact: touch.contact.toLowerCase() } : {}) });
    if (!record.success) throw new StoreError(`That touch can't be recorded: ${record.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const { id: _drop, ...data } = this.withReading(record.data);
    const id = await this.write(() => this.db.add('touches', data as StoredTouch));
    return { ...data, id };
  }

  /** A touch with the reading the store keeps on it: made here, never taken from outside. */
  private withReading<T extends StoredTouch>(touch: T): T {
    const { reading: _theirs, ...rest } = touch;
    const reading = readingOf(rest, this.timeZone);
    return (reading ? { ...rest, reading } : rest) as T;
  }

  /** A deal's touches, oldest first, straight from the index. */
  async touchesOf(dealId: string): Promise<StoredTouch[]> {
    const raw = await this.db.getAllFromIndex('touches', 'by-deal-time', touchRange(dealId));
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

  /** Everything, as the versioned backup file (without readings: they are made from the text). */
  async exportBackup(): Promise<Backup> {
    const tx = this.db.transaction(['deals', 'touches', 'commitments'], 'readonly');
    const [deals, touches, commitments] = await Promise.all([tx.objectStore('deals').getAll(), tx.objectStore('touches').getAll(), tx.objectStore('commitments').getAll(), tx.done]);
    return { format: 'touchwise-backup', version: BACKUP_VERSION, exportedAt: this.stamp(), deals, touches: touches.map(({ reading: _derived, ...t }) => t), commitments };
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
    // Read before the transaction opens, so it stays short.
    const touches = b.touches.map((t) => this.withReading(t));
    await this.write(async () => {
      const tx = this.db.transaction(['deals', 'touches', 'commitments'], 'readwrite');
      const ops: Array<Promise<unknown>> = [tx.objectStore('deals').clear(), tx.objectStore('touches').clear(), tx.objectStore('commitments').clear()];
      for (const d of b.deals) ops.push(tx.objectStore('deals').put(d));
      for (const t of touches) ops.push(tx.objectStore('touches').put(t));
      for (const c of b.commitments) ops.push(tx.objectStore('commitments').put(c));
      await Promise.all([...ops, tx.done]);
    });
    return { deals: b.deals.length, touches: b.touches.length, commitments: b.commitments.length };
  }

  /**
   * Puts already-validated deals and touches in one transaction, unchecked (each touch
   * read as recordTouch reads it): only for loading benchmark data fast (the restore path
   * validates everything first).
   */
  async appendForBench(deals: StoredDeal[], touches: StoredTouch[]): Promise<void> {
    const tx = this.db.transaction(['deals', 'touches'], 'readwrite');
    await Promise.all([...deals.map((d) => tx.objectStore('deals').put(d)), ...touches.map((t) => tx.objectStore('touches').put(this.withReading(t))), tx.done]);
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

/** All of a deal's touches in the by-deal-time index. */
const touchRange = (dealId: string) => IDBKeyRange.bound([dealId, ''], [dealId, '\uffff']);

function normaliseContacts(contacts: string[]): string[] {
  return [...new Set(contacts.map((c) => c.trim().toLowerCase()).filter(Boolean))];
}

/** The company domains a deal is known by: its own list plus its contacts', never free-mail. */
function dealDomains(deal: Deal): string[] {
  const all = [...(deal.domains ?? []), ...deal.contacts.map((c) => domainOf(c.toLowerCase()) ?? '')].map((d) => d.trim().toLowerCase());
  return [...new Set(all.filter((d) => d && !isFreeMailDomain(d)))];
}
