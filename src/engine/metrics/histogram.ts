/**
 * Latency histogram with bounded relative error, in the spirit of HdrHistogram and DDSketch:
 * bucket i ≥ 1 holds values in (MIN·γ^(i−1), MIN·γ^i], γ = 1.01; bucket 0 holds everything ≤ MIN. A percentile is reported as the
 * geometric middle of its bucket, so it is within ±0.5% of the true order statistic, from
 * every recorded value — never a sample. Memory is fixed (~2,600 counters) however long the run.
 */
const GAMMA = 1.01;
const LOG_GAMMA = Math.log(GAMMA);
const INV_LOG_GAMMA = 1 / LOG_GAMMA;
/** Smallest resolved value: 1 µs (values are in ms). Anything smaller lands in bucket 0. */
const MIN_VALUE = 1e-3;
const LOG_MIN = Math.log(MIN_VALUE);
/** Largest resolved value: 10^8 ms ≈ 28 hours; larger values land in the last bucket. */
export const HISTOGRAM_BUCKETS = Math.ceil((Math.log(1e8) - LOG_MIN) * INV_LOG_GAMMA) + 1;

export function bucketOf(value: number): number {
  if (value <= MIN_VALUE) return 0;
  const i = Math.floor((Math.log(value) - LOG_MIN) * INV_LOG_GAMMA) + 1;
  return i < HISTOGRAM_BUCKETS ? i : HISTOGRAM_BUCKETS - 1;
}

/** The value a bucket stands for: the geometric middle of its range. */
export function bucketValue(i: number): number {
  if (i === 0) return MIN_VALUE / 2;
  return Math.exp(LOG_MIN + (i - 0.5) * LOG_GAMMA);
}

export class Histogram {
  readonly counts = new Float64Array(HISTOGRAM_BUCKETS);
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = 0;

  record(value: number): void {
    this.recordAt(bucketOf(value), value);
  }

  /** Record with a precomputed bucket: lets one value go into two histograms with one log. */
  recordAt(bucket: number, value: number): void {
    this.counts[bucket] = (this.counts[bucket] as number) + 1;
    this.count++;
    this.sum += value;
    if (value > this.max) this.max = value;
    if (value < this.min) this.min = value;
  }

  mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** The q-quantile (0 < q ≤ 1), nearest rank; 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i] as number;
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, bucketValue(i)));
    }
    return this.max;
  }

  /** Several quantiles in one pass; `qs` ascending. */
  quantiles(qs: readonly number[]): number[] {
    const out = new Array<number>(qs.length).fill(0);
    if (this.count === 0) return out;
    let qi = 0;
    let seen = 0;
    const counts = this.counts;
    for (let i = 0; i < counts.length && qi < qs.length; i++) {
      seen += counts[i] as number;
      while (qi < qs.length && seen >= Math.max(1, Math.ceil((qs[qi] as number) * this.count))) {
        out[qi++] = Math.min(this.max, Math.max(this.min, bucketValue(i)));
      }
    }
    while (qi < qs.length) out[qi++] = this.max;
    return out;
  }

  merge(other: Histogram): void {
    for (let i = 0; i < this.counts.length; i++)
      this.counts[i] = (this.counts[i] as number) + (other.counts[i] as number);
    this.count += other.count;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
    if (other.min < this.min) this.min = other.min;
  }

  reset(): void {
    if (this.count === 0) return;
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = 0;
  }
}
