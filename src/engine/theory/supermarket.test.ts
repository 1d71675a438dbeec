import { describe, expect, it } from 'vitest';
import ref from './fixtures/reference.json';
import { littleL, maxThroughput, utilization } from './laws.ts';
import { mm1 } from './mm1.ts';
import { mmc } from './mmc.ts';
import { supermarketMeanResponseTime, supermarketTail } from './supermarket.ts';

function expectRel(actual: number, expected: number, tol = 1e-6): void {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(tol);
}

describe('power-of-d mean field (supermarket model)', () => {
  const lb = ref.lb_N10_rho09;

  it('agrees with the oracle for d = 2 and d = 3 at ρ = 0.9', () => {
    expectRel(supermarketMeanResponseTime(2, 90, 100), lb.po2_mean_field.W);
    expectRel(supermarketMeanResponseTime(3, 90, 100), lb.po3_mean_field.W);
    const tail = supermarketTail(2, 0.9, lb.po2_mean_field.tail.length);
    tail.forEach((s, i) => {
      expectRel(s, lb.po2_mean_field.tail[i] as number, 1e-9);
    });
  });

  it('d = 1 is M/M/1, and more choices help, down towards the central queue', () => {
    expectRel(supermarketMeanResponseTime(1, 90, 100), mm1(90, 100).W, 1e-12);
    const w2 = supermarketMeanResponseTime(2, 90, 100);
    const w3 = supermarketMeanResponseTime(3, 90, 100);
    expect(w3).toBeLessThan(w2);
    expect(w2).toBeLessThan(mm1(90, 100).W);
    expect(mmc(900, 100, 10).W).toBeLessThan(w3);
    expect(supermarketMeanResponseTime(2, 100, 100)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('operational laws', () => {
  it('Little, utilisation and saturation throughput (oracle §8 figures)', () => {
    expectRel(littleL(80, 0.05), 4, 1e-12);
    expectRel(littleL(ref.mm1k.throughput, ref.mm1k.W), ref.mm1k.L, 1e-9);
    expectRel(utilization(360, 0.01, 4), 0.9, 1e-12);
    expectRel(maxThroughput(8, 0.02), 400, 1e-12);
    expect(() => utilization(1, 1, 0)).toThrow(RangeError);
  });
});
