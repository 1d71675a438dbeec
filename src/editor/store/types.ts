import type { NodeType, Scenario, ScenarioEvent } from '../../scenario/index.ts';
import type { Removal, ScenarioSettings, XY } from '../document/operations.ts';
import type { Size } from '../document/tidy.ts';

/** What a store command answers: done (with extras), or refused with a reason for the student. */
export type Result<T = object> = ({ ok: true } & T) | { ok: false; reason: string };

/**
 * The scenario document and its history. Only document changes are undoable; selection,
 * viewport and panel state live in the other slices and never enter the history.
 */
export interface DocumentSlice {
  doc: Scenario;
  past: readonly Scenario[];
  future: readonly Scenario[];
  /** The document as it was when a gesture (a drag) started; null when none is in progress. */
  gestureBase: Scenario | null;
  /** The last recorded change, so a burst of typing in one field becomes one undo step. */
  lastChange: { key: string; at: number } | null;

  /** Bumped by every `loadScenario`: the canvas fits its view to a newly opened scenario. */
  loads: number;
  /** Replaces the document and forgets the history (opening another scenario). */
  loadScenario(doc: Scenario): void;
  addNode(type: NodeType, at: XY): Result<{ id: string }>;
  connect(source: string, target: string): Result;
  updateConfig(id: string, patch: Record<string, unknown>, coalesceKey?: string): Result;
  renameNode(id: string, label: string): Result;
  setEdgeLatency(key: string, latencyMs: number, coalesceKey?: string): Result;
  /** Makes `standbyId` the standby balancer of `activeId` (a pair edge), or removes it (null). */
  setStandby(activeId: string, standbyId: string | null): Result;
  updateSettings(patch: Partial<ScenarioSettings>, coalesceKey?: string): Result;
  /** Moves nodes. During a drag (`gesture: true`) no undo step is recorded until `endGesture`. */
  moveNodes(positions: ReadonlyMap<string, XY>, options?: { gesture?: boolean }): void;
  endGesture(): void;
  removeElements(nodeIds: Iterable<string>, edgeKeys: Iterable<string>): Result<{ removed: Removal }>;
  insertFragment(fragment: Scenario, offset: XY): Result<{ ids: string[] }>;
  /** Schedules an event (a fault kept from a live run), checked like every other edit. */
  addEvent(event: ScenarioEvent): Result;
  undo(): boolean;
  redo(): boolean;
}

export interface SelectionSlice {
  selectedNodes: ReadonlySet<string>;
  /** Edge keys (`source>target`). */
  selectedEdges: ReadonlySet<string>;
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  /** Applies React Flow's select changes (click, shift-click, box select). */
  applySelectChanges(kind: 'nodes' | 'edges', changes: readonly { id: string; selected: boolean }[]): void;
  selectAll(): void;
  clearSelection(): void;
}

export type NoticeTone = 'info' | 'success' | 'warning';

export interface Notice {
  id: number;
  message: string;
  tone: NoticeTone;
}

export interface UiSlice {
  notice: Notice | null;
  notify(message: string, tone?: NoticeTone): void;
  dismissNotice(id?: number): void;
  helpOpen: boolean;
  setHelpOpen(open: boolean): void;
  resultsOpen: boolean;
  setResultsOpen(open: boolean): void;
  /** Node sizes measured by React Flow: view state, needed to hand nodes back to it. */
  measured: ReadonlyMap<string, Size>;
  setMeasured(sizes: readonly (readonly [string, Size])[]): void;
  /** The node whose label is being edited in place, if any. */
  renaming: string | null;
  setRenaming(id: string | null): void;
}

export type EditorState = DocumentSlice & SelectionSlice & UiSlice;
