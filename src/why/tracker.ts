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
  time: BatchRatio;
  hits: BatchRatio;
  prevTimeSum: number;
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
  private readonly e2e = new BatchQuantiles(16);
  private recentCount = 0;
  private recentHead = 0;
  private readonly recentFailed = new Float64Array(RECENT);
  private readonly recentCompleted = new Float64Array(RECENT);
  private lastTick = 0;

  constructor(sim: Simulation) {
    this.relayout(sim);
  }

  /** The topology changed (an edit while running): keep the history of nodes that stayed. */
  relayout(sim: Simulation): void {
    const old = new Map(this.nodes.map((n) => [n.id, n]));
    this.nodes = sim.nodes.map((n) => old.get(n.id) ?? newTrack(n.id, n.stats.timeInNodeSum));
  }

  onSecond(sim: Simulation): void {
    const now = sim.now;
    const windowReset = sim.warmupMs > this.lastTick && sim.warmupMs <= now && sim.warmupMs > 0;
    this.lastTick = now;
    const measuring = now - 1000 >= sim.warmupMs;
    const slot = this.recentHead;
    if (measuring) this.e2e.add(sim.secondLatency);
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
    const e = this.e2e.estimate(0.99);
    return { mean: e.mean, p99: e.quantile, count: e.count };
  }

  nodeTime(): Record<string, Estimate> {
    return Object.fromEntries(this.nodes.map((n) => [n.id, n.time.estimate()]));
  }

  hitRatio(hasHitRatio: (id: string) => boolean): Record<string, Estimate> {
    const out: Record<string, Estimate> = {};
    for (const n of this.nodes) if (hasHitRatio(n.id)) out[n.id] = n.hits.estimate();
    return out;
  }

  recent(): RecentState {
    const k = this.recentCount;
    const nodes: Record<string, RecentNode> = {};
    // Oldest to newest indices of the ring.
    const order = Array.from({ length: k }, (_, i) => (this.recentHead - k + i + RECENT) % RECENT);
    for (const t of this.nodes) {
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

function newTrack(id: string, timeSum: number): NodeTrack {
  return {
    id,
    time: new BatchRatio(32),
    hits: new BatchRatio(32),
    prevTimeSum: timeSum,
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
