import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WhySnapshot } from '../why/snapshot.ts';
import type { Marker, RunStatus } from './frameFormat.ts';
import type { ApplyResult } from './liveFault.ts';
import type { Speed } from './pacing.ts';

/** What a node view shows of the run: its own record, replaced only when a value changes. */
export interface NodeLive {
  up: boolean;
  /** Busy share of capacity over the last simulated second, 0–1; null for nodes that do not queue. */
  util: number | null;
  /** Waiting now. */
  queued: number;
  /** Cache hit ratio over the last second; null without a cache or look-ups. */
  hitRatio: number | null;
  /** Failures that arose here in the last second. */
  failed: number;
}

/** What an edge view shows: traffic and failures over the last simulated second. */
export interface EdgeLive {
  rate: number;
  failed: number;
  cut: boolean;
}

/**
 * The run store: the state of a live run, apart from the document (never in undo history,
 * never in a share link). Views select narrowly — a node its own id, the clock a string — so
 * a frame re-renders only what changed. The per-second history lives in `Series` (mutable
 * arrays); this store only carries its version.
 */
export interface RunState {
  status: RunStatus;
  speed: Speed;
  clockMs: number;
  durationMs: number;
  achievedSpeed: number;
  lagging: boolean;
  /** A run that stopped with an error in the worker; the document is untouched. */
  error: string | null;
  /** The document changed while running and the engine cannot apply edits live. */
  stale: boolean;
  /** The engine applies edits to a running simulation (reconfigure). */
  liveEdits: boolean;
  nodes: Readonly<Record<string, NodeLive>>;
  edges: Readonly<Record<string, EdgeLive>>;
  /** Rows changed in the series: charts redraw when this moves. */
  seriesVersion: number;
  markers: readonly Marker[];
  /** The last fault applied by a click, so it can be kept as a scheduled event. */
  lastFault: (ApplyResult & { ok: true }) | null;
  /** A short message about the run for the status line. */
  message: string | null;
  why: WhySnapshot | null;
}

export type RunStore = StoreApi<RunState>;

export const initialRunState: RunState = {
  status: 'idle',
  speed: 1,
  clockMs: 0,
  durationMs: 0,
  achievedSpeed: 0,
  lagging: false,
  error: null,
  stale: false,
  liveEdits: false,
  nodes: {},
  edges: {},
  seriesVersion: 0,
  markers: [],
  lastFault: null,
  message: null,
  why: null,
};

export function createRunStore(): RunStore {
  return createStore<RunState>()(() => ({ ...initialRunState }));
}

/** Shallow equality of two live records (they hold numbers, booleans and null only). */
export function sameRecord<T extends object>(a: T | undefined, b: T): boolean {
  if (!a) return false;
  for (const k in b) if (!Object.is(a[k], b[k])) return false;
  return true;
}
