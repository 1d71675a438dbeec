import { describe, expect, it } from 'vitest';
import ref from './fixtures/reference.json';
import { mm1k, mm1kResponseTimeQuantile, mm1kResponseTimeSurvival, mmck } from './mm1k.ts';
import { erlangB, mmc } from './mmc.ts';

const QS = ['0.5', '0.9', '0.95', '0.99', '0.999'] as const;

function expectRel(actual: number, expected: number, tol = 1e-6): void {
  if (expected === 0) expect(Math.abs(actual)).toBeLessThan(1e-12);
  else expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(tol);
}

describe('M/M/1/K', () => {
  const r = ref.mm1k;

  it('agrees with the oracle (λ = 90, μ = 100, K = 10)', () => {
    const m = mm1k(r.lam, r.mu, r.K);
    expectRel(m.p0, r.P0);
    expectRel(m.pBlock, r.P_block);
    expectRel(m.throughput, r.throughput);
    expectRel(m.utilization, r.utilisation);
    expectRel(m.L, r.L);
    expectRel(m.Lq, r.Lq);
    expectRel(m.W, r.W);
    expectRel(m.Wq, r.Wq);
    for (const q of QS) expectRel(mm1kResponseTimeQuantile(r.lam, r.mu, r.K, Number(q)), r.T_pct[q]);
  });

  it('reproduces the published M/M/1/N example (λ = 8, μ = 9, N = 3)', () => {
    const ex = ref.published_examples.mm1k_lambda8_mu9_N3;
    const m = mm1k(ex.lam, ex.mu, ex.K);
    expectRel(m.p0, ex.P0, 1e-7);
    expectRel(m.pBlock, ex.P_block, 1e-7);
  });

  it('handles ρ = 1 and heavy overload without overflow', () => {
    const even = mm1k(100, 100, 9);
    expectRel(even.pBlock, 1 / 10, 1e-12);
    expectRel(even.L, 4.5, 1e-12);
    const over = mm1k(1e6, 1, 2000);
    expect(over.pBlock).toBeGreaterThan(0.999);
    expectRel(over.throughput, 1, 1e-6);
    expect(Number.isFinite(over.W)).toBe(true);
  });

  it('the admitted-job survival function integrates back to W', () => {
    const upper = 2;
    const steps = 20000;
    const h = upper / steps;
    const sf = (t: number) => mm1kResponseTimeSurvival(r.lam, r.mu, r.K, t);
    let s = sf(0) + sf(upper);
    for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * sf(i * h);
    expectRel((s * h) / 3, r.W, 1e-8);
  });
});

describe('M/M/c/K', () => {
  it('is M/M/1/K when c = 1', () => {
    for (const lambda of [30, 90, 100, 250]) {
      const a = mm1k(lambda, 100, 10);
      const b = mmck(lambda, 100, 1, 10);
      expectRel(b.pBlock, a.pBlock, 1e-12);
      expectRel(b.L, a.L, 1e-12);
      expectRel(b.W, a.W, 1e-12);
      expectRel(b.Lq, a.Lq, 1e-10);
    }
  });

  it('is Erlang B when K = c', () => {
    for (const row of ref.erlang_b) expectRel(mmck(row.a * 100, 100, row.c, row.c).pBlock, row.B);
  });

  it('tends to M/M/c as K grows', () => {
    const big = mmck(360, 100, 4, 2000);
    expectRel(big.W, mmc(360, 100, 4).W, 1e-9);
    expect(big.pBlock).toBeLessThan(1e-12);
  });

  it('stays finite for thousands of servers', () => {
    const m = mmck(9000, 1, 10000, 10100);
    expect(Number.isFinite(m.L)).toBe(true);
    expect(m.pBlock).toBeLessThan(1e-30);
    expectRel(mmck(10500, 1, 10000, 10000).pBlock, erlangB(10000, 10500), 1e-9);
  });
});
