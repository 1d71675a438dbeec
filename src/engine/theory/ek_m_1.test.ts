import { describe, expect, it } from 'vitest';
import {
  dM1,
  ekM1,
  ekM1ResponseTimeQuantile,
  gm1ResponseTimeSurvival,
  gm1WaitQuantile,
  roundRobinBackend,
} from './ek_m_1.ts';
import ref from './fixtures/reference.json';
import { mm1 } from './mm1.ts';

const QS = ['0.5', '0.9', '0.95', '0.99', '0.999'] as const;

function expectRel(actual: number, expected: number, tol = 1e-6): void {
  if (expected === 0) expect(Math.abs(actual)).toBeLessThan(1e-12);
  else expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(tol);
}

describe('E_k/M/1 (round-robin backends)', () => {
  const rr = ref.lb_N10_rho09.round_robin;

  it('σ, W, Wq and percentiles agree with the oracle (N = 10, λ = 900, μ = 100)', () => {
    const m = roundRobinBackend(10, 900, 100);
    expectRel(m.sigma, rr.sigma);
    expectRel(m.pWait, rr.P_wait);
    expectRel(m.W, rr.W);
    expectRel(m.Wq, rr.Wq);
    expectRel(m.rho, rr.rho);
    for (const q of QS) expectRel(ekM1ResponseTimeQuantile(10, 90, 100, Number(q)), rr.T_pct[q]);
  });

  it('σ is a fixed point of σ = A*(μ(1 − σ))', () => {
    for (const [k, lambda] of [
      [2, 50],
      [10, 90],
      [50, 99],
    ] as const) {
      const { sigma } = ekM1(k, lambda, 100);
      const transform = ((k * lambda) / (k * lambda + 100 * (1 - sigma))) ** k;
      expectRel(transform, sigma, 1e-12);
    }
  });

  it('k = 1 is M/M/1 (σ = ρ)', () => {
    for (const lambda of [10, 80, 99.9]) {
      const m = ekM1(1, lambda, 100);
      expectRel(m.sigma, lambda / 100, 1e-12);
      expectRel(m.W, mm1(lambda, 100).W, 1e-10);
    }
  });

  it('more phases (smoother arrivals) mean less waiting, down to D/M/1', () => {
    const ws = [1, 2, 5, 10, 100, 1000].map((k) => ekM1(k, 90, 100).W);
    for (let i = 1; i < ws.length; i++) expect(ws[i] as number).toBeLessThan(ws[i - 1] as number);
    const d = dM1(90, 100).W;
    expect(d).toBeLessThan(ws[ws.length - 1] as number);
    expectRel(ekM1(100000, 90, 100).W, d, 1e-3);
  });

  it('D/M/1 at ρ = 0.5 solves σ = e^{−2(1−σ)} (σ ≈ 0.20319)', () => {
    const { sigma } = dM1(50, 100);
    expectRel(Math.exp(-2 * (1 - sigma)), sigma, 1e-12);
    expect(sigma).toBeCloseTo(0.20319, 5);
  });

  it('keeps precision close to saturation', () => {
    const m = ekM1(10, 99.999, 100);
    expect(Number.isFinite(m.W)).toBe(true);
    // Heavy traffic (Kingman): W ≈ (ca² + cs²)/2 · ρ/(1 − ρ) · S with ca² = 1/k, cs² = 1.
    const kingman = ((0.1 + 1) / 2) * (0.99999 / 0.00001) * 0.01;
    expectRel(m.W, kingman, 1e-3);
  });

  it('the wait quantile and survival function are consistent', () => {
    const { sigma } = roundRobinBackend(10, 900, 100);
    expectRel(sigma * Math.exp(-100 * (1 - sigma) * gm1WaitQuantile(sigma, 100, 0.99)), 0.01, 1e-10);
    const t = ekM1ResponseTimeQuantile(10, 90, 100, 0.95);
    expectRel(gm1ResponseTimeSurvival(sigma, 100, t), 0.05, 1e-10);
  });

  it('returns Infinity for an unstable queue and throws on invalid input', () => {
    const m = ekM1(10, 100, 100);
    expect(m.W).toBe(Number.POSITIVE_INFINITY);
    expect(m.sigma).toBe(1);
    expect(ekM1ResponseTimeQuantile(10, 120, 100, 0.5)).toBe(Number.POSITIVE_INFINITY);
    expect(() => ekM1(0, 10, 100)).toThrow(RangeError);
    expect(() => ekM1(2.5, 10, 100)).toThrow(RangeError);
  });
});
