import { CAUSE_COUNT } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';

const QS = [0.5, 0.95, 0.99] as const;

/**
 * Per-second time series in fixed memory. Columns are typed arrays sized once; when they
 * fill, neighbouring points are merged in pairs and the step doubles (1 s → 2 s → 4 s …), so
 * an hour-long run costs the same memory as a two-minute one. Merged latency percentiles are
 * the completion-weighted mean of the two (exact values live in the whole-run histogram).
 */
export class Timeline {
  length = 0;
  /** Seconds per point. */
  step = 1;
  readonly end: Float64Array;
  readonly completed: Float64Array;
  readonly failed: Float64Array;
  readonly failedByCause: Float64Array;
  readonly mean: Float64Array;
  readonly p50: Float64Array;
  readonly p95: Float64Array;
  readonly p99: Float64Array;
  readonly max: Float64Array;
  /** Per node: utilisation 0–1, mean waiting queue length, served per second. */
  nodeUtil: Float32Array;
  nodeQueue: Float32Array;
  nodeServed: Float32Array;
  nodeFailed: Float32Array;
  /** Per node: cache hits and look-ups in the point (sums, not averages), for the hit ratio. */
  nodeHits: Float64Array;
  nodeLookups: Float64Array;
  /** Seconds gathered into the point being built (when step > 1). */
  private partial = 0;

  /** Seconds covered by point i: the last point may still be filling up. */
  stepOf(i: number): number {
    return i === this.length - 1 && this.partial > 0 ? this.partial : this.step;
  }

  constructor(
    public nodeCount: number,
    readonly capacity: number,
  ) {
    const cap = Math.max(2, capacity - (capacity % 2));
    this.capacity = cap;
    this.end = new Float64Array(cap);
    this.completed = new Float64Array(cap);
    this.failed = new Float64Array(cap);
    this.failedByCause = new Float64Array(cap * CAUSE_COUNT);
    this.mean = new Float64Array(cap);
    this.p50 = new Float64Array(cap);
    this.p95 = new Float64Array(cap);
    this.p99 = new Float64Array(cap);
    this.max = new Float64Array(cap);
    this.nodeUtil = new Float32Array(cap * nodeCount);
    this.nodeQueue = new Float32Array(cap * nodeCount);
    this.nodeServed = new Float32Array(cap * nodeCount);
    this.nodeFailed = new Float32Array(cap * nodeCount);
    this.nodeHits = new Float64Array(cap * nodeCount);
    this.nodeLookups = new Float64Array(cap * nodeCount);
  }

  /**
   * Make room for nodes added while running: the per-node columns are re-laid with a wider
   * stride (every per-node column must be listed here). Rare, so a copy is fine.
   */
  ensureNodes(count: number): void {
    if (count <= this.nodeCount) return;
    const old = this.nodeCount;
    const widen = <T extends Float32Array | Float64Array>(arr: T, make: (n: number) => T): T => {
      const out = make(this.capacity * count);
      for (let i = 0; i < this.capacity; i++) out.set(arr.subarray(i * old, (i + 1) * old), i * count);
      return out;
    };
    const f32 = (n: number) => new Float32Array(n);
    const f64 = (n: number) => new Float64Array(n);
    this.nodeUtil = widen(this.nodeUtil, f32);
    this.nodeQueue = widen(this.nodeQueue, f32);
    this.nodeServed = widen(this.nodeServed, f32);
    this.nodeFailed = widen(this.nodeFailed, f32);
    this.nodeHits = widen(this.nodeHits, f64);
    this.nodeLookups = widen(this.nodeLookups, f64);
    this.nodeCount = count;
  }

  /** Record the second that ends at `nowMs`. */
  record(sim: Simulation, nowMs: number): void {
    if (this.partial === 0 && this.length === this.capacity) this.halve();
    const i = this.partial === 0 ? this.length : this.length - 1;
    const w = this.partial; // seconds already in point i
    const hist = sim.secondLatency;
    const [p50, p95, p99] = hist.quantiles(QS) as [number, number, number];
    const n = hist.count;
    const before = this.completed[i] as number;
    const total = before + n;
    const blend = (a: number, b: number) => (total > 0 ? (a * before + b * n) / total : 0);
    if (w === 0) {
      this.mean[i] = hist.mean();
      this.p50[i] = p50;
      this.p95[i] = p95;
      this.p99[i] = p99;
      this.max[i] = hist.max;
      this.completed[i] = n;
      let f = 0;
      for (let c = 0; c < CAUSE_COUNT; c++) {
        const v = sim.secondFailed[c] as number;
        this.failedByCause[i * CAUSE_COUNT + c] = v;
        f += v;
      }
      this.failed[i] = f;
    } else {
      this.mean[i] = blend(this.mean[i] as number, hist.mean());
      this.p50[i] = blend(this.p50[i] as number, p50);
      this.p95[i] = blend(this.p95[i] as number, p95);
      this.p99[i] = blend(this.p99[i] as number, p99);
      this.max[i] = Math.max(this.max[i] as number, hist.max);
      this.completed[i] = total;
      for (let c = 0; c < CAUSE_COUNT; c++) {
        const v = sim.secondFailed[c] as number;
        this.failedByCause[i * CAUSE_COUNT + c] = (this.failedByCause[i * CAUSE_COUNT + c] as number) + v;
        this.failed[i] = (this.failed[i] as number) + v;
      }
    }
    const base = i * this.nodeCount;
    for (let k = 0; k < this.nodeCount; k++) {
      const node = sim.nodes[k];
      if (!node) continue;
      const s = node.stats;
      const cap = node.capacity();
      const util = cap > 0 ? Math.min(1, (s.busyArea - s.tickBusyArea) / (cap * 1000)) : 0;
      const queue = (s.queueArea - s.tickQueueArea) / 1000;
      const served = s.served - s.tickServed;
      const failed = s.failedTotal - s.tickFailed;
      const j = base + k;
      // Averages of the seconds in this point (w seconds already in it).
      this.nodeUtil[j] = ((this.nodeUtil[j] as number) * w + Math.max(0, util)) / (w + 1);
      this.nodeQueue[j] = ((this.nodeQueue[j] as number) * w + Math.max(0, queue)) / (w + 1);
      this.nodeServed[j] = ((this.nodeServed[j] as number) * w + Math.max(0, served)) / (w + 1);
      this.nodeFailed[j] = ((this.nodeFailed[j] as number) * w + Math.max(0, failed)) / (w + 1);
      const hits = s.hits - s.tickHits;
      const lookups = s.lookups - s.tickLookups;
      this.nodeHits[j] = (w === 0 ? 0 : (this.nodeHits[j] as number)) + Math.max(0, hits);
      this.nodeLookups[j] = (w === 0 ? 0 : (this.nodeLookups[j] as number)) + Math.max(0, lookups);
    }
    this.end[i] = nowMs / 1000;
    if (w === 0) this.length++;
    this.partial = w + 1 === this.step ? 0 : w + 1;
  }

  /** Merge neighbours pairwise: half the points, twice the step. */
  private halve(): void {
    const half = this.length / 2;
    for (let i = 0; i < half; i++) {
      const a = 2 * i;
      const b = a + 1;
      const na = this.completed[a] as number;
      const nb = this.completed[b] as number;
      const n = na + nb;
      const mix = (arr: Float64Array) => {
        arr[i] = n > 0 ? ((arr[a] as number) * na + (arr[b] as number) * nb) / n : 0;
      };
      mix(this.mean);
      mix(this.p50);
      mix(this.p95);
      mix(this.p99);
      this.max[i] = Math.max(this.max[a] as number, this.max[b] as number);
      this.completed[i] = n;
      this.failed[i] = (this.failed[a] as number) + (this.failed[b] as number);
      for (let c = 0; c < CAUSE_COUNT; c++)
        this.failedByCause[i * CAUSE_COUNT + c] =
          (this.failedByCause[a * CAUSE_COUNT + c] as number) +
          (this.failedByCause[b * CAUSE_COUNT + c] as number);
      this.end[i] = this.end[b] as number;
      for (let k = 0; k < this.nodeCount; k++) {
        const avg = (arr: Float32Array) => {
          arr[i * this.nodeCount + k] =
            ((arr[a * this.nodeCount + k] as number) + (arr[b * this.nodeCount + k] as number)) / 2;
        };
        avg(this.nodeUtil);
        avg(this.nodeQueue);
        avg(this.nodeServed);
        avg(this.nodeFailed);
        const sum = (arr: Float64Array) => {
          arr[i * this.nodeCount + k] =
            (arr[a * this.nodeCount + k] as number) + (arr[b * this.nodeCount + k] as number);
        };
        sum(this.nodeHits);
        sum(this.nodeLookups);
      }
    }
    this.length = half;
    this.step *= 2;
    // Clear the freed half so the next partial point starts from zero.
    for (const arr of [
      this.completed,
      this.failed,
      this.mean,
      this.p50,
      this.p95,
      this.p99,
      this.max,
      this.end,
    ])
      arr.fill(0, half);
    this.failedByCause.fill(0, half * CAUSE_COUNT);
    for (const arr of [this.nodeUtil, this.nodeQueue, this.nodeServed, this.nodeFailed])
      arr.fill(0, half * this.nodeCount);
    this.nodeHits.fill(0, half * this.nodeCount);
    this.nodeLookups.fill(0, half * this.nodeCount);
  }
}
