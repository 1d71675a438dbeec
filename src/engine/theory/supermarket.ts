import { checkCount, checkPositive, checkRate } from './checks.ts';
import { INF } from './types.ts';

/**
 * Power-of-d choices in the mean-field (supermarket model) limit N → ∞: each Poisson arrival
 * samples d of N exponential servers (rate μ, load ρ = λ/μ per server) and joins the shortest.
 * The fraction of servers with at least i jobs is
 *
 *   s_i = ρ^{(d^i − 1)/(d − 1)},
 *
 * so L per server = Σ_{i≥1} s_i and, by Little, W = (1/μ)·Σ_{i≥1} ρ^{(d^i − d)/(d − 1)}.
 * d = 1 is plain random assignment (M/M/1: W = 1/(μ − λ)).
 *
 * This is exact only as N → ∞; for N = 10 the mean is ~14% higher (finite-N effects), so it
 * is a lower estimate there, not a target. Source: M. Mitzenmacher, "The Power of Two Choices
 * in Randomized Load Balancing", IEEE TPDS 12(10), 2001; Vvedenskaya, Dobrushin & Karpelevich,
 * Probl. Inf. Transm. 32 (1996).
 *
 * @param d choices per arrival (integer ≥ 1)
 * @param lambda arrival rate per server (≥ 0)
 * @param mu service rate (> 0)
 * @returns the mean response time; Infinity when ρ ≥ 1
 */
export function supermarketMeanResponseTime(d: number, lambda: number, mu: number): number {
  checkCount('d', d);
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  const rho = lambda / mu;
  if (rho >= 1) return INF;
  if (d === 1) return 1 / (mu - lambda);
  let sum = 0;
  let power = d; // d^i
  for (let i = 1; i < 200; i++) {
    const term = rho ** ((power - d) / (d - 1));
    sum += term;
    if (term < 1e-18 * sum) break;
    power *= d;
  }
  return sum / mu;
}

/**
 * The mean-field tail s_i = ρ^{(d^i − 1)/(d − 1)} (share of servers with ≥ i jobs), i = 0…n−1.
 * Source: as `supermarketMeanResponseTime`.
 */
export function supermarketTail(d: number, rho: number, n: number): number[] {
  checkCount('d', d);
  checkRate('rho', rho);
  checkCount('n', n);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(d === 1 ? rho ** i : rho ** ((d ** i - 1) / (d - 1)));
  return out;
}
