/**
 * The wire format between the run worker and the page: compact frames of typed arrays,
 * transferred (not copied) once per animation frame at most.
 *
 * A frame carries every simulated second that ended since the previous frame, as rows of
 * fixed columns, plus the instantaneous state of the run (clock, status, each node's up/down,
 * busy workers, queue now). Columns are described by name in the tables below: adding a
 * series (a CDN's hit ratio, a queue's job lag) is one entry here and one line in
 * `frameBuilder.ts`; the page's series store and charts find it by name.
 */

/** Per simulated second, for the whole system. */
export const GLOBAL_COLUMNS = [
  /** End of the second, simulated seconds. */
  't',
  /** Requests started in the second (offered load). */
  'generated',
  /** Requests answered successfully. */
  'completed',
  /** Requests that failed, all causes. */
  'failed',
  /** End-to-end latency of the second's completions, ms. */
  'mean',
  'p50',
  'p95',
  'p99',
  'max',
  /** Requests in flight at the end of the second. */
  'inFlight',
] as const;
export type GlobalColumn = (typeof GLOBAL_COLUMNS)[number];

/** Per node per simulated second. NaN where a value does not apply (no cache, no work). */
export const NODE_COLUMNS = [
  /** Busy share of capacity, 0–1. */
  'util',
  /** Mean number waiting for a worker. */
  'queue',
  /** Calls finished successfully. */
  'served',
  /** Failures that arose at the node. */
  'failed',
  /** Mean time a call spent at the node, ms (NaN when none finished). For a queue: publish →
   * done, the job lag. */
  'timeMs',
  /** Hits ÷ look-ups of the node's cache (NaN when it has none or nothing was looked up). */
  'hitRatio',
  /** 1 up, 0 down, at the end of the second. */
  'up',
] as const;
export type NodeColumn = (typeof NODE_COLUMNS)[number];

/** Per edge per simulated second. */
export const LINK_COLUMNS = ['sent', 'failed'] as const;
export type LinkColumn = (typeof LINK_COLUMNS)[number];

/** Instantaneous per node, at the frame's clock. */
export const LIVE_NODE_COLUMNS = ['up', 'busy', 'queued'] as const;
/** Instantaneous per edge: 1 when cut. */
export const LIVE_LINK_COLUMNS = ['cut'] as const;

export const G = indexOf(GLOBAL_COLUMNS);
export const N = indexOf(NODE_COLUMNS);
export const L = indexOf(LINK_COLUMNS);
export const LN = indexOf(LIVE_NODE_COLUMNS);

/** Causes of failure, in the engine's order (a copy, so the page need not load the engine). */
export const CAUSES = [
  'node-down',
  'crash',
  'queue-full',
  'timeout',
  'no-backend',
  'edge-cut',
  'no-route',
] as const;
export type CauseName = (typeof CAUSES)[number];

/** The topology the rows of a block refer to. A new one is sent when the run is (re)configured. */
export interface Layout {
  id: number;
  nodeIds: string[];
  nodeTypes: string[];
  /** Workers (or other units of capacity) per node; 0 for nodes that do not queue. */
  capacities: number[];
  /** Edge keys `source>target`, as the editor names edges. */
  linkKeys: string[];
}

/** Rows of consecutive seconds sharing one layout. */
export interface RowBlock {
  layout: number;
  rows: number;
  /** rows × GLOBAL_COLUMNS.length */
  global: Float64Array;
  /** rows × CAUSES.length */
  causes: Float64Array;
  /** rows × nodes × NODE_COLUMNS.length */
  nodes: Float32Array;
  /** rows × links × LINK_COLUMNS.length */
  links: Float32Array;
}

export type MarkerKind = 'fault' | 'recovery' | 'edit';

/** Something that happened to the run: drawn as a labelled vertical line on the charts. */
export interface Marker {
  /** Simulated seconds. */
  t: number;
  kind: MarkerKind;
  label: string;
}

export type RunStatus = 'idle' | 'running' | 'paused' | 'finished' | 'error';

export interface Frame {
  seq: number;
  status: RunStatus;
  /** Simulated clock, ms. */
  nowMs: number;
  durationMs: number;
  /** Simulated ms per wall ms over the last second of running (0 when paused). */
  achievedSpeed: number;
  /** The worker could not keep up with the chosen speed over the last second. */
  lagging: boolean;
  /** Layouts first used in this frame (the page keeps them by id). */
  layouts: Layout[];
  blocks: RowBlock[];
  /** The current layout's id and its instantaneous state. */
  layout: number;
  /** nodes × LIVE_NODE_COLUMNS.length */
  liveNodes: Float32Array;
  /** links × LIVE_LINK_COLUMNS.length */
  liveLinks: Uint8Array;
  markers: Marker[];
  /** Set once when the run failed inside the worker. */
  error: string | null;
}

/** The buffers of a frame, for Comlink.transfer. */
export function transferablesOf(frame: Frame): ArrayBuffer[] {
  const out: ArrayBuffer[] = [frame.liveNodes.buffer as ArrayBuffer, frame.liveLinks.buffer as ArrayBuffer];
  for (const b of frame.blocks)
    out.push(
      b.global.buffer as ArrayBuffer,
      b.causes.buffer as ArrayBuffer,
      b.nodes.buffer as ArrayBuffer,
      b.links.buffer as ArrayBuffer,
    );
  return out;
}

/** `source>target`: the editor's name for an edge. */
export function linkKey(source: string, target: string): string {
  return `${source}>${target}`;
}

function indexOf<const T extends readonly string[]>(names: T): { readonly [K in T[number]]: number } {
  return Object.fromEntries(names.map((n, i) => [n, i])) as { [K in T[number]]: number };
}
