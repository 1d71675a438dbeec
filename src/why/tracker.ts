import type { Simulation } from '../engine/index.ts';
import { BatchQuantiles, BatchRatio, type Estimate } from './batchMeans.ts';

/** The last few seconds of one node, for "what is happening now". */
export interface RecentNode {
  util: number;
  queue: number;
  /** Change of the mean queue per second over the recent window (growing when > 0). */
  queueSlope: number;
  served: number;
  failed: number;
  /** Seconds the node was up in the recent window, out of `RecentState.seconds`. */
  upSeconds: number;
}

export interface RecentState {
  seconds: number;
  nodes: Record<string, RecentNode>;
  /** Requests failed per second, recent window. */
  failedPerS: number;
  completedPerS: number;
}

const RECENT = 10;

interface NodeTrack {
  id: string;
  removed: boolean;
  time: BatchRatio;
  hits: BatchRatio;
  prevTimeSum: number;
  prevArrivals: number;
  /** Calls that arrived in the theory window. */
  arrivals: number;
  util: Float64Array;
  queue: Float64Array;
  served: Float64Array;
  failed: Float64Array;
  up: Uint8Array;
}

/**
 * Worker side: follows the measured window second by second (after warm-up) and keeps what
 * the Why panel needs — batch statistics for confidence intervals, and a short recent window
 * per node — in fixed memory. Reads the simulation in its onTick hook; never changes it.
 */
export class WhyTracker {
  private nodes: NodeTrack[] = [];
  private recentCount = 0;
  private recentHead = 0;
  private readonly recentFailed = new Float64Array(RECENT);
  private readonly recentCompleted = new Float64Array(RECENT);
  private lastTick = 0;
  /** Start of the window theory is compared over: the end of warm-up, or the last edit. */
  private windowStartMs = 0;
  /** Seconds recorded in that window. */
  private windowSeconds = 0;
  private e2eWindow = new BatchQuantiles(16);

  constructor(sim: Simulation) {
    this.relayout(sim);
    this.windowStartMs = sim.warmupMs;
  }

  /** After an edit while running the system is a different one: measure it afresh. */
  restartWindow(sim: Simulation): void {
    this.windowStartMs = Math.max(sim.warmupMs, sim.now);
    this.windowSeconds = 0;
    this.e2eWindow = new BatchQuantiles(16);
    for (const t of this.nodes) {
      t.time = new BatchRatio(32);
      t.hits = new BatchRatio(32);
      t.arrivals = 0;
    }
  }

  /** The window theory is compared over, in simulated seconds. */
  window(): { startS: number; seconds: number } {
    return { startS: this.windowStartMs / 1000, seconds: this.windowSeconds };
  }

  /** Calls per second arriving at each node in the window. */
  arrivalRates(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of this.nodes)
      if (!t.removed) out[t.id] = this.windowSeconds > 0 ? t.arrivals / this.windowSeconds : 0;
    return out;
  }

  /** The topology changed (an edit while running): keep the history of nodes that stayed. */
  relayout(sim: Simulation): void {
    const old = new Map(this.nodes.map((n) => [n.id, n]));
    this.nodes = sim.nodes.map((n) => {
      const t = old.get(n.id) ?? newTrack(n.id, n.stats.timeInNodeSum, n.stats.arrivals);
      t.removed = n.removed;
      return t;
    });
  }

  onSecond(sim: Simulation): void {
    const now = sim.now;
    const windowReset = sim.warmupMs > this.lastTick && sim.warmupMs <= now && sim.warmupMs > 0;
    this.lastTick = now;
    const measuring = now - 1000 >= Math.max(sim.warmupMs, this.windowStartMs);
    const slot = this.recentHead;
    if (measuring) {
      this.e2eWindow.add(sim.secondLatency);
      this.windowSeconds++;
    }
    let failed = 0;
    for (let c = 0; c < sim.secondFailed.length; c++) failed += sim.secondFailed[c] as number;
    this.recentFailed[slot] = failed;
    this.recentCompleted[slot] = sim.secondCompleted;
    sim.nodes.forEach((node, k) => {
      const t = this.nodes[k];
      if (!t) return;
      const s = node.stats;
      const served = s.served - s.tickServed;
      const timeSum = windowReset ? s.timeInNodeSum : s.timeInNodeSum - t.prevTimeSum;
      t.prevTimeSum = s.timeInNodeSum;
      const arrived = windowReset ? s.arrivals : s.arrivals - t.prevArrivals;
      t.prevArrivals = s.arrivals;
      if (measuring) t.arrivals += Math.max(0, arrived);
      const cap = node.capacity();
      t.util[slot] =
        cap > 0 && !windowReset ? Math.min(1, (s.busyArea - s.tickBusyArea) / (cap * 1000)) : Number.NaN;
      t.queue[slot] = cap > 0 && !windowReset ? (s.queueArea - s.tickQueueArea) / 1000 : Number.NaN;
      t.served[slot] = served;
      t.failed[slot] = s.failedTotal - s.tickFailed;
      t.up[slot] = node.up ? 1 : 0;
      if (!measuring || windowReset) return;
      if (served > 0) t.time.add(timeSum, served);
      else t.time.add(0, 0);
      if (node.hasHitRatio) t.hits.add(s.hits - s.tickHits, s.lookups - s.tickLookups);
    });
    this.recentHead = (slot + 1) % RECENT;
    if (this.recentCount < RECENT) this.recentCount++;
  }

  endToEnd(): { mean: Estimate; p99: Estimate; count: number } {
    const e = this.e2eWindow.estimate(0.99);
    return { mean: e.mean, p99: e.quantile, count: e.count };
  }

  nodeTime(): Record<string, Estimate> {
    return Object.fromEntries(this.nodes.filter((n) => !n.removed).map((n) => [n.id, n.time.estimate()]));
  }

  hitRatio(hasHitRatio: (id: string) => boolean): Record<string, Estimate> {
    const out: Record<string, Estimate> = {};
    for (const n of this.nodes) if (!n.removed && hasHitRatio(n.id)) out[n.id] = n.hits.estimate();
    return out;
  }

  recent(): RecentState {
    const k = this.recentCount;
    const nodes: Record<string, RecentNode> = {};
    // Oldest to newest indices of the ring.
    const order = Array.from({ length: k }, (_, i) => (this.recentHead - k + i + RECENT) % RECENT);
    for (const t of this.nodes) {
      if (t.removed) continue;
      const util = meanOf(order.map((i) => t.util[i] as number));
      const queues = order.map((i) => t.queue[i] as number);
      nodes[t.id] = {
        util,
        queue: meanOf(queues),
        queueSlope: slope(queues),
        served: meanOf(order.map((i) => t.served[i] as number)),
        failed: meanOf(order.map((i) => t.failed[i] as number)),
        upSeconds: order.reduce((s, i) => s + (t.up[i] as number), 0),
      };
    }
    return {
      seconds: k,
      nodes,
      failedPerS: meanOf(order.map((i) => this.recentFailed[i] as number)),
      completedPerS: meanOf(order.map((i) => this.recentCompleted[i] as number)),
    };
  }
}

function newTrack(id: string, timeSum: number, arrivals: number): NodeTrack {
  return {
    id,
    removed: false,
    time: new BatchRatio(32),
    hits: new BatchRatio(32),
    prevTimeSum: timeSum,
    prevArrivals: arrivals,
    arrivals: 0,
    util: new Float64Array(RECENT).fill(Number.NaN),
    queue: new Float64Array(RECENT).fill(Number.NaN),
    served: new Float64Array(RECENT),
    failed: new Float64Array(RECENT),
    up: new Uint8Array(RECENT),
  };
}

function meanOf(values: number[]): number {
  let s = 0;
  let n = 0;
  for (const v of values)
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  return n > 0 ? s / n : Number.NaN;
}

/** Least-squares slope per step of the finite values (NaN with fewer than 3). */
export function slope(values: number[]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  values.forEach((v, i) => {
    if (Number.isFinite(v)) {
      xs.push(i);
      ys.push(v);
    }
  });
  const n = xs.length;
  if (n < 3) return Number.NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    den += ((xs[i] as number) - mx) ** 2;
  }
  return den > 0 ? num / den : 0;
}
