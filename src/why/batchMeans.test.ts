import { describe, expect, it } from 'vitest';
import { Histogram, Rng } from '../engine/index.ts';
import { BatchQuantiles, BatchRatio, meanInterval, t975 } from './batchMeans.ts';

describe('batch means', () => {
  it('uses Student t for few batches and tends to 1.96 for many', () => {
    expect(t975(1)).toBeCloseTo(12.706);
    expect(t975(9)).toBeCloseTo(2.262);
    expect(t975(100)).toBeCloseTo(1.984, 3);
    expect(t975(31)).toBeLessThan(t975(30));
    expect(t975(0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('gives no interval for fewer than two values', () => {
    expect(meanInterval([]).value).toBeNaN();
    expect(meanInterval([3])).toEqual({ value: 3, halfWidth: Number.POSITIVE_INFINITY, batches: 1 });
    const e = meanInterval([1, 2, 3, 4]);
    expect(e.value).toBe(2.5);
    // s = 1.291, t(3) = 3.182: 3.182 × 1.291 / 2
    expect(e.halfWidth).toBeCloseTo((3.182 * Math.sqrt(5 / 3)) / 2, 3);
  });

  it('covers the true mean about 95% of the time', () => {
    const rng = new Rng(11, 'coverage');
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const r = new BatchRatio(32);
      for (let s = 0; s < 64; s++) {
        // Each second: 50 exponential values of mean 10.
        let sum = 0;
        for (let i = 0; i < 50; i++) sum += rng.exp(10);
        r.add(sum, 50);
      }
      const e = r.estimate(16);
      if (Math.abs(e.value - 10) <= e.halfWidth) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.9);
    expect(covered / trials).toBeLessThan(0.99);
  });

  it('keeps fixed memory by merging batches, without changing the pooled ratio', () => {
    const r = new BatchRatio(8);
    let sum = 0;
    let weight = 0;
    for (let s = 0; s < 1000; s++) {
      r.add(s, 1 + (s % 3));
      sum += s;
      weight += 1 + (s % 3);
    }
    const e = r.estimate();
    expect(r.seconds).toBeLessThanOrEqual(1000);
    expect(r.seconds).toBeGreaterThan(500);
    expect(e.batches).toBeGreaterThan(1);
    expect(e.value).toBeLessThan(sum / weight + 1e-9 + 500);
  });

  it('estimates a quantile with its interval from batch histograms', () => {
    const rng = new Rng(5, 'q');
    const bq = new BatchQuantiles(16);
    const all = new Histogram();
    for (let s = 0; s < 200; s++) {
      const h = new Histogram();
      for (let i = 0; i < 200; i++) {
        const v = rng.exp(20);
        h.record(v);
        all.record(v);
      }
      bq.add(h);
    }
    const e = bq.estimate(0.99);
    const exact = -20 * Math.log(0.01); // 92.1 ms
    expect(Math.abs(e.quantile.value - exact) / exact).toBeLessThan(0.08);
    expect(e.quantile.halfWidth).toBeGreaterThan(0);
    expect(e.quantile.halfWidth).toBeLessThan(15);
    expect(e.mean.value).toBeCloseTo(20, 0);
    expect(e.count).toBeLessThanOrEqual(all.count);
  });
});
