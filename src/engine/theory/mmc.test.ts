import { describe, expect, it } from 'vitest';
import ref from './fixtures/reference.json';
import {
  erlangB,
  erlangC,
  erlangLoss,
  mmc,
  mmcResponseTimeQuantile,
  mmcResponseTimeSurvival,
  mmcWaitQuantile,
} from './mmc.ts';

const QS = ['0.5', '0.9', '0.95', '0.99', '0.999'] as const;

function expectRel(actual: number, expected: number, tol = 1e-6): void {
  if (expected === 0) expect(Math.abs(actual)).toBeLessThan(1e-12);
  else expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(tol);
}

/** ∫_0^∞ P(T > t) dt by Simpson's rule on a long, fine grid: must give back W. */
function integrate(f: (t: number) => number, upper: number, steps = 20000): number {
  const h = upper / steps;
  let s = f(0) + f(upper);
  for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return (s * h) / 3;
}

describe('Erlang B and C', () => {
  it('Erlang B agrees with the oracle (c = 10, a = 7 and 10)', () => {
    for (const row of ref.erlang_b) {
      expectRel(erlangB(row.c, row.a), row.B);
      const loss = erlangLoss(row.a * 100, 100, row.c);
      expectRel(loss.blocking, row.B);
      expectRel(loss.carried, row.carried);
      expectRel(loss.utilization, row.carried / row.c);
    }
  });

  it('reproduces published Erlang B examples (to their printed digits)', () => {
    for (const ex of ref.published_examples.erlang_b)
      expect(erlangB(ex.c, ex.a)).toBeCloseTo(ex.B, ex.digits + 1);
  });

  it('satisfies the identities C(1, a) = a and C(2, a) = 2ρ²/(1 + ρ)', () => {
    for (const a of [0.1, 0.5, 0.9]) {
      expectRel(erlangC(1, a), a, 1e-12);
      const rho = a;
      expectRel(erlangC(2, 2 * a), (2 * rho * rho) / (1 + rho), 1e-12);
    }
    expect(erlangC(4, 4)).toBe(1);
    expect(erlangB(0, 3)).toBe(1);
  });

  it('Erlang B stays finite and monotone for large systems', () => {
    const b = erlangB(10000, 9500);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.02);
    expect(erlangB(100, 80)).toBeLessThan(erlangB(99, 80));
  });
});

describe('M/M/c closed forms', () => {
  for (const row of ref.mmc) {
    it(`means and percentiles agree with the oracle (c = ${row.c}, λ = ${row.lam})`, () => {
      const m = mmc(row.lam, row.mu, row.c);
      expectRel(m.rho, row.rho);
      expectRel(m.pWait, row.P_wait);
      expectRel(m.Wq, row.Wq);
      expectRel(m.W, row.W);
      expectRel(m.Lq, row.Lq);
      expectRel(m.L, row.L);
      for (const q of QS) {
        expectRel(mmcResponseTimeQuantile(row.lam, row.mu, row.c, Number(q)), row.T_pct[q]);
        expectRel(mmcWaitQuantile(row.lam, row.mu, row.c, Number(q)), row.Wq_pct[q]);
      }
    });
  }

  it('agrees with the oracle for the central-queue M/M/10 at ρ = 0.9', () => {
    const r = ref.lb_N10_rho09.central_queue_MMN;
    const m = mmc(r.lam, r.mu, r.c);
    expectRel(m.W, r.W);
    expectRel(m.pWait, r.P_wait);
    for (const q of QS) expectRel(mmcResponseTimeQuantile(r.lam, r.mu, r.c, Number(q)), r.T_pct[q]);
  });

  it('reproduces the published two-server example (λ = 20, μ = 30: P0 = 1/2, L = 3/4)', () => {
    const ex = ref.published_examples.mmc_c2_lambda20_mu30;
    expectRel(mmc(ex.lam, ex.mu, ex.c).L, ex.L, 1e-12);
  });

  it('the sojourn survival function integrates back to W, including the α = μ case', () => {
    // λ = 300, c = 4, μ = 100 has α = cμ − λ = μ exactly; λ = 360 and 390 have α < μ; λ = 100 has α > μ.
    for (const lambda of [100, 300, 360, 390]) {
      const W = mmc(lambda, 100, 4).W;
      const upper = 60 * W;
      expectRel(
        integrate((t) => mmcResponseTimeSurvival(lambda, 100, 4, t), upper),
        W,
        1e-8,
      );
    }
  });

  it('the survival function is continuous through α = μ', () => {
    const at = (lambda: number) => mmcResponseTimeSurvival(lambda, 100, 4, 0.03);
    expectRel(at(300 - 1e-9), at(300), 1e-9);
    expectRel(at(300 + 1e-9), at(300), 1e-9);
  });

  it('returns Infinity for an unstable queue and throws on invalid input', () => {
    const m = mmc(400, 100, 4);
    expect(m.W).toBe(Number.POSITIVE_INFINITY);
    expect(m.pWait).toBe(1);
    expect(mmcResponseTimeQuantile(400, 100, 4, 0.99)).toBe(Number.POSITIVE_INFINITY);
    expect(() => mmc(10, 100, 1.5)).toThrow(RangeError);
    expect(() => mmc(10, 100, 0)).toThrow(RangeError);
    expect(() => erlangB(-1, 1)).toThrow(RangeError);
  });
});
