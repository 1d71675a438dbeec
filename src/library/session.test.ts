import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createEditorStore, type EditorStore } from '../editor/store/editorStore.ts';
import { defaultScenarioInput } from '../scenario/examples/defaultScenario.ts';
import { restoreOrThrow, type Scenario } from '../scenario/index.ts';
import { Library } from './library.ts';
import { AUTOSAVE_MS, LibrarySession } from './session.ts';

let dbCount = 0;
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

const start = () => restoreOrThrow(defaultScenarioInput);

/** A tab: an editor store, its session, and a hand-cranked autosave timer. */
interface Tab {
  store: EditorStore;
  session: LibrarySession;
  library: Library;
  /** Runs the pending autosave, as if the quiet time had passed. */
  tick(): Promise<void>;
  pendingDelay(): number | null;
}

async function tab(
  dbName: string,
  scenario: Scenario = start(),
  entry: { id: string; revision: number } | null = null,
): Promise<Tab> {
  const library = await Library.open({ dbName });
  const store = createEditorStore(scenario, { checkInvariant: true });
  let pending: { fn: () => void; ms: number } | null = null;
  const session = new LibrarySession(
    {
      store,
      library,
      fallback: start,
      setTimer: (fn, ms) => {
        pending = { fn, ms };
        return pending;
      },
      clearTimer: (h) => {
        if (pending === h) pending = null;
      },
    },
    { entry, origin: entry ? 'library' : 'start' },
  );
  cleanup.push(() => {
    session.dispose();
    library.close();
  });
  return {
    store,
    session,
    library,
    tick: async () => {
      const p = pending as { fn: () => void } | null;
      pending = null;
      p?.fn();
      await session.flush();
    },
    pendingDelay: () => (pending as { ms: number } | null)?.ms ?? null,
  };
}

const newDb = () => `test-session-${++dbCount}`;
const state = (t: Tab) => t.session.state.getState();
const addServer = (t: Tab) => t.store.getState().addNode('server', { x: 900, y: 600 });
/** Lets BroadcastChannel messages arrive. */
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('autosave', () => {
  it('does not save an untouched start scenario; the first edit saves it as a new record', async () => {
    const t = await tab(newDb());
    await t.session.flush();
    expect(await t.library.list()).toEqual([]);
    addServer(t);
    expect(state(t).dirty).toBe(true);
    expect(t.pendingDelay()).toBe(AUTOSAVE_MS);
    await t.tick();
    const [entry] = await t.library.list();
    expect(entry).toMatchObject({ name: 'Two web servers behind a balancer', revision: 1 });
    expect(state(t)).toMatchObject({
      dirty: false,
      entry: { id: entry?.id, revision: 1 },
      origin: 'library',
    });
    expect(await t.library.lastOpen()).toBe(entry?.id);
  });

  it('saves later edits over the same record, and a flush (page hide) writes at once', async () => {
    const t = await tab(newDb());
    addServer(t);
    await t.tick();
    addServer(t);
    await t.session.pageHide();
    const list = await t.library.list();
    expect(list).toHaveLength(1);
    expect(list[0]?.revision).toBe(2);
    const r = await t.library.get(list[0]?.id ?? '');
    expect(r?.ok && r.scenario.nodes.length).toBe(start().nodes.length + 2);
  });
});

describe('journal on page hide', () => {
  it('writes the pending edits synchronously, and forgets them once saved', async () => {
    const map = new Map<string, string>();
    const journal = {
      get length() {
        return map.size;
      },
      key: (i: number) => [...map.keys()][i] ?? null,
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    const library = await Library.open({ dbName: newDb() });
    const store = createEditorStore(start());
    const session = new LibrarySession(
      { store, library, fallback: start, journal },
      { entry: null, origin: 'start' },
    );
    cleanup.push(() => {
      session.dispose();
      library.close();
    });
    store.getState().addNode('server', { x: 900, y: 600 });
    const hidden = session.pageHide();
    // Written before any await: the page may be gone before the IndexedDB save finishes.
    expect([...map.values()].map((v) => JSON.parse(v).doc.nodes.length)).toEqual([start().nodes.length + 1]);
    await hidden;
    expect(map.size).toBe(0);
  });
});

describe('opening', () => {
  it('opens a copy from a link without touching the saved work; its first edit saves it beside', async () => {
    const t = await tab(newDb());
    addServer(t);
    await t.tick();
    const mine = state(t).entry?.id;
    const theirs = { ...start(), title: 'Their design', seed: 42 };
    await t.session.openCopy(theirs, 'link');
    expect(t.store.getState().doc.title).toBe('Their design (shared)');
    expect(state(t)).toMatchObject({ entry: null, origin: 'link', dirty: false });
    // Unsaved until edited: the library still holds only my work.
    expect((await t.library.list()).map((e) => e.id)).toEqual([mine]);
    addServer(t);
    await t.tick();
    expect((await t.library.list()).map((e) => e.name).sort()).toEqual([
      'Their design (shared)',
      'Two web servers behind a balancer',
    ]);
  });

  it('puts the copy on the canvas at once, and still saves the edits it replaced', async () => {
    const t = await tab(newDb());
    addServer(t);
    await t.tick();
    addServer(t); // pending, not yet saved
    const opening = t.session.openCopy({ ...start(), title: 'Lesson start' }, 'lesson');
    expect(t.store.getState().doc.title).toBe('Lesson start');
    expect(state(t)).toMatchObject({ entry: null, origin: 'lesson', dirty: false });
    await opening;
    const [mine] = await t.library.list();
    const r = await t.library.get(mine?.id ?? '');
    expect(r?.ok && r.scenario.nodes.length).toBe(start().nodes.length + 2);
    // The copy stays unsaved: the write of the old work did not adopt it.
    expect(state(t).entry).toBeNull();
    expect(await t.library.lastOpen()).toBe(mine?.id);
  });

  it('saves pending edits before opening another record, and opens it', async () => {
    const t = await tab(newDb());
    const other = await t.library.create({ ...start(), title: 'Other' });
    addServer(t); // pending, not yet saved
    await t.session.open(other.id);
    expect(t.store.getState().doc.title).toBe('Other');
    expect(state(t).entry).toEqual({ id: other.id, revision: 1 });
    const names = (await t.library.list()).map((e) => e.name).sort();
    expect(names).toEqual(['Other', 'Two web servers behind a balancer']);
  });
});

describe('rename, duplicate, delete with undo', () => {
  it('renames the open scenario by editing its title (undoable), and others in place', async () => {
    const t = await tab(newDb());
    addServer(t);
    await t.tick();
    const id = state(t).entry?.id ?? '';
    await t.session.rename(id, 'Renamed');
    expect(t.store.getState().doc.title).toBe('Renamed');
    expect((await t.library.list())[0]?.name).toBe('Renamed');
    const other = await t.library.create({ ...start(), title: 'Other' });
    await t.session.rename(other.id, 'Other, renamed');
    const r = await t.library.get(other.id);
    expect(r?.ok && r.scenario.title).toBe('Other, renamed');
  });

  it('deletes the open scenario, opens the next one, and Undo brings it back', async () => {
    const t = await tab(newDb());
    const older = await t.library.create({ ...start(), title: 'Older' });
    addServer(t);
    await t.tick();
    const id = state(t).entry?.id ?? '';
    await t.session.remove(id);
    expect(t.store.getState().doc.title).toBe('Older');
    expect(state(t).entry?.id).toBe(older.id);
    const notice = state(t).notice;
    expect(notice?.text).toBe('Deleted “Two web servers behind a balancer”.');
    expect(notice?.action?.label).toBe('Undo');
    notice?.action?.run();
    await t.session.flush();
    await settle();
    expect(t.store.getState().doc.title).toBe('Two web servers behind a balancer');
    expect((await t.library.list()).every((e) => e.deletedAt === null)).toBe(true);
  });

  it('deleting the last scenario shows the start scenario, unsaved', async () => {
    const t = await tab(newDb());
    addServer(t);
    await t.tick();
    await t.session.remove(state(t).entry?.id ?? '');
    expect(state(t)).toMatchObject({ entry: null, origin: 'start' });
    expect(t.store.getState().doc.nodes).toHaveLength(start().nodes.length);
  });

  it('duplicates, saving pending edits of the open one first', async () => {
    const t = await tab(newDb());
    addServer(t);
    await t.tick();
    addServer(t);
    await t.session.duplicate(state(t).entry?.id ?? '');
    const list = await t.library.list();
    const copy = list.find((e) => e.name.endsWith('(copy)'));
    const r = await t.library.get(copy?.id ?? '');
    expect(r?.ok && r.scenario.nodes.length).toBe(start().nodes.length + 2);
  });
});

describe('two tabs on one record', () => {
  async function twoTabs() {
    const db = newDb();
    const a = await tab(db);
    addServer(a);
    await a.tick();
    const entry = state(a).entry;
    const r = await a.library.get(entry?.id ?? '');
    if (!r?.ok) throw new Error('not saved');
    const b = await tab(db, r.scenario, entry);
    return { a, b, id: entry?.id ?? '' };
  }

  it('a save in one tab offers the other the choice, and stops its autosave', async () => {
    const { a, b, id } = await twoTabs();
    addServer(a);
    await a.tick();
    await settle();
    expect(state(b).conflict).toEqual({ id, revision: 2 });
    // B's edits are kept in B but not written over A's save.
    addServer(b);
    expect(b.pendingDelay()).toBeNull();
    await b.session.flush();
    const r = await b.library.get(id);
    expect(r?.ok && r.record.revision).toBe(2);
    expect(state(b).dirty).toBe(true);
  });

  it('a save that raced the message is refused by revision, and becomes a conflict too', async () => {
    const { a, b, id } = await twoTabs();
    // A saves; B writes before hearing of it.
    addServer(a);
    addServer(b);
    await a.tick();
    await b.tick();
    expect(state(b).conflict).toEqual({ id, revision: 2 });
    const r = await a.library.get(id);
    expect(r?.ok && r.scenario.nodes.map((n) => n.id)).toEqual(a.store.getState().doc.nodes.map((n) => n.id));
  });

  it('"Reload theirs" takes the other tab’s version', async () => {
    const { a, b } = await twoTabs();
    a.store.getState().updateSettings({ title: 'Edited in A' });
    await a.tick();
    await settle();
    addServer(b);
    await b.session.reloadTheirs();
    expect(b.store.getState().doc.title).toBe('Edited in A');
    expect(state(b)).toMatchObject({ conflict: null, dirty: false, entry: { revision: 2 } });
    // And B saves normally again afterwards.
    addServer(b);
    await b.tick();
    expect(state(b).entry?.revision).toBe(3);
  });

  it('"Keep mine as a copy" keeps both', async () => {
    const { a, b, id } = await twoTabs();
    a.store.getState().updateSettings({ title: 'Edited in A' });
    await a.tick();
    await settle();
    addServer(b);
    await b.session.keepMineAsCopy();
    const names = (await b.library.list()).map((e) => e.name).sort();
    expect(names).toEqual(['Edited in A', 'Two web servers behind a balancer (my copy)']);
    expect(state(b).entry?.id).not.toBe(id);
    const theirs = await b.library.get(id);
    expect(theirs?.ok && theirs.scenario.title).toBe('Edited in A');
  });

  it('closing a tab while in conflict keeps its edits as a copy', async () => {
    const { a, b } = await twoTabs();
    addServer(a);
    await a.tick();
    await settle();
    addServer(b);
    await b.session.pageHide();
    expect((await b.library.list()).map((e) => e.name)).toContain(
      'Two web servers behind a balancer (my copy)',
    );
  });

  it('a record deleted in another tab: the next save keeps the work as a new record', async () => {
    const { a, b, id } = await twoTabs();
    await a.session.remove(id);
    await settle();
    addServer(b);
    await b.tick();
    expect(state(b).entry?.id).not.toBe(id);
    expect(state(b).notice?.text).toMatch(/deleted in another tab/);
  });
});
