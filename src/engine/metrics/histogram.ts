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

/**
 * The definition of a value's bucket. `bucketOf` gives the same answer faster; this one
 * builds its tables and is what the tests hold it to.
 */
export function bucketByLog(value: number): number {
  if (value <= MIN_VALUE) return 0;
  const i = Math.floor((Math.log(value) - LOG_MIN) * INV_LOG_GAMMA) + 1;
  return i < HISTOGRAM_BUCKETS ? i : HISTOGRAM_BUCKETS - 1;
}

// bucketOf without a logarithm (every answered request takes one, and Math.log is a call into
// C): a double's exponent and top 8 mantissa bits cut the positive line into cells narrower
// (2^-8 ≈ 0.4%) than a bucket (1%), so a cell holds at most one bucket boundary. The bucket
// of a value is its cell's first bucket, plus one if the value reaches the next boundary.
// `lower[i]` is the smallest double whose bucketByLog is i, found from the doubles next to
// its real-number boundary; bucketOf(x) = bucketByLog(x) for every double x, as the tests check
// at every boundary and cell edge and on random values.
const bits = new Float64Array(1);
const bitsHi = new Uint32Array(bits.buffer);
/** Index of the word holding sign, exponent and top mantissa bits (1 on little-endian machines). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function highWord(x: number): number {
  bits[0] = x;
  return bitsHi[HI] as number;
}

function nextDouble(x: number, up: boolean): number {
  bits[0] = x;
  const lo = bitsHi[1 - HI] as number;
  if (up) {
    if (lo === 0xffffffff) bitsHi[HI] = (bitsHi[HI] as number) + 1;
    bitsHi[1 - HI] = lo + 1;
  } else {
    if (lo === 0) bitsHi[HI] = (bitsHi[HI] as number) - 1;
    bitsHi[1 - HI] = lo - 1;
  }
  return bits[0] as number;
}

/** lower[i]: the smallest double in bucket i (i ≥ 1); lower[HISTOGRAM_BUCKETS] = ∞. */
const lower = new Float64Array(HISTOGRAM_BUCKETS + 1);
lower[HISTOGRAM_BUCKETS] = Number.POSITIVE_INFINITY;
for (let i = 1; i < HISTOGRAM_BUCKETS; i++) {
  // Start at the real boundary MIN·γ^(i−1) and walk the doubles until just past it.
  let x = Math.max(nextDouble(MIN_VALUE, true), Math.exp(LOG_MIN + (i - 1) * LOG_GAMMA));
  while (bucketByLog(x) >= i && x > MIN_VALUE) x = nextDouble(x, false);
  while (bucketByLog(x) < i) x = nextDouble(x, true);
  lower[i] = x;
}
/** Values from here up land in the last bucket. */
const TOP = lower[HISTOGRAM_BUCKETS - 1] as number;
/** Cells by (high word >>> 12) − CELL_BASE, from the cell of MIN_VALUE to that of TOP. */
const CELL_BASE = highWord(MIN_VALUE) >>> 12;
const cellBucket = new Uint16Array((highWord(TOP) >>> 12) - CELL_BASE + 1);
for (let c = 0; c < cellBucket.length; c++) {
  bits[0] = 0;
  bitsHi[HI] = (CELL_BASE + c) << 12;
  cellBucket[c] = bucketByLog(bits[0] as number);
}

/** The bucket of `value`: bucketByLog(value), from two table reads. */
export function bucketOf(value: number): number {
  if (value <= MIN_VALUE) return 0;
  if (!(value < TOP)) return HISTOGRAM_BUCKETS - 1; // NaN too, as bucketByLog
  bits[0] = value;
  const b = cellBucket[((bitsHi[HI] as number) >>> 12) - CELL_BASE] as number;
  return value >= (lower[b + 1] as number) ? b + 1 : b;
}

/** Each bucket's smallest double (for the tests that hold bucketOf to bucketByLog). */
export function bucketLowerBounds(): Float64Array {
  return lower.slice(0, HISTOGRAM_BUCKETS);
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

  /** Record with a precomputed bucket, bucketOf(value): one value into several histograms. */
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
    return this.quantiles([q])[0] as number;
  }

  /**
   * Several quantiles; `qs` ascending. The q-quantile is the value of the first bucket whose
   * running count reaches ⌈q·count⌉. Ranks up to half the count are found walking up from
   * the smallest value's bucket, the others walking down from the largest's (every bucket
   * outside the two is empty): a timeline takes p50, p95 and p99 of every simulated second,
   * and the high ones sit a few buckets below the top.
   */
  quantiles(qs: readonly number[]): number[] {
    const out = new Array<number>(qs.length).fill(0);
    const count = this.count;
    if (count === 0) return out;
    const counts = this.counts;
    const rankOf = (q: number) => Math.max(1, Math.ceil(q * count));
    let up = 0;
    let i = bucketOf(this.min);
    let seen = 0; // values in the buckets below i
    for (; up < qs.length; up++) {
      const rank = rankOf(qs[up] as number);
      if (2 * rank > count) break;
      while (seen + (counts[i] as number) < rank) seen += counts[i++] as number;
      out[up] = this.valueOf(i);
    }
    let j = bucketOf(this.max);
    let upTo = count; // values in bucket j and below
    for (let k = qs.length - 1; k >= up; k--) {
      const rank = rankOf(qs[k] as number);
      if (rank > count) {
        out[k] = this.max;
        continue;
      }
      while (upTo - (counts[j] as number) >= rank) upTo -= counts[j--] as number;
      out[k] = this.valueOf(j);
    }
    return out;
  }

  /** What a quantile in bucket i reports: the bucket's middle, within the values seen. */
  private valueOf(i: number): number {
    return Math.min(this.max, Math.max(this.min, bucketValue(i)));
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
    // Only the buckets from the smallest value's to the largest's can hold anything.
    this.counts.fill(0, bucketOf(this.min), bucketOf(this.max) + 1);
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = 0;
  }
}
