import type { StateCreator } from 'zustand';
import { restoreScenario, type Scenario } from '../../scenario/index.ts';
import { insertFragment } from '../document/fragment.ts';
import { edgeIndex, nodeIndex } from '../document/graph.ts';
import * as ops from '../document/operations.ts';
import { setStandby } from '../document/standby.ts';
import { documentProblem } from '../document/validity.ts';
import type { DocumentSlice, EditorState, Result } from './types.ts';

/** How many undo steps are kept. Documents share structure, so a step costs little. */
export const HISTORY_LIMIT = 200;
/** Changes with the same key within this window merge into one undo step (typing a number). */
export const COALESCE_MS = 1000;

export interface DocumentSliceOptions {
  now?: () => number;
  /** Re-validate every committed document with `restoreScenario` (development and tests). */
  checkInvariant?: boolean;
}

export function createDocumentSlice(
  initial: Scenario,
  options: DocumentSliceOptions = {},
): StateCreator<EditorState, [], [], DocumentSlice> {
  const now = options.now ?? (() => Date.now());

  return (set, get) => {
    /** Records `next` as the new document with one undo step (or merged into the last one). */
    const commit = (next: Scenario, coalesceKey?: string, extra: Partial<EditorState> = {}) => {
      const s = get();
      if (next === s.doc) {
        if (Object.keys(extra).length > 0) set(extra);
        return;
      }
      if (options.checkInvariant) assertValid(next);
      const at = now();
      const merge =
        coalesceKey !== undefined &&
        s.gestureBase === null &&
        s.lastChange?.key === coalesceKey &&
        at - s.lastChange.at < COALESCE_MS &&
        s.past.length > 0;
      set({
        ...extra,
        doc: next,
        past: merge ? s.past : [...s.past, s.gestureBase ?? s.doc].slice(-HISTORY_LIMIT),
        future: [],
        gestureBase: null,
        lastChange: coalesceKey === undefined ? null : { key: coalesceKey, at },
      });
    };

    /** An operation's result, refused unless the whole document still restores cleanly. */
    const checked = <T extends object>(outcome: ops.Outcome<T>): ops.Outcome<T> => {
      if (!outcome.ok || outcome.doc === get().doc) return outcome;
      const problem = documentProblem(outcome.doc);
      return problem ? { ok: false, reason: problem } : outcome;
    };

    const apply = <T extends object>(outcome: ops.Outcome<T>, coalesceKey?: string): Result<T> => {
      const result = checked(outcome);
      if (!result.ok) return result;
      const { doc, ok: _ok, ...rest } = result as { ok: true; doc: Scenario } & T;
      commit(doc, coalesceKey);
      return { ok: true, ...(rest as T) };
    };

    /** Drops selected ids that no longer exist (after undo, redo or delete). */
    const pruneSelection = (doc: Scenario): Partial<EditorState> => {
      const { selectedNodes, selectedEdges, renaming } = get();
      const nodes = nodeIndex(doc.nodes);
      const edges = edgeIndex(doc.edges);
      const keptNodes = [...selectedNodes].filter((id) => nodes.has(id));
      const keptEdges = [...selectedEdges].filter((key) => edges.has(key));
      return {
        ...(keptNodes.length !== selectedNodes.size ? { selectedNodes: new Set(keptNodes) } : {}),
        ...(keptEdges.length !== selectedEdges.size ? { selectedEdges: new Set(keptEdges) } : {}),
        ...(renaming !== null && !nodes.has(renaming) ? { renaming: null } : {}),
      };
    };

    const endGesture = () => {
      const { gestureBase, doc, past } = get();
      if (gestureBase === null) return;
      set({
        gestureBase: null,
        lastChange: null,
        ...(gestureBase !== doc ? { past: [...past, gestureBase].slice(-HISTORY_LIMIT), future: [] } : {}),
      });
    };

    return {
      doc: initial,
      past: [],
      future: [],
      gestureBase: null,
      lastChange: null,
      loads: 0,

      loadScenario: (doc) => {
        if (options.checkInvariant) assertValid(doc);
        set((s) => ({
          loads: s.loads + 1,
          doc,
          past: [],
          future: [],
          gestureBase: null,
          lastChange: null,
          selectedNodes: new Set(),
          selectedEdges: new Set(),
          renaming: null,
        }));
      },

      addNode: (type, at) => {
        const outcome = checked(ops.addNode(get().doc, type, at));
        if (!outcome.ok) return outcome;
        commit(outcome.doc, undefined, { selectedNodes: new Set([outcome.id]), selectedEdges: new Set() });
        return { ok: true, id: outcome.id };
      },

      connect: (source, target) => apply(ops.connect(get().doc, source, target)),

      updateConfig: (id, patch, coalesceKey) => apply(ops.updateConfig(get().doc, id, patch), coalesceKey),

      renameNode: (id, label) => apply(ops.setLabel(get().doc, id, label)),

      setEdgeLatency: (key, latencyMs, coalesceKey) =>
        apply(ops.setEdgeLatency(get().doc, key, latencyMs), coalesceKey),

      setStandby: (activeId, standbyId) => apply(setStandby(get().doc, activeId, standbyId)),

      updateSettings: (patch, coalesceKey) => apply(ops.updateSettings(get().doc, patch), coalesceKey),

      moveNodes: (positions, { gesture = false } = {}) => {
        const s = get();
        const next = ops.moveNodes(s.doc, positions);
        if (gesture) {
          if (next !== s.doc) set({ doc: next, gestureBase: s.gestureBase ?? s.doc });
          return;
        }
        if (s.gestureBase !== null) {
          if (next !== s.doc) set({ doc: next });
          endGesture();
          return;
        }
        commit(next, `move:${[...positions.keys()].sort().join(',')}`);
      },

      endGesture,

      removeElements: (nodeIds, edgeKeys) => {
        const outcome = checked(ops.removeElements(get().doc, nodeIds, edgeKeys));
        if (!outcome.ok) return outcome;
        commit(outcome.doc);
        set(pruneSelection(outcome.doc));
        return { ok: true, removed: outcome.removed };
      },

      insertFragment: (fragment, offset) => {
        const outcome = checked(insertFragment(get().doc, fragment, offset));
        if (!outcome.ok) return outcome;
        commit(outcome.doc, undefined, { selectedNodes: new Set(outcome.ids), selectedEdges: new Set() });
        return { ok: true, ids: outcome.ids };
      },

      addEvent: (event) => {
        const { doc } = get();
        const events = [...doc.events, event].sort((a, b) => a.at - b.at);
        return apply({ ok: true, doc: { ...doc, events } });
      },

      undo: () => {
        endGesture();
        const { past, future, doc } = get();
        const previous = past.at(-1);
        if (!previous) return false;
        set({ doc: previous, past: past.slice(0, -1), future: [...future, doc], lastChange: null });
        set(pruneSelection(previous));
        return true;
      },

      redo: () => {
        endGesture();
        const { past, future, doc } = get();
        const next = future.at(-1);
        if (!next) return false;
        set({ doc: next, past: [...past, doc], future: future.slice(0, -1), lastChange: null });
        set(pruneSelection(next));
        return true;
      },
    };
  };
}

function assertValid(doc: Scenario): void {
  const result = restoreScenario(doc);
  if (!result.ok) throw new Error(`The editor produced an invalid scenario:\n${result.error}`);
}
