import { checkCount, checkPositive, checkProbability, checkRate, checkTime } from './checks.ts';
import { INF, type QueueMetrics, unstable } from './types.ts';

/** Figures of a G/M/1 queue: the usual means plus σ, the root that determines them all. */
export interface GM1Metrics extends QueueMetrics {
  /** σ ∈ (0, 1): the probability an arrival finds the server busy (= pWait). */
  sigma: number;
}

/**
 * G/M/1 solved from the Laplace–Stieltjes transform A*(s) = E[e^{−s·A}] of the interarrival
 * time A (mean 1/λ). σ is the unique root in (0, 1) of
 *
 *   σ = A*(μ(1 − σ)),
 *
 * and then an arrival finds n ≥ 0 jobs with probability (1 − σ)σ^n, so
 *
 *   P(wait) = σ,  T ~ Exp(μ(1 − σ)),  W = 1/(μ(1 − σ)),  Wq = σ/(μ(1 − σ)),  L = λW,  Lq = λWq.
 *
 * We solve for δ = 1 − σ (which keeps full relative precision as ρ → 1) by bisection on
 * g(δ) = A*(μδ) − 1 + δ, which is convex with g(0) = 0, g′(0) = 1 − 1/ρ < 0 and
 * g(1) = A*(μ) > 0, so the root in (0, 1) is unique. `logTransform(s)` must return ln A*(s)
 * accurately (so that expm1 can form A* − 1 without cancellation).
 * Source: Kleinrock §6.4; GSTH §6.2.
 */
export function gm1(lambda: number, mu: number, logTransform: (s: number) => number): GM1Metrics {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  const rho = lambda / mu;
  if (rho >= 1) return { ...unstable(rho, mu), sigma: 1 };
  if (lambda === 0) return { rho: 0, L: 0, Lq: 0, W: 1 / mu, Wq: 0, pWait: 0, throughput: 0, sigma: 0 };
  const g = (delta: number) => Math.expm1(logTransform(mu * delta)) + delta;
  let lo = 0; // g < 0 on (0, root)
  let hi = 1; // g(1) > 0
  for (let i = 0; i < 2000 && hi - lo > 1e-15 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  const delta = 0.5 * (lo + hi);
  const sigma = 1 - delta;
  const W = 1 / (mu * delta);
  const Wq = sigma * W;
  return { rho, L: lambda * W, Lq: lambda * Wq, W, Wq, pWait: sigma, throughput: lambda, sigma };
}

/**
 * E_k/M/1: Erlang-k interarrival times (k exponential phases of rate kλ, mean 1/λ, squared
 * coefficient of variation 1/k), one exponential server of rate μ:
 *
 *   A*(s) = (kλ / (kλ + s))^k,   σ = A*(μ(1 − σ)).
 *
 * This is exactly what one server sees behind a strictly cyclic (round-robin) dispatcher fed
 * by a Poisson stream: every k-th arrival of a rate-kλ Poisson process. k = 1 gives M/M/1
 * (σ = ρ). Source: Kleinrock §6.4 (E_r/M/1); GSTH §6.2.
 *
 * @param k number of Erlang phases (integer ≥ 1)
 * @param lambda arrival rate at this server (≥ 0)
 * @param mu service rate (> 0)
 * @returns σ and the means; for ρ ≥ 1 the means are Infinity and σ = pWait = 1
 */
export function ekM1(k: number, lambda: number, mu: number): GM1Metrics {
  checkCount('k', k);
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  const phaseRate = k * lambda;
  return gm1(lambda, mu, (s) => -k * Math.log1p(s / phaseRate));
}

/**
 * D/M/1: evenly spaced arrivals (every 1/λ), A*(s) = e^{−s/λ}, one exponential server. The
 * limit of E_k/M/1 as k → ∞. In the engine: a client with `arrival: 'deterministic'` feeding
 * one single-worker exponential server. Source: Kleinrock §6.4; GSTH §6.2.
 */
export function dM1(lambda: number, mu: number): GM1Metrics {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  return gm1(lambda, mu, (s) => -s / lambda);
}

/**
 * One backend of N behind a strictly cyclic round-robin balancer fed by Poisson arrivals at
 * total rate λ: an E_N/M/1 queue with arrival rate λ/N. (A balancer's own processing delay is
 * not included: use an ideal balancer.) Source: Kleinrock §6.4.
 */
export function roundRobinBackend(n: number, totalLambda: number, mu: number): GM1Metrics {
  checkCount('n', n);
  return ekM1(n, totalLambda / n, mu);
}

/**
 * P(T > t) = e^{−μ(1−σ)t} for any G/M/1 queue (T is exponential), given its σ.
 * Returns 1 when σ ≥ 1 (unstable).
 */
export function gm1ResponseTimeSurvival(sigma: number, mu: number, t: number): number {
  checkPositive('mu', mu);
  checkTime('t', t);
  if (t <= 0 || sigma >= 1) return 1;
  return Math.exp(-mu * (1 - sigma) * t);
}

/**
 * The q-quantile of a G/M/1 response time: t_q = −ln(1 − q)/(μ(1 − σ)). Infinity when σ ≥ 1.
 */
export function gm1ResponseTimeQuantile(sigma: number, mu: number, q: number): number {
  checkPositive('mu', mu);
  checkProbability('q', q);
  if (q === 0) return 0;
  if (sigma >= 1) return INF;
  return -Math.log1p(-q) / (mu * (1 - sigma));
}

/**
 * The q-quantile of a G/M/1 wait in queue: P(Wq > t) = σ e^{−μ(1−σ)t}, so
 * t_q = ln(σ/(1 − q))/(μ(1 − σ)) when q > 1 − σ, else 0. Infinity when σ ≥ 1.
 */
export function gm1WaitQuantile(sigma: number, mu: number, q: number): number {
  checkPositive('mu', mu);
  checkProbability('q', q);
  if (sigma >= 1) return q === 0 ? 0 : INF;
  if (q <= 1 - sigma) return 0;
  return Math.log(sigma / (1 - q)) / (mu * (1 - sigma));
}

/** The q-quantile of the E_k/M/1 response time (see `ekM1`, `gm1ResponseTimeQuantile`). */
export function ekM1ResponseTimeQuantile(k: number, lambda: number, mu: number, q: number): number {
  return gm1ResponseTimeQuantile(ekM1(k, lambda, mu).sigma, mu, q);
}
