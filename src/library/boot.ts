import type { EditorStore } from '../editor/store/editorStore.ts';
import { restoreScenario, type Scenario } from '../scenario/index.ts';
import { browserStorage, type Journal, type JournalStorage, readJournals } from './journal.ts';
import { Library } from './library.ts';
import { withSuffix } from './record.ts';
import { type LibraryNotice, LibrarySession, type SessionOrigin } from './session.ts';

/** Records in "Recently deleted" are forgotten after this long. */
export const KEEP_DELETED_MS = 30 * 24 * 3600 * 1000;

export interface BootResult {
  library: Library | null;
  scenario: Scenario;
  entry: { id: string; revision: number } | null;
  origin: SessionOrigin;
  /** Something to tell the user on the first screen (a damaged link or record). */
  notice: Omit<LibraryNotice, 'id'> | null;
  /** A scenario link's recoverable part, offered from the notice. */
  recovered: Scenario | null;
}

/** Which record this tab has open, kept across its reloads. */
export interface TabOpen {
  get(): string | null;
  set(id: string | null): void;
}

const TAB_OPEN_KEY = 'scalelab:open';

export function browserTabOpen(): TabOpen | null {
  try {
    const storage = sessionStorage;
    return {
      get: () => storage.getItem(TAB_OPEN_KEY),
      set: (id) => {
        if (id === null) storage.removeItem(TAB_OPEN_KEY);
        else storage.setItem(TAB_OPEN_KEY, id);
      },
    };
  } catch {
    return null;
  }
}

/** A scenario link (`#s1.…`, or a newer format's `#s2.…`); exercise and lesson links are not ours. */
export function isScenarioLink(hash: string): boolean {
  return /^#s\d+\./.test(hash);
}

/**
 * What the editor opens with: the record open last (through the restore funnel), or, with
 * a scenario link in the URL, that link as a new unsaved copy — the user's own work stays in
 * the library untouched. A damaged link or record never blanks the page: the user's work (or
 * the start scenario) opens, with a message saying what was wrong.
 */
export async function bootLibrary(
  hash: string,
  start: Scenario,
  open: () => Promise<Library> = () => Library.open(),
  journal: JournalStorage | null = browserStorage(),
  tabOpen: TabOpen | null = browserTabOpen(),
): Promise<BootResult> {
  const result: BootResult = {
    library: null,
    scenario: start,
    entry: null,
    origin: 'start',
    notice: null,
    recovered: null,
  };
  try {
    result.library = await open();
  } catch (e) {
    result.notice = {
      text: `Saving is off: this browser does not let ScaleLab store scenarios (${(e as Error)?.message ?? e}). Your work lasts until the tab is closed; share it as a link to keep it.`,
      tone: 'warning',
      sticky: true,
    };
  }
  const library = result.library;
  if (library) {
    try {
      await library.purgeDeleted(KEEP_DELETED_MS);
      // Edits a closing tab could not save: the newest is most likely this very tab's, reloaded.
      const journaled = await recoverJournals(library, journal);
      // Else this tab's own last record, kept across reloads (sessionStorage is per tab); a
      // new tab opens the one saved last.
      const id = journaled ?? tabOpen?.get() ?? (await library.lastOpen());
      const r = id === null ? null : await library.get(id);
      if (r?.ok && r.record.deletedAt === null) {
        result.scenario = r.scenario;
        result.entry = { id: r.record.id, revision: r.record.revision };
        result.origin = 'library';
      } else if (r && !r.ok) {
        result.notice = {
          text: `Your last scenario${r.name ? ` “${r.name}”` : ''} could not be opened: ${r.error} It stays in the library; the start scenario is open instead.`,
          tone: 'warning',
          sticky: true,
        };
      }
    } catch (e) {
      result.notice = {
        text: `The library could not be read (${(e as Error)?.message ?? e}). The start scenario is open instead.`,
        tone: 'warning',
        sticky: true,
      };
    }
  }

  if (isScenarioLink(hash)) {
    // The link codec (and its deflate) loads only when a link is there to read.
    const { decodeScenarioLink } = await import('../share/shareLink.ts');
    const link = decodeScenarioLink(hash);
    if (link.ok) {
      result.scenario = { ...link.scenario, title: withSuffix(link.scenario.title, ' (shared)') };
      result.entry = null;
      result.origin = 'link';
    } else {
      result.recovered = link.recovered ?? null;
      const recovered = link.recovered
        ? ` Part of it could be read (${count(link.recovered.nodes.length, 'component')}, ${count(link.recovered.edges.length, 'connection')}).`
        : '';
      result.notice = {
        text: `${link.error}${recovered} ${result.origin === 'library' ? 'Your last work is open.' : 'The start scenario is open.'}`,
        tone: 'warning',
        sticky: true,
      };
    }
  }
  return result;
}

/**
 * Saves the edits that closing tabs left in the journal: over their record if nobody saved it
 * since, else as a copy beside it (the two-tab rule holds across a reload too).
 */
export async function recoverJournals(
  library: Library,
  storage: JournalStorage | null,
): Promise<string | null> {
  let last: string | null = null;
  for (const { journal, forget } of readJournals(storage)) {
    const j = journal as Partial<Journal> | null;
    const restored = restoreScenario(j?.doc);
    if (!restored.ok) {
      forget();
      continue;
    }
    const doc = restored.scenario;
    const entry = j?.entry;
    let id: string | null = null;
    if (entry && typeof entry.id === 'string' && typeof entry.revision === 'number') {
      const current = await library.get(entry.id);
      if (current?.ok && current.record.deletedAt === null) {
        // The asynchronous save got through after all.
        if (JSON.stringify(current.scenario) === JSON.stringify(doc)) id = entry.id;
        else if ((await library.save(entry.id, doc, entry.revision)).ok) id = entry.id;
      }
      if (id === null) id = (await library.create({ ...doc, title: withSuffix(doc.title, ' (my copy)') })).id;
    } else id = (await library.create(doc)).id;
    await library.setLastOpen(id);
    forget();
    last = id;
  }
  return last;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/**
 * The session for the page's editor. `start` is what the canvas shows when the open record is
 * deleted and nothing else is left. Once an opened link is saved as the user's own, the link
 * leaves the address bar, so a reload opens the saved work rather than a fresh copy.
 */
export function createLibrarySession(store: EditorStore, boot: BootResult, start: Scenario): LibrarySession {
  const session = new LibrarySession(
    {
      store,
      library: boot.library,
      journal: browserStorage(),
      fallback: () => start,
      dropLink: () => {
        if (isScenarioLink(location.hash))
          history.replaceState(history.state, '', `${location.pathname}${location.search}`);
      },
    },
    { entry: boot.entry, origin: boot.origin },
  );
  const tabOpen = browserTabOpen();
  session.state.subscribe((s, prev) => {
    if (s.entry?.id !== prev.entry?.id && s.entry) tabOpen?.set(s.entry.id);
  });
  const recovered = boot.recovered;
  if (boot.notice)
    session.notify(boot.notice.text, boot.notice.tone, {
      sticky: boot.notice.sticky,
      ...(recovered && {
        action: { label: 'Open what could be read', run: () => void session.openCopy(recovered, 'link') },
      }),
    });
  return session;
}
