import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultScenarioInput } from '../scenario/examples/defaultScenario.ts';
import { restoreOrThrow, type Scenario } from '../scenario/index.ts';
import { encodeScenarioLink } from '../share/shareLink.ts';
import { bootLibrary, KEEP_DELETED_MS, recoverJournals } from './boot.ts';
import { type JournalStorage, writeJournal } from './journal.ts';
import { Library, type LibraryMessage } from './library.ts';
import { RECORD_SCHEMA, readRecord } from './record.ts';

let dbCount = 0;
const open: Library[] = [];

/** A fresh database per test; `tabs` libraries on it stand for that many browser tabs. */
async function libraries(tabs = 1, now?: () => number): Promise<Library[]> {
  const dbName = `test-library-${++dbCount}`;
  const list: Library[] = [];
  for (let i = 0; i < tabs; i++) list.push(await Library.open({ dbName, ...(now && { now }) }));
  open.push(...list);
  return list;
}

afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

const start = () => restoreOrThrow(defaultScenarioInput);
const titled = (title: string): Scenario => ({ ...start(), title });

/** The next message another tab hears. */
function nextMessage(library: Library): Promise<LibraryMessage> {
  return new Promise((resolve) => {
    const off = library.onMessage((m) => {
      off();
      resolve(m);
    });
  });
}

describe('library store', () => {
  it('saves a scenario and reads it back through the restore funnel', async () => {
    const [lib] = (await libraries()) as [Library];
    const record = await lib.create(titled('Mine'));
    expect(record).toMatchObject({ schema: RECORD_SCHEMA, name: 'Mine', revision: 1, deletedAt: null });
    const r = await lib.get(record.id);
    expect(r?.ok && r.scenario).toEqual(titled('Mine'));
    expect(await lib.list()).toEqual([
      expect.objectContaining({ id: record.id, name: 'Mine', revision: 1, deletedAt: null, error: null }),
    ]);
  });

  it('saves over the revision it read, and raises it', async () => {
    const [lib] = (await libraries()) as [Library];
    const { id } = await lib.create(titled('A'));
    const r = await lib.save(id, titled('A, edited'), 1);
    expect(r).toMatchObject({ ok: true, record: { revision: 2, name: 'A, edited' } });
    const back = await lib.get(id);
    expect(back?.ok && back.scenario.title).toBe('A, edited');
  });

  it('refuses to save over a revision it has not seen (another tab saved first)', async () => {
    const [a, b] = (await libraries(2)) as [Library, Library];
    const { id } = await a.create(titled('Shared'));
    expect((await a.save(id, titled('from A'), 1)).ok).toBe(true);
    // Tab B still builds on revision 1.
    expect(await b.save(id, titled('from B'), 1)).toEqual({ ok: false, reason: 'conflict', revision: 2 });
    const back = await b.get(id);
    expect(back?.ok && back.scenario.title).toBe('from A');
  });

  it('tells other tabs of a save, never itself', async () => {
    const [a, b] = (await libraries(2)) as [Library, Library];
    const heardByA: LibraryMessage[] = [];
    a.onMessage((m) => heardByA.push(m));
    const created = nextMessage(b);
    const { id } = await a.create(titled('X'));
    expect(await created).toEqual({ kind: 'listChanged', from: a.tabId });
    const saved = nextMessage(b);
    await a.save(id, titled('X2'), 1);
    expect(await saved).toEqual({ kind: 'saved', id, revision: 2, from: a.tabId });
    await new Promise((r) => setTimeout(r, 20));
    expect(heardByA).toEqual([]);
  });

  it('renames, keeping the document title and the name together', async () => {
    const [lib] = (await libraries()) as [Library];
    const { id } = await lib.create(titled('Old'));
    await lib.rename(id, 'New name');
    const r = await lib.get(id);
    expect(r?.ok && [r.record.name, r.scenario.title, r.record.revision]).toEqual([
      'New name',
      'New name',
      2,
    ]);
  });

  it('duplicates beside the original', async () => {
    const [lib] = (await libraries()) as [Library];
    const { id } = await lib.create(titled('Base'));
    const copy = await lib.duplicate(id);
    expect(copy?.name).toBe('Base (copy)');
    expect(copy?.id).not.toBe(id);
    expect((await lib.list()).map((e) => e.name).sort()).toEqual(['Base', 'Base (copy)']);
  });

  it('deletes into "recently deleted", undoes, and forgets old deletions', async () => {
    let now = 1_000;
    const [lib] = (await libraries(1, () => now)) as [Library];
    const { id } = await lib.create(titled('Gone soon'));
    await lib.remove(id);
    expect((await lib.list())[0]).toMatchObject({ id, deletedAt: 1_000 });
    // A save to a deleted record is refused: the caller keeps the work as a new one.
    expect(await lib.save(id, titled('late edit'), 2)).toEqual({ ok: false, reason: 'gone' });
    await lib.undelete(id);
    expect((await lib.list())[0]).toMatchObject({ id, deletedAt: null });
    await lib.remove(id);
    now += KEEP_DELETED_MS + 1;
    await lib.purgeDeleted(KEEP_DELETED_MS);
    expect(await lib.list()).toEqual([]);
  });

  it('remembers the record open last', async () => {
    const [lib] = (await libraries()) as [Library];
    expect(await lib.lastOpen()).toBeNull();
    await lib.setLastOpen('abc');
    expect(await lib.lastOpen()).toBe('abc');
    await lib.setLastOpen(null);
    expect(await lib.lastOpen()).toBeNull();
  });
});

describe('library records: schema version and damage', () => {
  const good = () => ({
    schema: RECORD_SCHEMA,
    id: 'r1',
    name: 'Good',
    doc: start(),
    createdAt: 1,
    updatedAt: 2,
    revision: 3,
    deletedAt: null,
  });

  it('reads a good record', () => {
    const r = readRecord(good());
    expect(r.ok).toBe(true);
  });

  it('refuses a record from a newer ScaleLab with a clear message', () => {
    const r = readRecord({ ...good(), schema: RECORD_SCHEMA + 1 });
    expect(r).toMatchObject({ ok: false, id: 'r1', name: 'Good' });
    expect(!r.ok && r.error).toMatch(/newer version of ScaleLab/);
  });

  it('names the damaged field of a broken record', () => {
    const r = readRecord({ ...good(), revision: 'three' });
    expect(!r.ok && r.error).toMatch(/damaged \(revision:/);
    expect(readRecord(null).ok).toBe(false);
    expect(readRecord('text').ok).toBe(false);
  });

  it('passes the document through the restore funnel', () => {
    const r = readRecord({
      ...good(),
      doc: { ...start(), nodes: [{ id: 'x', type: 'server', config: { workers: -4 } }] },
    });
    expect(!r.ok && r.error).toMatch(/workers/);
  });

  it('lists damaged records with the reason, and boot opens the start scenario with a message', async () => {
    const dbName = `test-library-${++dbCount}`;
    const lib = await Library.open({ dbName });
    open.push(lib);
    const raw = await openDB(dbName);
    await raw.put('scenarios', { ...good(), id: 'bad', name: 'Broken one', doc: { type: 'nonsense' } });
    raw.close();
    await lib.setLastOpen('bad');
    expect((await lib.list())[0]).toMatchObject({ id: 'bad', name: 'Broken one', error: expect.any(String) });

    const boot = await bootLibrary('', start(), async () => lib);
    expect(boot.entry).toBeNull();
    expect(boot.scenario).toEqual(start());
    expect(boot.notice?.text).toMatch(
      /Your last scenario “Broken one” could not be opened: .*not a ScaleLab scenario/,
    );
  });
});

describe('boot', () => {
  it('opens the record open last', async () => {
    const [lib] = (await libraries()) as [Library];
    const { id } = await lib.create(titled('Yesterday'));
    await lib.setLastOpen(id);
    const boot = await bootLibrary('', start(), async () => lib);
    expect(boot).toMatchObject({ origin: 'library', entry: { id, revision: 1 }, notice: null });
    expect(boot.scenario.title).toBe('Yesterday');
  });

  it('opens a link as an unsaved copy, leaving the last work in the library', async () => {
    const [lib] = (await libraries()) as [Library];
    const { id } = await lib.create(titled('My work'));
    await lib.setLastOpen(id);
    const boot = await bootLibrary(encodeScenarioLink(titled('Their design')), start(), async () => lib);
    expect(boot).toMatchObject({ origin: 'link', entry: null, notice: null });
    expect(boot.scenario.title).toBe('Their design (shared)');
    expect((await lib.list()).map((e) => e.name)).toEqual(['My work']);
  });

  it('keeps the last work open for a damaged link or one from a newer version, with the codec’s message', async () => {
    const [lib] = (await libraries()) as [Library];
    const { id } = await lib.create(titled('My work'));
    await lib.setLastOpen(id);
    const link = encodeScenarioLink(titled('Their design'));
    const damaged = await bootLibrary(link.slice(0, 30), start(), async () => lib);
    expect(damaged).toMatchObject({ origin: 'library', entry: { id } });
    expect(damaged.notice?.text).toMatch(/damaged|cut/);
    expect(damaged.notice?.text).toMatch(/Your last work is open/);
    const newer = await bootLibrary('#s9.AAAA', start(), async () => lib);
    expect(newer.notice?.text).toMatch(/newer version of ScaleLab/);
    expect(newer.scenario.title).toBe('My work');
  });

  it('leaves exercise, workshop and lesson fragments alone', async () => {
    const [lib] = (await libraries()) as [Library];
    for (const hash of ['#x1.abc', '#w1.abc', '#lesson=03-failover']) {
      const boot = await bootLibrary(hash, start(), async () => lib);
      expect(boot).toMatchObject({ origin: 'start', notice: null });
    }
  });

  it('without IndexedDB the app still opens, with saving off and said so', async () => {
    const boot = await bootLibrary('', start(), () => Promise.reject(new Error('blocked')));
    expect(boot.library).toBeNull();
    expect(boot.scenario).toEqual(start());
    expect(boot.notice?.text).toMatch(/Saving is off.*blocked/);
  });
});

/** localStorage's shape, in memory. */
function memoryStorage(): JournalStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('journal of a closing tab', () => {
  it('saves the last edits over their record on the next boot, and opens it', async () => {
    const [lib] = (await libraries()) as [Library];
    const { id } = await lib.create(titled('Before'));
    const storage = memoryStorage();
    writeJournal(storage, 'tab-1', { entry: { id, revision: 1 }, doc: titled('Last edit'), at: 1 });
    const boot = await bootLibrary('', start(), async () => lib, storage, null);
    expect(boot.scenario.title).toBe('Last edit');
    expect(boot.entry).toEqual({ id, revision: 2 });
    expect(storage.map.size).toBe(0);
  });

  it('does nothing more when the asynchronous save got through after all', async () => {
    const [lib] = (await libraries()) as [Library];
    const { id } = await lib.create(titled('Saved'));
    await lib.save(id, titled('Saved twice'), 1);
    const storage = memoryStorage();
    writeJournal(storage, 'tab-1', { entry: { id, revision: 1 }, doc: titled('Saved twice'), at: 1 });
    await recoverJournals(lib, storage);
    expect((await lib.list()).map((e) => [e.name, e.revision])).toEqual([['Saved twice', 2]]);
  });

  it('keeps edits as a copy when another tab saved the record meanwhile', async () => {
    const [lib] = (await libraries()) as [Library];
    const { id } = await lib.create(titled('Shared'));
    await lib.save(id, titled('Theirs'), 1);
    const storage = memoryStorage();
    writeJournal(storage, 'tab-1', { entry: { id, revision: 1 }, doc: titled('Mine'), at: 1 });
    const opened = await recoverJournals(lib, storage);
    expect(opened).not.toBe(id);
    expect((await lib.list()).map((e) => e.name).sort()).toEqual(['Mine (my copy)', 'Theirs']);
  });

  it('saves an unsaved copy that was edited as a new record, and drops a damaged journal', async () => {
    const [lib] = (await libraries()) as [Library];
    const storage = memoryStorage();
    writeJournal(storage, 'tab-1', { entry: null, doc: titled('Their link (shared)'), at: 2 });
    storage.setItem('scalelab:unsaved:tab-2', '{not json');
    await recoverJournals(lib, storage);
    expect((await lib.list()).map((e) => e.name)).toEqual(['Their link (shared)']);
    expect(storage.map.size).toBe(0);
  });
});
