import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/random.ts';
import {
  bucketByLog,
  bucketLowerBounds,
  bucketOf,
  bucketValue,
  HISTOGRAM_BUCKETS,
  Histogram,
} from './histogram.ts';

function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}

describe('Histogram', () => {
  it('every percentile is within 0.5% of the exact order statistic', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.002, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 2000 }),
        fc.constantFrom(0.5, 0.9, 0.95, 0.99, 0.999, 1),
        (values, q) => {
          const h = new Histogram();
          for (const v of values) h.record(v);
          const exact = exactQuantile(
            [...values].sort((a, b) => a - b),
            q,
          );
          expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThanOrEqual(0.005 + 1e-12);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps exact count, mean, min and max; quantiles() agrees with quantile()', () => {
    const rng = new Rng(1, 'h');
    const h = new Histogram();
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const v = rng.exp(10);
      sum += v;
      h.record(v);
    }
    expect(h.count).toBe(100_000);
    expect(h.mean()).toBeCloseTo(sum / 100_000, 9);
    expect(h.quantiles([0.5, 0.99])).toEqual([h.quantile(0.5), h.quantile(0.99)]);
    // Exponential(mean 10): p99 = 10·ln(100) ≈ 46.05.
    expect(h.quantile(0.99)).toBeGreaterThan(44);
    expect(h.quantile(0.99)).toBeLessThan(48);
  });

  it('quantiles() walking from both ends agrees with a walk from bucket 0', () => {
    const reference = (h: Histogram, q: number) => {
      const rank = Math.max(1, Math.ceil(q * h.count));
      let seen = 0;
      for (let i = 0; i < h.counts.length; i++) {
        seen += h.counts[i] as number;
        if (seen >= rank) return Math.min(h.max, Math.max(h.min, bucketValue(i)));
      }
      return h.max;
    };
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.uniqueArray(fc.double({ min: 1e-6, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (values, qs) => {
          const h = new Histogram();
          for (const v of values) h.record(v);
          const sorted = [...qs].sort((a, b) => a - b);
          expect(h.quantiles(sorted)).toEqual(sorted.map((q) => reference(h, q)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('uses fixed memory however many values it holds', () => {
    const h = new Histogram();
    for (let i = 0; i < 1_000_000; i++) h.record((i % 1000) + 1);
    expect(h.counts.length).toBe(HISTOGRAM_BUCKETS);
    expect(HISTOGRAM_BUCKETS).toBeLessThan(3000);
  });

  it('merges and resets', () => {
    const a = new Histogram();
    const b = new Histogram();
    a.record(1);
    b.record(100);
    a.merge(b);
    expect(a.count).toBe(2);
    expect(a.max).toBe(100);
    a.reset();
    expect([a.count, a.quantile(0.5), a.mean()]).toEqual([0, 0, 0]);
  });
});

/** The next double above (up) or below x > 0. */
function step(x: number, up: boolean): number {
  const f = new Float64Array([x]);
  const i = new BigUint64Array(f.buffer);
  i[0] = (i[0] as bigint) + (up ? 1n : -1n);
  return f[0] as number;
}

describe('bucketOf (table-driven) equals bucketByLog (the definition)', () => {
  it('at every bucket boundary: the first double of each bucket and the last of the one before', () => {
    const lower = bucketLowerBounds();
    for (let i = 1; i < HISTOGRAM_BUCKETS; i++) {
      const x = lower[i] as number;
      expect([bucketByLog(x), bucketByLog(step(x, false))]).toEqual([i, i - 1]);
      expect([bucketOf(x), bucketOf(step(x, false))]).toEqual([i, i - 1]);
      // A few doubles either side as well.
      for (let k = 0, a = x, b = x; k < 8; k++, a = step(a, true), b = step(b, false)) {
        expect(bucketOf(a)).toBe(bucketByLog(a));
        expect(bucketOf(b)).toBe(bucketByLog(b));
      }
    }
  });

  it('at every table cell edge (each power of two split in 256) from 2^-11 to 2^28', () => {
    for (let e = -11; e < 28; e++)
      for (let c = 0; c < 256; c++) {
        const x = 2 ** e * (1 + c / 256);
        for (const v of [x, step(x, false), step(x, true)]) expect(bucketOf(v)).toBe(bucketByLog(v));
      }
  });

  it('at the ends and on odd values', () => {
    for (const v of [0, -0, -1, 1e-3, step(1e-3, true), 1e8, 1e9, 1e300, Infinity, -Infinity, NaN, 5e-324])
      expect(bucketOf(v)).toBe(bucketByLog(v));
  });

  it('on random values and on differences of times, as latencies are made', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1e10, noNaN: true }), (v) => bucketOf(v) === bucketByLog(v)),
      { numRuns: 20_000 },
    );
    const rng = new Rng(7, 'latencies');
    const differ: number[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      const start = rng.next() * 3_600_000;
      const v = start + rng.exp(10 ** (rng.int(9) - 3)) - start;
      if (bucketOf(v) !== bucketByLog(v)) differ.push(v);
    }
    expect(differ).toEqual([]);
  });
});
