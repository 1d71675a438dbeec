import { describe, expect, it } from 'vitest';
import ref from './fixtures/reference.json';
import {
  md1,
  md1NumberInSystemPmf,
  md1ResponseTimeQuantile,
  md1WaitCdf,
  md1WaitCdfCrommelin,
  md1WaitQuantile,
  mg1,
} from './md1.ts';
import { mm1 } from './mm1.ts';

const QS = ['0.5', '0.9', '0.95', '0.99', '0.999'] as const;

function expectRel(actual: number, expected: number, tol = 1e-6): void {
  if (expected === 0) expect(Math.abs(actual)).toBeLessThan(1e-12);
  else expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(tol);
}

/** E[Wq] = ∫_0^∞ P(Wq > t) dt, Simpson on [0, upper] with `steps` (even) intervals. */
function meanWait(lambda: number, D: number, upper: number, steps: number): number {
  const h = upper / steps;
  const sf = (t: number) => 1 - md1WaitCdf(lambda, D, t);
  let s = sf(0) + sf(upper);
  for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * sf(i * h);
  return (s * h) / 3;
}

describe('M/D/1 (Pollaczek–Khinchine)', () => {
  const { lam, D } = ref.md1;

  it('means agree with the oracle (λ = 80, D = 10 ms)', () => {
    const m = md1(lam, D);
    expectRel(m.Wq, ref.md1.Wq);
    expectRel(m.W, ref.md1.W);
    expectRel(m.Lq, ref.md1.Lq);
    expectRel(m.L, ref.md1.L);
    expectRel(m.pWait, ref.md1.P_wait);
  });

  it('reproduces the published Garcia-Golding example (Wq = 1/12 h, Lq = 2/3)', () => {
    const ex = ref.published_examples.md1_lambda8_D1over12;
    const m = md1(ex.lam, ex.D);
    expectRel(m.Wq, ex.Wq, 1e-12);
    expectRel(m.Lq, ex.Lq, 1e-12);
  });

  it('M/G/1 with cs² = 1 is M/M/1 and its wait is linear in 1 + cs²', () => {
    expectRel(mg1(80, 0.01, 1).W, mm1(80, 100).W, 1e-12);
    expectRel(mg1(80, 0.01, 4).Wq, (5 / 2) * mg1(80, 0.01, 1).Wq, 1e-12);
  });

  it('percentiles of T and Wq agree with the oracle', () => {
    for (const q of QS) {
      expectRel(md1WaitQuantile(lam, D, Number(q)), ref.md1.Wq_pct[q]);
      expectRel(md1ResponseTimeQuantile(lam, D, Number(q)), ref.md1.T_pct[q]);
    }
  });

  it('the number-in-system distribution sums to 1 with mean L', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = md1NumberInSystemPmf(lam, D, n);
      total += p;
      mean += n * p;
    }
    expectRel(total, 1, 1e-12);
    expectRel(mean, ref.md1.L, 1e-9);
    expectRel(md1NumberInSystemPmf(lam, D, 0), 1 - ref.md1.rho, 1e-12);
  });

  it('the stable CDF integrates back to the P-K mean wait, also at ρ = 0.95', () => {
    expectRel(meanWait(lam, D, 0.6, 6000), ref.md1.Wq, 1e-7);
    // At ρ = 0.95 the tail is long (the alternating sum is useless here); the stable form is not.
    expectRel(meanWait(95, D, 6, 60000), md1(95, D).Wq, 1e-7);
  });

  it('the CDF is continuous at multiples of D and has an atom 1 − ρ at zero', () => {
    expectRel(md1WaitCdf(lam, D, 0), 1 - ref.md1.rho, 1e-12);
    for (const k of [1, 2, 5, 20])
      expectRel(md1WaitCdf(lam, D, k * D - 1e-12), md1WaitCdf(lam, D, k * D), 1e-9);
  });

  it('the stable CDF agrees with Crommelin’s alternating sum where that one is well conditioned', () => {
    let compared = 0;
    for (let t = 0; t <= 0.3; t += 0.0037) {
      const c = md1WaitCdfCrommelin(lam, D, t);
      if (Number.isNaN(c)) continue;
      compared++;
      expect(Math.abs(c - md1WaitCdf(lam, D, t))).toBeLessThan(1e-9);
    }
    // Well conditioned up to t ≈ 135 ms (λt ≈ 11, the p99.7 of this queue) …
    expect(compared).toBeGreaterThan(30);
    // … and it refuses, rather than returning garbage, once cancellation eats the digits.
    expect(md1WaitCdfCrommelin(95, D, 2)).toBeNaN();
  });

  it('the stable CDF matches Crommelin’s sum evaluated in 60-digit decimal arithmetic', () => {
    // Computed for this test with Python's decimal module (prec = 60), λ = 80/s, D = 10 ms,
    // rounded to doubles.
    // Double-precision Crommelin is already off by 1e-10 at 157 ms and by 6e-6 at 250 ms.
    const exact: Array<[number, number]> = [
      [0.1, 0.9883428917349866],
      [0.157, 0.9989998844439997],
      [0.2, 0.9998431563692985],
      [0.25, 0.9999818069750283],
      [0.3, 0.9999978897060968],
      [0.4, 0.9999999716064953],
    ];
    for (const [t, cdf] of exact) expect(Math.abs(md1WaitCdf(lam, D, t) - cdf)).toBeLessThan(1e-14);
  });

  it('returns Infinity for an unstable queue and throws on invalid input', () => {
    expect(md1(100, 0.01).W).toBe(Number.POSITIVE_INFINITY);
    expect(md1WaitQuantile(100, 0.01, 0.5)).toBe(Number.POSITIVE_INFINITY);
    expect(md1WaitQuantile(50, 0.01, 0.3)).toBe(0);
    expect(() => md1(10, 0)).toThrow(RangeError);
    expect(() => mg1(10, 0.01, -1)).toThrow(RangeError);
  });
});
