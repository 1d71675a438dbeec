import { createStore, type StoreApi } from 'zustand/vanilla';
import { placeMissing } from '../editor/document/layout.ts';
import type { EditorStore } from '../editor/store/editorStore.ts';
import type { Scenario } from '../scenario/index.ts';
import { clearJournal, type JournalStorage, writeJournal } from './journal.ts';
import type { Library, LibraryMessage } from './library.ts';
import type { OpenOrigin } from './opener.ts';
import { withSuffix } from './record.ts';

/** Quiet time after the last edit before it is written. */
export const AUTOSAVE_MS = 500;
/** How long "Deleted … Undo" stays up. */
export const UNDO_MS = 10_000;

export interface LibraryNotice {
  id: number;
  text: string;
  tone: 'info' | 'success' | 'warning';
  action?: { label: string; run: () => void };
  /** Stays until dismissed (boot problems); otherwise it fades after a while. */
  sticky?: boolean;
}

/** Where the document on the canvas came from, while it is not (yet) in the library. */
export type SessionOrigin = 'library' | 'start' | 'new' | OpenOrigin;

export interface SessionState {
  /** False when this browser gives no IndexedDB (saving is off; the editor still works). */
  enabled: boolean;
  /** The library record on the canvas, and the revision this tab last read or wrote. */
  entry: { id: string; revision: number } | null;
  origin: SessionOrigin;
  /** Edits not yet written. */
  dirty: boolean;
  /** Another tab saved the open record after this tab last read it. */
  conflict: { id: string; revision: number } | null;
  notice: LibraryNotice | null;
  /** Bumped whenever the library's list may have changed (here or in another tab). */
  listVersion: number;
}

export interface SessionDeps {
  store: EditorStore;
  library: Library | null;
  /** What the canvas shows when the open record is deleted and nothing else is left. */
  fallback: () => Scenario;
  /**
   * Called when an opened link is saved as the user's own, or leaves the canvas: the address
   * stops carrying it, so a reload opens what is on the canvas now.
   */
  dropLink?: () => void;
  /** Where a closing tab leaves its last edits synchronously (localStorage); none in tests. */
  journal?: JournalStorage | null;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

let noticeIds = 0;

/**
 * Ties one editor to the library: autosave of the open document, opening other records or
 * copies, and the two-tab rule — when another tab saves the record open here, this tab stops
 * saving it and offers "Reload theirs" or "Keep mine as a copy"; nothing is overwritten
 * silently. No DOM here: the provider wires page events and renders the state.
 */
export class LibrarySession {
  readonly state: StoreApi<SessionState>;
  private timer: unknown = null;
  private loading = false;
  /** Counts scenarios put on the canvas: a write that finishes after the next one came leaves the state be. */
  private generation = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly unsubscribe: (() => void)[] = [];
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    private readonly deps: SessionDeps,
    initial: Pick<SessionState, 'entry' | 'origin'> & { notice?: LibraryNotice | null },
  ) {
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.state = createStore<SessionState>()(() => ({
      enabled: deps.library !== null,
      entry: initial.entry,
      origin: initial.origin,
      dirty: false,
      conflict: null,
      notice: initial.notice ?? null,
      listVersion: 0,
    }));
    this.unsubscribe.push(
      deps.store.subscribe((s, prev) => {
        if (s.doc !== prev.doc && !this.loading) this.changed();
      }),
    );
    if (deps.library) this.unsubscribe.push(deps.library.onMessage((m) => this.onMessage(m)));
  }

  get library(): Library | null {
    return this.deps.library;
  }

  get editor(): EditorStore {
    return this.deps.store;
  }

  /** The live run resets when another scenario replaces the canvas (set by the header, inside the run's provider). */
  afterLoad: (() => void) | null = null;

  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    for (const u of this.unsubscribe) u();
  }

  notify(text: string, tone: LibraryNotice['tone'] = 'info', extra: Partial<LibraryNotice> = {}): void {
    this.state.setState({ notice: { id: ++noticeIds, text, tone, ...extra } });
  }

  dismissNotice(id?: number): void {
    const { notice } = this.state.getState();
    if (notice && (id === undefined || notice.id === id)) this.state.setState({ notice: null });
  }

  /** Writes pending edits now (page hide, before opening something else). */
  flush(): Promise<void> {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    return this.enqueue(() => this.save());
  }

  /**
   * The page is going away. Pending edits are written; edits made while in conflict with
   * another tab cannot go to the shared record, so they become a copy rather than be lost.
   */
  pageHide(): Promise<void> {
    const s = this.state.getState();
    const library = this.deps.library;
    // An IndexedDB transaction that must read before it writes cannot finish once the page is
    // gone: the edits go to a synchronous journal too, and the next boot saves them.
    if (s.dirty && library)
      writeJournal(this.deps.journal ?? null, library.tabId, {
        entry: s.entry,
        doc: this.deps.store.getState().doc,
        at: Date.now(),
      });
    if (s.conflict && s.dirty) return this.keepMineAsCopy();
    return this.flush();
  }

  /** The page came back from the back-forward cache: it is alive, its journal is not needed. */
  pageShown(): void {
    if (this.deps.library) clearJournal(this.deps.journal ?? null, this.deps.library.tabId);
  }

  /** Opens a record of the library. */
  open(id: string): Promise<void> {
    return this.enqueue(async () => {
      const library = this.deps.library;
      if (!library) return;
      await this.save(true);
      const gen = this.generation;
      const r = await library.get(id);
      // Something else was put on the canvas meanwhile (a lesson, a link): that wins.
      if (gen !== this.generation) return;
      if (!r?.ok) {
        this.notify(
          `This scenario cannot be opened. ${r ? r.error : 'It is no longer in the library.'}`,
          'warning',
        );
        return;
      }
      this.load(r.scenario);
      this.state.setState({
        entry: { id, revision: r.record.revision },
        origin: 'library',
        conflict: null,
        dirty: false,
      });
      this.deps.dropLink?.();
      await library.setLastOpen(id);
    });
  }

  /**
   * Puts a scenario that is not the user's own on the canvas as a new, unsaved copy: the
   * work that was open is saved first and stays in the library. The copy joins the library
   * on its first edit (or "Keep in library").
   */
  openCopy(scenario: Scenario, origin: OpenOrigin | 'new'): Promise<void> {
    // The copy is on the canvas at once (a lesson sets up its panel right after); the work it
    // replaces is written afterwards, from this snapshot.
    const s = this.state.getState();
    const previous = {
      doc: this.deps.store.getState().doc,
      entry: s.entry,
      dirty: s.dirty,
      conflict: s.conflict,
    };
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const title = origin === 'link' ? withSuffix(scenario.title, ' (shared)') : scenario.title;
    this.load({ ...scenario, title });
    this.state.setState({ entry: null, origin, conflict: null, dirty: false });
    if (origin !== 'link') this.deps.dropLink?.();
    return this.enqueue(async () => {
      const library = this.deps.library;
      if (!library || !previous.dirty) return;
      if (previous.conflict) {
        await library.create({ ...previous.doc, title: withSuffix(previous.doc.title, ' (my copy)') });
        this.bumpList();
        return;
      }
      await this.write(previous, -1);
    });
  }

  /** Saves the unsaved document on the canvas (an opened link, say) into the library as it is. */
  keepInLibrary(): Promise<void> {
    this.state.setState({ dirty: true });
    return this.flush();
  }

  /** Another tab saved the open record: take their version. */
  reloadTheirs(): Promise<void> {
    return this.enqueue(async () => {
      const { conflict } = this.state.getState();
      const library = this.deps.library;
      if (!conflict || !library) return;
      const r = await library.get(conflict.id);
      if (!r?.ok || r.record.deletedAt !== null) {
        this.state.setState({ conflict: null, entry: null, origin: 'library' });
        this.notify('Their version cannot be opened any more; yours stays here, not yet saved.', 'warning');
        return;
      }
      this.load(r.scenario);
      this.state.setState({
        entry: { id: conflict.id, revision: r.record.revision },
        conflict: null,
        dirty: false,
      });
      this.notify('Reloaded the version saved in the other tab.', 'success');
    });
  }

  /** Another tab saved the open record: leave theirs be and save this one as a new record. */
  keepMineAsCopy(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.state.getState().conflict) return;
      await this.saveMineAsCopy();
      if (this.state.getState().entry)
        this.notify('Saved your version as a copy; theirs is kept too.', 'success');
    });
  }

  /** Renames a record: the open one by an (undoable) edit of its title, others in place. */
  rename(id: string, name: string): Promise<void> {
    const title = name.trim();
    return this.enqueue(async () => {
      if (title === '') return;
      if (this.state.getState().entry?.id === id) {
        const r = this.deps.store.getState().updateSettings({ title });
        if (!r.ok) this.notify(r.reason, 'warning');
        await this.save();
        return;
      }
      const r = await this.deps.library?.rename(id, title);
      if (r && !r.ok) this.notify('That scenario is no longer in the library.', 'warning');
      this.bumpList();
    });
  }

  duplicate(id: string): Promise<void> {
    return this.enqueue(async () => {
      if (this.state.getState().entry?.id === id) await this.save();
      const copy = await this.deps.library?.duplicate(id);
      if (copy) this.notify(`Added “${copy.name}” to the library.`, 'success');
      this.bumpList();
    });
  }

  /** Moves a record to "Recently deleted", with Undo; if it was open, the newest other one opens. */
  remove(id: string): Promise<void> {
    return this.enqueue(async () => {
      const library = this.deps.library;
      if (!library) return;
      const wasOpen = this.state.getState().entry?.id === id;
      if (wasOpen) {
        if (this.timer !== null) this.clearTimer(this.timer);
        await this.save(true);
      }
      const name = (await library.list()).find((e) => e.id === id)?.name ?? 'the scenario';
      await library.remove(id);
      if (wasOpen) {
        const next = (await library.list()).find((e) => e.deletedAt === null && e.error === null);
        const r = next ? await library.get(next.id) : null;
        if (next && r?.ok) {
          this.load(r.scenario);
          this.state.setState({ entry: { id: next.id, revision: r.record.revision }, origin: 'library' });
          await library.setLastOpen(next.id);
        } else {
          this.load(this.deps.fallback());
          this.state.setState({ entry: null, origin: 'start' });
          await library.setLastOpen(null);
        }
        this.state.setState({ conflict: null, dirty: false });
      }
      this.bumpList();
      this.notify(`Deleted “${name}”.`, 'info', {
        action: { label: 'Undo', run: () => void this.undoRemove(id, wasOpen) },
      });
    });
  }

  undoRemove(id: string, reopen: boolean): Promise<void> {
    const done = this.enqueue(async () => {
      await this.deps.library?.undelete(id);
      this.dismissNotice();
      this.bumpList();
    });
    return reopen ? done.then(() => this.open(id)) : done;
  }

  // ——— internals ———

  private changed(): void {
    this.state.setState({ dirty: true });
    if (!this.deps.library || this.state.getState().conflict) return;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.enqueue(() => this.save());
    }, AUTOSAVE_MS);
  }

  /** One library operation at a time, in order; a failure becomes a notice, not a crash. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task).catch((e: unknown) => {
      this.notify(
        `Could not save to this browser’s storage: ${(e as Error)?.message ?? String(e)}`,
        'warning',
      );
    });
    this.chain = next;
    return next;
  }

  private async saveMineAsCopy(): Promise<void> {
    this.state.setState({ conflict: null, entry: null, origin: 'library', dirty: true });
    const doc = this.deps.store.getState().doc;
    // The title change is an ordinary edit (undoable), so the copy is told apart in the list.
    this.deps.store.getState().updateSettings({ title: withSuffix(doc.title, ' (my copy)') });
    await this.save();
  }

  /**
   * Writes the document if it has unsaved edits. Runs inside the queue only. Edits that cannot
   * go to their record because another tab saved it meanwhile are kept as a copy when
   * `leaving` (another scenario is about to replace them).
   */
  private async save(leaving = false): Promise<void> {
    const s = this.state.getState();
    if (leaving && s.conflict && s.dirty) return this.saveMineAsCopy();
    if (!this.deps.library || !s.dirty || s.conflict) return;
    this.state.setState({ dirty: false });
    return this.write({ doc: this.deps.store.getState().doc, entry: s.entry }, this.generation);
  }

  /**
   * Writes a document to its record (a new one when `entry` is null). When the canvas has
   * moved on to another scenario since (`gen` is not the current generation), the session's
   * state is left alone, and a write the record refuses becomes a copy: the work is kept.
   */
  private async write(snap: { doc: Scenario; entry: SessionState['entry'] }, gen: number): Promise<void> {
    const library = this.deps.library;
    if (!library) return;
    const current = () => gen === this.generation;
    const written = () => {
      if (current() && !this.state.getState().dirty) clearJournal(this.deps.journal ?? null, library.tabId);
    };
    try {
      let id: string;
      if (snap.entry === null) {
        const record = await library.create(snap.doc);
        id = record.id;
        if (current()) {
          this.state.setState({ entry: { id, revision: record.revision }, origin: 'library' });
          this.deps.dropLink?.();
        }
      } else {
        const r = await library.save(snap.entry.id, snap.doc, snap.entry.revision);
        if (r.ok) {
          id = snap.entry.id;
          if (current()) this.state.setState({ entry: { id, revision: r.record.revision } });
        } else if (r.reason === 'conflict' && current()) {
          this.state.setState({ dirty: true, conflict: { id: snap.entry.id, revision: r.revision } });
          return;
        } else {
          // Deleted in another tab, or refused after the canvas moved on: kept as a new record.
          const copy =
            r.reason === 'conflict'
              ? { ...snap.doc, title: withSuffix(snap.doc.title, ' (my copy)') }
              : snap.doc;
          const record = await library.create(copy);
          id = record.id;
          if (current()) {
            this.state.setState({ entry: { id, revision: record.revision } });
            this.notify(
              'This scenario was deleted in another tab; your version is saved as a new one.',
              'info',
            );
          }
        }
      }
      written();
      await library.setLastOpen(id);
      this.bumpList();
    } catch (e) {
      if (current()) this.state.setState({ dirty: true });
      throw e;
    }
  }

  private onMessage(m: LibraryMessage): void {
    this.bumpList();
    if (m.kind !== 'saved') return;
    const { entry, conflict } = this.state.getState();
    if (!entry || entry.id !== m.id || m.revision <= entry.revision) return;
    if (conflict && conflict.revision >= m.revision) return;
    // Stop writing to the shared record until the user chooses.
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.state.setState({ conflict: { id: m.id, revision: m.revision } });
  }

  private load(scenario: Scenario): void {
    this.generation++;
    this.loading = true;
    try {
      this.deps.store.getState().loadScenario(placeMissing(scenario));
    } finally {
      this.loading = false;
    }
    this.afterLoad?.();
  }

  private bumpList(): void {
    this.state.setState((s) => ({ listVersion: s.listVersion + 1 }));
  }
}
