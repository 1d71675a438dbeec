import type { Simulation } from '../engine/index.ts';
import {
  CAUSES,
  type Frame,
  G,
  GLOBAL_COLUMNS,
  L,
  type Layout,
  LINK_COLUMNS,
  LIVE_LINK_COLUMNS,
  LIVE_NODE_COLUMNS,
  LN,
  linkKey,
  type Marker,
  N,
  NODE_COLUMNS,
  type RowBlock,
  type RunStatus,
} from './frameFormat.ts';

const QS = [0.5, 0.95, 0.99] as const;
const GC = GLOBAL_COLUMNS.length;
const NC = NODE_COLUMNS.length;
const LC = LINK_COLUMNS.length;
const CC = CAUSES.length;

/** A growing column block for one layout; copied out (exact size) when a frame is taken. */
class BlockBuffer {
  rows = 0;
  global: Float64Array;
  causes: Float64Array;
  nodes: Float32Array;
  links: Float32Array;

  constructor(
    readonly layout: Layout,
    capacity = 8,
  ) {
    this.global = new Float64Array(capacity * GC);
    this.causes = new Float64Array(capacity * CC);
    this.nodes = new Float32Array(capacity * layout.nodeIds.length * NC);
    this.links = new Float32Array(capacity * layout.linkKeys.length * LC);
  }

  /** Room for one more row; returns its index. */
  grow(): number {
    const capacity = this.global.length / GC;
    if (this.rows === capacity) {
      const next = capacity * 2;
      this.global = enlarge(this.global, next * GC);
      this.causes = enlarge(this.causes, next * CC);
      this.nodes = enlarge(this.nodes, next * this.layout.nodeIds.length * NC);
      this.links = enlarge(this.links, next * this.layout.linkKeys.length * LC);
    }
    return this.rows++;
  }

  /** The rows so far as a transferable block (fresh buffers), and start over. */
  take(): RowBlock {
    const n = this.layout.nodeIds.length;
    const l = this.layout.linkKeys.length;
    const block: RowBlock = {
      layout: this.layout.id,
      rows: this.rows,
      global: this.global.slice(0, this.rows * GC),
      causes: this.causes.slice(0, this.rows * CC),
      nodes: this.nodes.slice(0, this.rows * n * NC),
      links: this.links.slice(0, this.rows * l * LC),
    };
    this.rows = 0;
    return block;
  }
}

function enlarge<T extends Float64Array | Float32Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

/**
 * Worker side: turns the engine's per-second counters (read in its `onTick` hook, before they
 * reset) into rows, and the run's state into frames. It reads the simulation and never
 * changes it, so the rows are the same however the run is sliced or paced.
 */
export class FrameBuilder {
  private layout: Layout | null = null;
  private nextLayoutId = 1;
  private block: BlockBuffer | null = null;
  private readonly done: RowBlock[] = [];
  private readonly newLayouts: Layout[] = [];
  private markers: Marker[] = [];
  private seq = 0;
  private error: string | null = null;
  // Counters the engine keeps no per-second snapshot of.
  private prevGenerated = 0;
  /** Where each layout position lives in `sim.nodes` / `sim.links` (removed ones are skipped). */
  private nodeAt: number[] = [];
  private linkAt: number[] = [];

  get currentLayout(): Layout | null {
    return this.layout;
  }

  /** A new simulation (load, reset) or a new topology (reconfigure): rows from now use it. */
  setLayout(sim: Simulation, fresh: boolean): Layout {
    this.flush();
    // An edit while running leaves removed nodes and edges in the engine's arrays, silent.
    this.nodeAt = [];
    sim.nodes.forEach((n, i) => {
      if (!n.removed) this.nodeAt.push(i);
    });
    this.linkAt = [];
    sim.links.forEach((l, i) => {
      if (!l.removed) this.linkAt.push(i);
    });
    const nodes = this.nodeAt.map((i) => sim.nodes[i] as Simulation['nodes'][number]);
    const links = this.linkAt.map((i) => sim.links[i] as Simulation['links'][number]);
    const layout: Layout = {
      id: this.nextLayoutId++,
      nodeIds: nodes.map((n) => n.id),
      nodeTypes: nodes.map((n) => n.kind),
      capacities: nodes.map((n) => n.capacity()),
      linkKeys: links.map((l) => linkKey(l.source.id, l.target.id)),
    };
    if (fresh) this.prevGenerated = 0;
    this.layout = layout;
    this.newLayouts.push(layout);
    this.block = new BlockBuffer(layout);
    return layout;
  }

  /** Forget everything not yet taken (a reset or a new scenario). */
  clear(): void {
    this.done.length = 0;
    this.markers = [];
    this.error = null;
    if (this.block) this.block.rows = 0;
  }

  mark(marker: Marker): void {
    this.markers.push(marker);
  }

  fail(message: string): void {
    this.error = message;
  }

  /** The engine's onTick: one row for the second that ends now. */
  record(sim: Simulation): void {
    const block = this.block;
    const layout = this.layout;
    if (!block || !layout) return;
    const r = block.grow();
    const now = sim.now;

    const g = block.global;
    const o = r * GC;
    const hist = sim.secondLatency;
    const [p50, p95, p99] = hist.quantiles(QS) as [number, number, number];
    let failed = 0;
    for (let c = 0; c < CC; c++) {
      const v = sim.secondFailed[c] as number;
      block.causes[r * CC + c] = v;
      failed += v;
    }
    g[o + G.t] = now / 1000;
    g[o + G.generated] = sim.allGenerated - this.prevGenerated;
    this.prevGenerated = sim.allGenerated;
    g[o + G.completed] = sim.secondCompleted;
    g[o + G.failed] = failed;
    g[o + G.mean] = hist.count > 0 ? hist.mean() : Number.NaN;
    g[o + G.p50] = hist.count > 0 ? p50 : Number.NaN;
    g[o + G.p95] = hist.count > 0 ? p95 : Number.NaN;
    g[o + G.p99] = hist.count > 0 ? p99 : Number.NaN;
    g[o + G.max] = hist.count > 0 ? hist.max : Number.NaN;
    g[o + G.inFlight] = sim.inFlightAll;

    const nodes = sim.nodes;
    const nn = layout.nodeIds.length;
    const nb = block.nodes;
    for (let k = 0; k < nn; k++) {
      const node = nodes[this.nodeAt[k] as number];
      if (!node) continue;
      const s = node.stats;
      const j = (r * nn + k) * NC;
      const cap = node.capacity();
      const served = s.served - s.tickServed;
      // Per second, whether or not warm-up ended inside it (see NodeStats.resetWindow).
      const timeSum = s.timeInNodeSum - s.tickTimeInNode;
      const lookups = s.lookups - s.tickLookups;
      nb[j + N.util] = cap > 0 ? clamp01((s.busyArea - s.tickBusyArea) / (cap * 1000)) : Number.NaN;
      // A broker keeps its depth in the same statistic, though it has no workers of its own.
      const queues = cap > 0 || node.kind === 'queue';
      nb[j + N.queue] = queues ? Math.max(0, (s.queueArea - s.tickQueueArea) / 1000) : Number.NaN;
      nb[j + N.served] = Math.max(0, served);
      nb[j + N.failed] = Math.max(0, s.failedTotal - s.tickFailed);
      nb[j + N.timeMs] = served > 0 ? timeSum / served : Number.NaN;
      nb[j + N.hitRatio] = node.hasHitRatio && lookups > 0 ? (s.hits - s.tickHits) / lookups : Number.NaN;
      nb[j + N.up] = node.up ? 1 : 0;
    }

    const links = sim.links;
    const nl = layout.linkKeys.length;
    const lb = block.links;
    for (let i = 0; i < nl; i++) {
      const link = links[this.linkAt[i] as number];
      if (!link) continue;
      const j = (r * nl + i) * LC;
      lb[j + L.sent] = link.sent - link.tickSent;
      lb[j + L.failed] = link.failed - link.tickFailed;
    }
  }

  /** Close the current block (its rows go into the next frame) and keep filling a new one. */
  private flush(): void {
    const block = this.block;
    if (block && block.rows > 0) this.done.push(block.take());
  }

  /**
   * Everything since the last frame, or null when nothing changed that the page would draw
   * (no new second, no marker, same clock and status).
   */
  take(
    sim: Simulation | null,
    state: { status: RunStatus; achievedSpeed: number; lagging: boolean },
    force = false,
  ): Frame | null {
    this.flush();
    const layout = this.layout;
    const nowMs = sim?.now ?? 0;
    if (
      !force &&
      this.done.length === 0 &&
      this.markers.length === 0 &&
      this.newLayouts.length === 0 &&
      this.error === null &&
      this.lastFrame !== null &&
      this.lastFrame.status === state.status &&
      this.lastFrame.nowMs === nowMs &&
      this.lastFrame.lagging === state.lagging
    )
      return null;
    const nn = layout?.nodeIds.length ?? 0;
    const nl = layout?.linkKeys.length ?? 0;
    const liveNodes = new Float32Array(nn * LIVE_NODE_COLUMNS.length);
    const liveLinks = new Uint8Array(nl * LIVE_LINK_COLUMNS.length);
    if (sim && layout) {
      for (let k = 0; k < nn; k++) {
        const node = sim.nodes[this.nodeAt[k] as number];
        if (!node) continue;
        const j = k * LIVE_NODE_COLUMNS.length;
        liveNodes[j + LN.up] = node.up ? 1 : 0;
        liveNodes[j + LN.busy] = node.stats.busy;
        liveNodes[j + LN.queued] = node.stats.queued;
      }
      for (let i = 0; i < nl; i++) liveLinks[i] = sim.links[this.linkAt[i] as number]?.cut ? 1 : 0;
    }
    const frame: Frame = {
      seq: ++this.seq,
      status: state.status,
      nowMs,
      durationMs: sim?.durationMs ?? 0,
      achievedSpeed: state.achievedSpeed,
      lagging: state.lagging,
      layouts: this.newLayouts.splice(0),
      blocks: this.done.splice(0),
      layout: layout?.id ?? 0,
      liveNodes,
      liveLinks,
      markers: this.markers,
      error: this.error,
    };
    this.markers = [];
    this.error = null;
    this.lastFrame = { status: state.status, nowMs, lagging: state.lagging };
    return frame;
  }

  private lastFrame: { status: RunStatus; nowMs: number; lagging: boolean } | null = null;
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
