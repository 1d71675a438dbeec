import type { Scenario } from '../scenario/index.ts';

/**
 * The last edits of a tab that is closing or reloading, written synchronously to
 * localStorage on page hide: an IndexedDB write that needs a read first (the revision check)
 * cannot finish once the page is gone. The next boot writes them to the library.
 */
const PREFIX = 'scalelab:unsaved:';

export interface Journal {
  /** The record the edits belong to, and the revision they build on; null for a new one. */
  entry: { id: string; revision: number } | null;
  doc: Scenario;
  at: number;
}

export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export function browserStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function writeJournal(storage: JournalStorage | null, tabId: string, journal: Journal): void {
  try {
    storage?.setItem(PREFIX + tabId, JSON.stringify(journal));
  } catch {
    // Full or forbidden: the asynchronous save is then the only try.
  }
}

export function clearJournal(storage: JournalStorage | null, tabId: string): void {
  try {
    storage?.removeItem(PREFIX + tabId);
  } catch {
    // Nothing to do.
  }
}

/** Every journal left by closed tabs, oldest first, each with the function that forgets it. */
export function readJournals(storage: JournalStorage | null): { journal: unknown; forget: () => void }[] {
  if (!storage) return [];
  const found: { journal: unknown; at: number; forget: () => void }[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    let journal: unknown = null;
    try {
      journal = JSON.parse(storage.getItem(key) ?? 'null');
    } catch {
      // Damaged: forgotten below like any other once read.
    }
    const at = (journal as { at?: unknown } | null)?.at;
    found.push({ journal, at: typeof at === 'number' ? at : 0, forget: () => storage.removeItem(key) });
  }
  return found.sort((a, b) => a.at - b.at);
}
