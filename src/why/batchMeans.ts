import { Histogram } from '../engine/index.ts';

/**
 * Confidence intervals for a simulation's output by the method of batch means: split the
 * measured window into k consecutive batches, take the statistic in each, and treat the k
 * batch values as roughly independent: mean ± t(k−1) · s / √k. Batches of a few seconds or
 * more make the correlation between neighbours small (Law & Kelton, Simulation Modeling and
 * Analysis, §9.5.3). Memory is fixed: when the slots fill, neighbours merge and batches
 * double in length, as the engine's timeline does.
 */

/**
 * Two-sided 95% Student t quantiles t(0.975, df) for df = 1 … 30; beyond, the first terms of
 * the Cornish–Fisher expansion around the normal's 1.96.
 */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function t975(df: number): number {
  if (df < 1) return Number.POSITIVE_INFINITY;
  if (df <= T975.length) return T975[df - 1] as number;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df);
}

export interface Estimate {
  /** The point estimate. */
  value: number;
  /** Half-width of the 95% confidence interval (Infinity with fewer than 2 batches). */
  halfWidth: number;
  batches: number;
}

/** Mean ± 95% half-width of a handful of batch values. */
export function meanInterval(values: readonly number[]): Estimate {
  const k = values.length;
  if (k === 0) return { value: Number.NaN, halfWidth: Number.POSITIVE_INFINITY, batches: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / k;
  if (k < 2) return { value: mean, halfWidth: Number.POSITIVE_INFINITY, batches: k };
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / (k - 1));
  return { value: mean, halfWidth: (t975(k - 1) * sd) / Math.sqrt(k), batches: k };
}

/** Slots of (weight, sum) per batch: for ratios such as mean time in node = Σ time / Σ served. */
export class BatchRatio {
  private readonly weight: Float64Array;
  private readonly sum: Float64Array;
  /** Seconds per batch. */
  private size = 1;
  /** Complete batches, and seconds already in the one being filled. */
  private full = 0;
  private partial = 0;

  constructor(private readonly slots = 32) {
    this.weight = new Float64Array(slots);
    this.sum = new Float64Array(slots);
  }

  /** One second's totals: `sum` over `weight` items (e.g. time in node over calls served). */
  add(sum: number, weight: number): void {
    if (this.full === this.slots) this.halve();
    const i = this.full;
    this.weight[i] = (this.partial === 0 ? 0 : (this.weight[i] as number)) + weight;
    this.sum[i] = (this.partial === 0 ? 0 : (this.sum[i] as number)) + sum;
    this.partial++;
    if (this.partial === this.size) {
      this.partial = 0;
      this.full++;
    }
  }

  private halve(): void {
    const half = this.slots / 2;
    for (let i = 0; i < half; i++) {
      this.weight[i] = (this.weight[2 * i] as number) + (this.weight[2 * i + 1] as number);
      this.sum[i] = (this.sum[2 * i] as number) + (this.sum[2 * i + 1] as number);
    }
    this.full = half;
    this.size *= 2;
  }

  /**
   * The pooled ratio Σsum/Σweight over complete batches, with the batch-means interval of the
   * per-batch ratios (batches without weight are skipped). Uses at most `maxBatches` batches,
   * merging neighbours so each has enough seconds.
   */
  estimate(maxBatches = 16): Estimate {
    const values: number[] = [];
    let totalSum = 0;
    let totalWeight = 0;
    const group = Math.max(1, Math.ceil(this.full / maxBatches));
    for (let i = 0; i + group <= this.full; i += group) {
      let w = 0;
      let s = 0;
      for (let j = i; j < i + group; j++) {
        w += this.weight[j] as number;
        s += this.sum[j] as number;
      }
      totalSum += s;
      totalWeight += w;
      if (w > 0) values.push(s / w);
    }
    const interval = meanInterval(values);
    return {
      value: totalWeight > 0 ? totalSum / totalWeight : Number.NaN,
      halfWidth: interval.halfWidth,
      batches: values.length,
    };
  }

  /** Seconds recorded in complete batches. */
  get seconds(): number {
    return this.full * this.size;
  }
}

/**
 * Latency histograms per batch, for quantiles with an interval: the p99 of each batch, then
 * their mean ± t · s / √k. The pooled value is the quantile of all batches merged.
 */
export class BatchQuantiles {
  private readonly hists: Histogram[];
  private size = 1;
  private full = 0;
  private partial = 0;

  constructor(private readonly slots = 16) {
    this.hists = Array.from({ length: slots }, () => new Histogram());
  }

  add(second: Histogram): void {
    if (this.full === this.slots) this.halve();
    const h = this.hists[this.full] as Histogram;
    if (this.partial === 0) h.reset();
    h.merge(second);
    this.partial++;
    if (this.partial === this.size) {
      this.partial = 0;
      this.full++;
    }
  }

  private halve(): void {
    const half = this.slots / 2;
    for (let i = 0; i < half; i++) {
      const h = this.hists[i] as Histogram;
      const a = this.hists[2 * i] as Histogram;
      const b = this.hists[2 * i + 1] as Histogram;
      if (i === 0) {
        // hists[0] is a; merge b into it.
        h.merge(b);
      } else {
        h.reset();
        h.merge(a);
        h.merge(b);
      }
    }
    this.full = half;
    this.size *= 2;
  }

  /** The q-quantile and mean of complete batches, each with its batch-means interval. */
  estimate(q: number): { quantile: Estimate; mean: Estimate; count: number } {
    const pooled = new Histogram();
    const qs: number[] = [];
    const means: number[] = [];
    for (let i = 0; i < this.full; i++) {
      const h = this.hists[i] as Histogram;
      if (h.count === 0) continue;
      pooled.merge(h);
      qs.push(h.quantile(q));
      means.push(h.mean());
    }
    const qi = meanInterval(qs);
    const mi = meanInterval(means);
    return {
      quantile: {
        value: pooled.count > 0 ? pooled.quantile(q) : Number.NaN,
        halfWidth: qi.halfWidth,
        batches: qi.batches,
      },
      mean: {
        value: pooled.count > 0 ? pooled.mean() : Number.NaN,
        halfWidth: mi.halfWidth,
        batches: mi.batches,
      },
      count: pooled.count,
    };
  }
}
