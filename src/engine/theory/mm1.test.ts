import { describe, expect, it } from 'vitest';
import ref from './fixtures/reference.json';
import { mm1, mm1ResponseTimeQuantile, mm1ResponseTimeSurvival, mm1WaitQuantile } from './mm1.ts';
import { mmc, mmcResponseTimeQuantile, mmcWaitQuantile } from './mmc.ts';

const QS = ['0.5', '0.9', '0.95', '0.99', '0.999'] as const;

function expectRel(actual: number, expected: number, tol = 1e-6): void {
  if (expected === 0) expect(Math.abs(actual)).toBeLessThan(1e-12);
  else expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(tol);
}

describe('M/M/1 closed forms', () => {
  const { lam, mu } = ref.mm1;

  it('means agree with the oracle (λ = 80, μ = 100)', () => {
    const m = mm1(lam, mu);
    expectRel(m.rho, ref.mm1.rho);
    expectRel(m.L, ref.mm1.L);
    expectRel(m.Lq, ref.mm1.Lq);
    expectRel(m.W, ref.mm1.W);
    expectRel(m.Wq, ref.mm1.Wq);
    expectRel(m.pWait, ref.mm1.P_wait);
    expectRel(m.throughput, lam);
  });

  it('percentiles of T and Wq agree with the oracle', () => {
    for (const q of QS) {
      expectRel(mm1ResponseTimeQuantile(lam, mu, Number(q)), ref.mm1.T_pct[q]);
      expectRel(mm1WaitQuantile(lam, mu, Number(q)), ref.mm1.Wq_pct[q]);
    }
  });

  it('reproduces the published Golden Muffler example (λ = 2/h, μ = 3/h)', () => {
    const ex = ref.published_examples.mm1_lambda2_mu3;
    const m = mm1(ex.lam, ex.mu);
    expectRel(m.Wq, ex.Wq);
    expectRel(m.L, ex.L);
  });

  it('is M/M/c with c = 1', () => {
    for (const lambda of [0, 10, 55, 80, 99]) {
      const a = mm1(lambda, 100);
      const b = mmc(lambda, 100, 1);
      expectRel(a.W, b.W, 1e-12);
      expectRel(a.Lq, b.Lq, 1e-12);
      expectRel(a.pWait, b.pWait, 1e-12);
      for (const q of [0.5, 0.95, 0.99]) {
        expectRel(mm1ResponseTimeQuantile(lambda, 100, q), mmcResponseTimeQuantile(lambda, 100, 1, q), 1e-9);
        expectRel(mm1WaitQuantile(lambda, 100, q), mmcWaitQuantile(lambda, 100, 1, q), 1e-9);
      }
    }
  });

  it('the survival function inverts the quantile', () => {
    const t = mm1ResponseTimeQuantile(80, 100, 0.99);
    expectRel(mm1ResponseTimeSurvival(80, 100, t), 0.01, 1e-12);
  });

  it('returns Infinity for an unstable queue and throws on invalid input', () => {
    const m = mm1(100, 100);
    expect(m.W).toBe(Number.POSITIVE_INFINITY);
    expect(m.L).toBe(Number.POSITIVE_INFINITY);
    expect(m.pWait).toBe(1);
    expect(mm1ResponseTimeQuantile(120, 100, 0.5)).toBe(Number.POSITIVE_INFINITY);
    expect(mm1WaitQuantile(120, 100, 0.5)).toBe(Number.POSITIVE_INFINITY);
    expect(() => mm1(-1, 100)).toThrow(RangeError);
    expect(() => mm1(1, 0)).toThrow(RangeError);
    expect(() => mm1(Number.NaN, 100)).toThrow(RangeError);
    expect(() => mm1ResponseTimeQuantile(1, 100, 1.5)).toThrow(RangeError);
  });
});
