import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/random.ts';
import { HISTOGRAM_BUCKETS, Histogram } from './histogram.ts';

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
