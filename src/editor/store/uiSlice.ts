import type { StateCreator } from 'zustand';
import type { EditorState, UiSlice } from './types.ts';

let noticeIds = 0;

export const createUiSlice: StateCreator<EditorState, [], [], UiSlice> = (set, get) => ({
  notice: null,
  notify: (message, tone = 'info') => set({ notice: { id: ++noticeIds, message, tone } }),
  dismissNotice: (id) => {
    const { notice } = get();
    if (notice && (id === undefined || notice.id === id)) set({ notice: null });
  },

  helpOpen: false,
  setHelpOpen: (helpOpen) => set({ helpOpen }),

  resultsOpen: false,
  setResultsOpen: (resultsOpen) => set({ resultsOpen }),

  measured: new Map(),
  setMeasured: (sizes) => {
    const current = get().measured;
    const changed = sizes.filter(([id, size]) => {
      const old = current.get(id);
      return !old || old.width !== size.width || old.height !== size.height;
    });
    if (changed.length === 0) return;
    const next = new Map(current);
    for (const [id, size] of changed) next.set(id, size);
    set({ measured: next });
  },

  renaming: null,
  setRenaming: (renaming) => set({ renaming }),
});
