import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Components the editor must not let the learner change: an exercise locks some of its nodes
 * (the grader checks the locks anyway; this says so where the change would be made). `all`:
 * no setting may change and the component may not be deleted; otherwise `reason` names what
 * is locked and the component may still be edited (the rest of it).
 */
export interface EditLock {
  all: boolean;
  reason: string;
}

export const editLocks = createStore<{ locked: ReadonlyMap<string, EditLock> }>()(() => ({
  locked: new Map(),
}));

export function setEditLocks(locked: ReadonlyMap<string, EditLock>): void {
  editLocks.setState({ locked });
}

export function useEditLock(id: string): EditLock | undefined {
  return useStore(editLocks, (s) => s.locked.get(id));
}

/** The ids among these that may not be deleted. */
export function undeletable(ids: Iterable<string>): string[] {
  const locked = editLocks.getState().locked;
  return [...ids].filter((id) => locked.get(id)?.all);
}
