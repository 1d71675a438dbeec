import type { StateCreator } from 'zustand';
import { edgeKey } from '../document/graph.ts';
import type { EditorState, SelectionSlice } from './types.ts';

const same = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && [...a].every((x) => b.has(x));

export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set, get) => ({
  selectedNodes: new Set(),
  selectedEdges: new Set(),

  select: (nodes, edges = []) => set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edges) }),

  applySelectChanges: (kind, changes) => {
    if (changes.length === 0) return;
    const key = kind === 'nodes' ? 'selectedNodes' : 'selectedEdges';
    const current = get()[key];
    const next = new Set(current);
    for (const c of changes) {
      if (c.selected) next.add(c.id);
      else next.delete(c.id);
    }
    // A new Set on every call would re-render every subscriber; keep the old one when equal.
    if (!same(current, next)) set({ [key]: next });
  },

  selectAll: () => {
    const { doc } = get();
    set({
      selectedNodes: new Set(doc.nodes.map((n) => n.id)),
      selectedEdges: new Set(doc.edges.map(edgeKey)),
    });
  },

  clearSelection: () => {
    const { selectedNodes, selectedEdges } = get();
    if (selectedNodes.size > 0 || selectedEdges.size > 0)
      set({ selectedNodes: new Set(), selectedEdges: new Set() });
  },
});
