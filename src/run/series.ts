import {
  CAUSES,
  G,
  GLOBAL_COLUMNS,
  type GlobalColumn,
  L,
  type Layout,
  LINK_COLUMNS,
  type LinkColumn,
  N,
  NODE_COLUMNS,
  type NodeColumn,
  type RowBlock,
} from './frameFormat.ts';

const GC = GLOBAL_COLUMNS.length;
const NC = NODE_COLUMNS.length;
const LC = LINK_COLUMNS.length;
const CC = CAUSES.length;

/** Latency columns merge weighted by completions; the rest are per-second means. */
const LATENCY = new Set<GlobalColumn>(['mean', 'p50', 'p95', 'p99']);

export interface NodeSeries {
  id: string;
  type: string;
  capacity: number;
  cols: Record<NodeColumn, Float32Array>;
}

export interface LinkSeries {
  key: string;
  cols: Record<LinkColumn, Float32Array>;
}

/**
 * The page's copy of a run's per-second history, column by column, in fixed memory: when it
 * fills, neighbouring rows merge and each row covers twice the time (as the engine's timeline
 * does), so an hour-long run costs what a two-minute one does. Nodes and edges are kept by id,
 * so an edit while running (a node added, one removed) keeps every series in place. Plain
 * mutable arrays, never in a React store: charts read them when the version changes.
 */
export class Series {
  /** Rows stored. */
  length = 0;
  /** Seconds per row. */
  step = 1;
  /** Bumped whenever rows change. */
  version = 0;
  readonly global: Record<GlobalColumn, Float64Array>;
  readonly causes: Float64Array[];
  readonly nodes = new Map<string, NodeSeries>();
  readonly links = new Map<string, LinkSeries>();
  /** Seconds gathered into the last row while step > 1. */
  private partial = 0;

  constructor(readonly capacity = 4096) {
    if (capacity % 2 !== 0) throw new RangeError('capacity must be even');
    this.global = Object.fromEntries(
      GLOBAL_COLUMNS.map((c) => [c, new Float64Array(capacity).fill(Number.NaN)]),
    ) as Record<GlobalColumn, Float64Array>;
    this.causes = CAUSES.map(() => new Float64Array(capacity).fill(Number.NaN));
  }

  clear(): void {
    for (const c of GLOBAL_COLUMNS) this.global[c].fill(Number.NaN);
    for (const c of this.causes) c.fill(Number.NaN);
    this.nodes.clear();
    this.links.clear();
    this.length = 0;
    this.step = 1;
    this.partial = 0;
    this.version++;
  }

  /** Last simulated second covered (0 when empty). */
  get lastT(): number {
    return this.length > 0 ? (this.global.t[this.length - 1] as number) : 0;
  }

  append(block: RowBlock, layout: Layout): void {
    const nodes = layout.nodeIds.map((id, k) =>
      this.nodeSeries(id, layout.nodeTypes[k] ?? '', layout.capacities[k] ?? 0),
    );
    const links = layout.linkKeys.map((key) => this.linkSeries(key));
    const nn = nodes.length;
    const nl = links.length;
    const presentNodes = new Set(nodes);
    const presentLinks = new Set(links);
    for (let r = 0; r < block.rows; r++) {
      if (this.partial === 0 && this.length === this.capacity) this.halve();
      const i = this.partial === 0 ? this.length : this.length - 1;
      const w = this.partial; // seconds already in row i
      const completedBefore = w === 0 ? 0 : (this.global.completed[i] as number) * w;
      const completedNow = block.global[r * GC + G.completed] as number;
      for (let c = 0; c < GC; c++) {
        const name = GLOBAL_COLUMNS[c] as GlobalColumn;
        const v = block.global[r * GC + c] as number;
        const col = this.global[name];
        if (w === 0 || name === 't') col[i] = v;
        else if (name === 'max') col[i] = maxOf(col[i] as number, v);
        else if (LATENCY.has(name)) col[i] = weighted(col[i] as number, completedBefore, v, completedNow);
        else col[i] = meanStep(col[i] as number, w, v);
      }
      for (let c = 0; c < CC; c++) {
        const col = this.causes[c] as Float64Array;
        const v = block.causes[r * CC + c] as number;
        col[i] = w === 0 ? v : meanStep(col[i] as number, w, v);
      }
      for (let k = 0; k < nn; k++) {
        const s = nodes[k] as NodeSeries;
        for (let c = 0; c < NC; c++) {
          const col = s.cols[NODE_COLUMNS[c] as NodeColumn];
          const v = block.nodes[(r * nn + k) * NC + c] as number;
          col[i] = w === 0 ? v : meanStep(col[i] as number, w, v);
        }
      }
      for (let k = 0; k < nl; k++) {
        const s = links[k] as LinkSeries;
        for (let c = 0; c < LC; c++) {
          const col = s.cols[LINK_COLUMNS[c] as LinkColumn];
          const v = block.links[(r * nl + k) * LC + c] as number;
          col[i] = w === 0 ? v : meanStep(col[i] as number, w, v);
        }
      }
      // Nodes and edges missing from this layout (removed by an edit) have no value here.
      if (w === 0) {
        for (const s of this.nodes.values())
          if (!presentNodes.has(s)) for (const c of NODE_COLUMNS) s.cols[c][i] = Number.NaN;
        for (const s of this.links.values())
          if (!presentLinks.has(s)) for (const c of LINK_COLUMNS) s.cols[c][i] = Number.NaN;
        this.length++;
      }
      this.partial = w + 1 === this.step ? 0 : w + 1;
    }
    this.version++;
  }

  /** Index range [from, to) of rows whose time lies in (t0, t1]. */
  range(t0: number, t1: number): [number, number] {
    const t = this.global.t;
    let from = 0;
    let hi = this.length;
    while (from < hi) {
      const mid = (from + hi) >> 1;
      if ((t[mid] as number) <= t0) from = mid + 1;
      else hi = mid;
    }
    let to = from;
    hi = this.length;
    while (to < hi) {
      const mid = (to + hi) >> 1;
      if ((t[mid] as number) <= t1) to = mid + 1;
      else hi = mid;
    }
    return [from, to];
  }

  private nodeSeries(id: string, type: string, capacity: number): NodeSeries {
    let s = this.nodes.get(id);
    if (!s) {
      s = {
        id,
        type,
        capacity,
        cols: Object.fromEntries(
          NODE_COLUMNS.map((c) => [c, new Float32Array(this.capacity).fill(Number.NaN)]),
        ) as Record<NodeColumn, Float32Array>,
      };
      this.nodes.set(id, s);
    } else {
      s.type = type;
      s.capacity = capacity;
    }
    return s;
  }

  private linkSeries(key: string): LinkSeries {
    let s = this.links.get(key);
    if (!s) {
      s = {
        key,
        cols: Object.fromEntries(
          LINK_COLUMNS.map((c) => [c, new Float32Array(this.capacity).fill(Number.NaN)]),
        ) as Record<LinkColumn, Float32Array>,
      };
      this.links.set(key, s);
    }
    return s;
  }

  /** Merge neighbouring rows: half the rows, twice the step. */
  private halve(): void {
    const half = this.length / 2;
    const g = this.global;
    for (let i = 0; i < half; i++) {
      const a = 2 * i;
      const b = a + 1;
      const na = g.completed[a] as number;
      const nb = g.completed[b] as number;
      for (const name of GLOBAL_COLUMNS) {
        const col = g[name];
        if (name === 't') col[i] = col[b] as number;
        else if (name === 'max') col[i] = maxOf(col[a] as number, col[b] as number);
        else if (LATENCY.has(name)) col[i] = weighted(col[a] as number, na, col[b] as number, nb);
        else col[i] = mean2(col[a] as number, col[b] as number);
      }
      for (const col of this.causes) col[i] = mean2(col[a] as number, col[b] as number);
      for (const s of this.nodes.values())
        for (const c of NODE_COLUMNS) s.cols[c][i] = mean2(s.cols[c][a] as number, s.cols[c][b] as number);
      for (const s of this.links.values())
        for (const c of LINK_COLUMNS) s.cols[c][i] = mean2(s.cols[c][a] as number, s.cols[c][b] as number);
    }
    for (const name of GLOBAL_COLUMNS) g[name].fill(Number.NaN, half);
    for (const col of this.causes) col.fill(Number.NaN, half);
    for (const s of this.nodes.values()) for (const c of NODE_COLUMNS) s.cols[c].fill(Number.NaN, half);
    for (const s of this.links.values()) for (const c of LINK_COLUMNS) s.cols[c].fill(Number.NaN, half);
    this.length = half;
    this.step *= 2;
  }
}

/** Mean of two values, ignoring a missing one (a gap stays a gap only if both are gaps). */
function mean2(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return (a + b) / 2;
}

/** Running mean: `w` values averaged into `avg`, plus `v`. */
function meanStep(avg: number, w: number, v: number): number {
  if (Number.isNaN(avg)) return v;
  if (Number.isNaN(v)) return avg;
  return (avg * w + v) / (w + 1);
}

function weighted(a: number, na: number, b: number, nb: number): number {
  if (Number.isNaN(a) || na === 0) return b;
  if (Number.isNaN(b) || nb === 0) return a;
  return (a * na + b * nb) / (na + nb);
}

function maxOf(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}

/** Index of a node column, for readers of raw blocks. */
export const NODE_COL = N;
export const LINK_COL = L;
