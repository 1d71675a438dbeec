import { checkPositive, checkProbability, checkRate, checkTime } from './checks.ts';
import { INF, type QueueMetrics, unstable } from './types.ts';

/**
 * M/M/1: Poisson arrivals at rate λ, one server with exponential service at rate μ, FCFS,
 * unlimited waiting room.
 *
 *   ρ = λ/μ,  L = ρ/(1−ρ),  Lq = ρ²/(1−ρ),  W = 1/(μ−λ),  Wq = ρ/(μ−λ),  P(wait) = ρ.
 *
 * Source: Kleinrock, Queueing Systems Vol. 1 (1975) §3.2; Harchol-Balter, Performance
 * Modeling and Design of Computer Systems (2013) ch. 13.
 *
 * @param lambda arrival rate (≥ 0)
 * @param mu service rate (> 0); times come out in the reciprocal unit of the rates
 * @returns the steady-state figures; for ρ ≥ 1 the means are Infinity and pWait is 1
 */
export function mm1(lambda: number, mu: number): QueueMetrics {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  const rho = lambda / mu;
  if (rho >= 1) return unstable(rho, mu);
  const W = 1 / (mu - lambda);
  const Wq = rho * W;
  return { rho, L: lambda * W, Lq: lambda * Wq, W, Wq, pWait: rho, throughput: lambda };
}

/**
 * P(T > t) for the M/M/1 response time: T ~ Exp(μ − λ), so P(T > t) = e^{−(μ−λ)t}.
 * Source: Kleinrock §3.2. Returns 1 for every t when ρ ≥ 1.
 */
export function mm1ResponseTimeSurvival(lambda: number, mu: number, t: number): number {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkTime('t', t);
  if (t <= 0) return 1;
  if (lambda >= mu) return 1;
  return Math.exp(-(mu - lambda) * t);
}

/**
 * The q-quantile of the M/M/1 response time: t_q = −ln(1−q)/(μ−λ).
 * Source: Kleinrock §3.2. Infinity when ρ ≥ 1 (or q = 1).
 */
export function mm1ResponseTimeQuantile(lambda: number, mu: number, q: number): number {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkProbability('q', q);
  if (lambda >= mu) return q === 0 ? 0 : INF;
  return -Math.log1p(-q) / (mu - lambda);
}

/**
 * The q-quantile of the M/M/1 wait in queue. P(Wq > t) = ρ e^{−(μ−λ)t} for t ≥ 0 (an atom of
 * 1−ρ at zero), so t_q = ln(ρ/(1−q))/(μ−λ) when q > 1−ρ, and 0 otherwise.
 * Source: Kleinrock §3.2. Infinity when ρ ≥ 1 (or q = 1).
 */
export function mm1WaitQuantile(lambda: number, mu: number, q: number): number {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkProbability('q', q);
  const rho = lambda / mu;
  if (rho >= 1) return q === 0 ? 0 : INF;
  if (q <= 1 - rho) return 0;
  return Math.log(rho / (1 - q)) / (mu - lambda);
}
