import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Scenario } from '../scenario/index.ts';
import {
  type LibraryRecord,
  newId,
  RECORD_SCHEMA,
  type ReadRecord,
  readRecord,
  withSuffix,
} from './record.ts';

/**
 * The local library: named scenarios in IndexedDB, one record each, plus which one was open
 * last. Every write that changes a record raises its revision inside one transaction, and a
 * save names the revision it builds on: a tab never writes over a save it has not seen. Other
 * tabs hear of every change on a BroadcastChannel.
 */
export const DB_NAME = 'scalelab';
const DB_VERSION = 1;

interface LibrarySchema extends DBSchema {
  scenarios: { key: string; value: LibraryRecord };
  meta: { key: string; value: string };
}

/** What one tab tells the others. */
export type LibraryMessage =
  | { kind: 'saved'; id: string; revision: number; from: string }
  | { kind: 'listChanged'; from: string };

export interface LibraryEntry {
  id: string;
  name: string;
  updatedAt: number;
  revision: number;
  deletedAt: number | null;
  /** Why the record cannot be opened, if it cannot. */
  error: string | null;
}

export type SaveResult =
  | { ok: true; record: LibraryRecord }
  /** Another tab saved a newer revision since this one loaded or saved it. */
  | { ok: false; reason: 'conflict'; revision: number }
  /** The record was deleted (here or in another tab). */
  | { ok: false; reason: 'gone' };

export interface LibraryOptions {
  dbName?: string;
  now?: () => number;
}

export class Library {
  readonly tabId = newId();
  private readonly listeners = new Set<(message: LibraryMessage) => void>();
  private readonly channel: BroadcastChannel | null;
  private readonly now: () => number;

  private constructor(
    private readonly db: IDBPDatabase<LibrarySchema>,
    dbName: string,
    options: LibraryOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${dbName}:library`) : null;
    if (this.channel)
      this.channel.onmessage = (e: MessageEvent<LibraryMessage>) => {
        if (e.data?.from !== this.tabId) for (const l of this.listeners) l(e.data);
      };
  }

  /** Opens (or creates) the database; rejects where IndexedDB is unavailable or blocked. */
  static async open(options: LibraryOptions = {}): Promise<Library> {
    const dbName = options.dbName ?? DB_NAME;
    const db = await openDB<LibrarySchema>(dbName, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore('scenarios', { keyPath: 'id' });
        db.createObjectStore('meta');
      },
      // A newer ScaleLab in another tab wants to upgrade the database: step aside.
      blocking() {
        db.close();
      },
    });
    return new Library(db, dbName, options);
  }

  /** Messages from other tabs (never this tab's own). */
  onMessage(listener: (message: LibraryMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
    this.listeners.clear();
    this.db.close();
  }

  /** Every record, newest first; damaged ones included, with the reason. */
  async list(): Promise<LibraryEntry[]> {
    const raws: unknown[] = await this.db.getAll('scenarios');
    return raws
      .map((raw): LibraryEntry => {
        const r = readRecord(raw);
        if (r.ok) {
          const { id, name, updatedAt, revision, deletedAt } = r.record;
          return { id, name, updatedAt, revision, deletedAt, error: null };
        }
        const loose = raw as Partial<LibraryRecord>;
        return {
          id: r.id ?? '',
          name: r.name ?? 'Unnamed scenario',
          updatedAt: typeof loose.updatedAt === 'number' ? loose.updatedAt : 0,
          revision: 0,
          deletedAt: typeof loose.deletedAt === 'number' ? loose.deletedAt : null,
          error: r.error,
        };
      })
      .filter((e) => e.id !== '')
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** A record, validated and restored; null if there is none with this id. */
  async get(id: string): Promise<ReadRecord | null> {
    const raw: unknown = await this.db.get('scenarios', id);
    return raw === undefined ? null : readRecord(raw);
  }

  async create(scenario: Scenario): Promise<LibraryRecord> {
    const at = this.now();
    const record: LibraryRecord = {
      schema: RECORD_SCHEMA,
      id: newId(),
      name: scenario.title,
      doc: scenario,
      createdAt: at,
      updatedAt: at,
      revision: 1,
      deletedAt: null,
    };
    await this.db.put('scenarios', record);
    this.post({ kind: 'listChanged', from: this.tabId });
    return record;
  }

  /**
   * Saves over revision `base` of record `id`, in one transaction: if another tab has saved
   * since, nothing is written and the caller is told.
   */
  async save(id: string, scenario: Scenario, base: number): Promise<SaveResult> {
    const tx = this.db.transaction('scenarios', 'readwrite');
    const current = (await tx.store.get(id)) as Partial<LibraryRecord> | undefined;
    if (!current || current.deletedAt != null) {
      await tx.done;
      return { ok: false, reason: 'gone' };
    }
    const revision = typeof current.revision === 'number' ? current.revision : 0;
    if (revision !== base) {
      await tx.done;
      return { ok: false, reason: 'conflict', revision };
    }
    const record: LibraryRecord = {
      schema: RECORD_SCHEMA,
      id,
      name: scenario.title,
      doc: scenario,
      createdAt: typeof current.createdAt === 'number' ? current.createdAt : this.now(),
      updatedAt: this.now(),
      revision: revision + 1,
      deletedAt: null,
    };
    await tx.store.put(record);
    await tx.done;
    this.post({ kind: 'saved', id, revision: record.revision, from: this.tabId });
    return { ok: true, record };
  }

  /** Renames a record that is not open here (the open one is renamed by editing its title). */
  async rename(id: string, name: string): Promise<SaveResult> {
    const r = await this.get(id);
    if (!r) return { ok: false, reason: 'gone' };
    if (!r.ok) throw new Error(r.error);
    return this.save(id, { ...r.scenario, title: name }, r.record.revision);
  }

  /** A copy beside the original, named "… (copy)". */
  async duplicate(id: string): Promise<LibraryRecord | null> {
    const r = await this.get(id);
    if (!r?.ok) return null;
    return this.create({ ...r.scenario, title: withSuffix(r.record.name, ' (copy)') });
  }

  /** Moves a record to "Recently deleted"; `undelete` brings it back. */
  async remove(id: string): Promise<void> {
    await this.setDeleted(id, this.now());
  }

  async undelete(id: string): Promise<void> {
    await this.setDeleted(id, null);
  }

  /** Forgets records deleted more than `ageMs` ago. */
  async purgeDeleted(ageMs: number): Promise<void> {
    const cutoff = this.now() - ageMs;
    const tx = this.db.transaction('scenarios', 'readwrite');
    for (const raw of (await tx.store.getAll()) as Partial<LibraryRecord>[]) {
      if (typeof raw.deletedAt === 'number' && raw.deletedAt < cutoff && typeof raw.id === 'string')
        await tx.store.delete(raw.id);
    }
    await tx.done;
  }

  async lastOpen(): Promise<string | null> {
    return (await this.db.get('meta', 'lastOpen')) ?? null;
  }

  async setLastOpen(id: string | null): Promise<void> {
    if (id === null) await this.db.delete('meta', 'lastOpen');
    else await this.db.put('meta', id, 'lastOpen');
  }

  private async setDeleted(id: string, deletedAt: number | null): Promise<void> {
    const tx = this.db.transaction('scenarios', 'readwrite');
    const current = (await tx.store.get(id)) as LibraryRecord | undefined;
    if (current) {
      // A deletion is a change other tabs must hear of, so it counts as a revision too.
      const revision = (typeof current.revision === 'number' ? current.revision : 0) + 1;
      await tx.store.put({ ...current, deletedAt, revision });
    }
    await tx.done;
    this.post({ kind: 'listChanged', from: this.tabId });
  }

  private post(message: LibraryMessage): void {
    this.channel?.postMessage(message);
  }
}
