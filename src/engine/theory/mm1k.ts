import {
  checkCount,
  checkPositive,
  checkProbability,
  checkRate,
  checkTime,
  invertSurvival,
} from './checks.ts';
import { INF } from './types.ts';

/** Figures of a finite-capacity station (M/M/1/K, M/M/c/K). Stable for any load. */
export interface FiniteQueueMetrics {
  /** Offered load per server, λ/(cμ). Any value ≥ 0: the capacity limit keeps the queue finite. */
  rho: number;
  /** Probability the station is empty. */
  p0: number;
  /** Probability an arrival finds the station full and is rejected (PASTA: P(N = K)). */
  pBlock: number;
  /** Admitted (and completed) jobs per unit time, X = λ(1 − P_K). */
  throughput: number;
  /** Busy share of the servers, X/(cμ). */
  utilization: number;
  /** Mean number in the station. */
  L: number;
  /** Mean number waiting. */
  Lq: number;
  /** Mean response time of an admitted job, W = L/X (Little). */
  W: number;
  /** Mean wait of an admitted job, Wq = Lq/X. */
  Wq: number;
}

/**
 * Stationary probabilities π_0…π_K of M/M/1/K, π_n ∝ ρ^n, computed without overflow for any ρ
 * (for ρ > 1 as ρ^{n−K}).
 */
function mm1kProbabilities(rho: number, K: number): Float64Array {
  const pi = new Float64Array(K + 1);
  let total = 0;
  for (let n = 0; n <= K; n++) {
    const w = rho <= 1 ? rho ** n : (1 / rho) ** (K - n);
    pi[n] = w;
    total += w;
  }
  for (let n = 0; n <= K; n++) pi[n] = (pi[n] as number) / total;
  return pi;
}

/**
 * M/M/1/K: Poisson arrivals at rate λ, one exponential server of rate μ, room for K jobs in
 * total (the one in service included); arrivals that find K present are rejected. With ρ = λ/μ:
 *
 *   π_n = (1 − ρ)ρ^n / (1 − ρ^{K+1})   (π_n = 1/(K+1) when ρ = 1),   P_block = π_K,
 *   X = λ(1 − π_K),  U = 1 − π_0 = X/μ,  L = Σ n·π_n,  Lq = L − U,  W = L/X,  Wq = Lq/X.
 *
 * In the engine: a server with 1 worker and `queueLimit` q is M/M/1/K with K = q + 1.
 * Source: GSTH §2.5; Kleinrock §3.6.
 *
 * @param K total capacity, integer ≥ 1
 */
export function mm1k(lambda: number, mu: number, K: number): FiniteQueueMetrics {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkCount('K', K);
  const rho = lambda / mu;
  const pi = mm1kProbabilities(rho, K);
  const p0 = pi[0] as number;
  const pBlock = pi[K] as number;
  let L = 0;
  for (let n = 1; n <= K; n++) L += n * (pi[n] as number);
  const throughput = lambda * (1 - pBlock);
  const utilization = 1 - p0;
  const Lq = L - utilization;
  const W = throughput > 0 ? L / throughput : 1 / mu;
  const Wq = throughput > 0 ? Lq / throughput : 0;
  return { rho, p0, pBlock, throughput, utilization, L, Lq, W, Wq };
}

/**
 * P(T > t) for the response time of an *admitted* M/M/1/K job. By PASTA an admitted arrival
 * finds n < K jobs with probability π_n/(1 − π_K), and then T ~ Erlang(n + 1, μ):
 *
 *   P(T > t) = Σ_{n=0}^{K−1} π_n/(1 − π_K) · Σ_{j=0}^{n} e^{−μt}(μt)^j / j!.
 *
 * Every term is positive (no cancellation). Source: GSTH §2.5.
 */
export function mm1kResponseTimeSurvival(lambda: number, mu: number, K: number, t: number): number {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkCount('K', K);
  checkTime('t', t);
  if (t <= 0) return 1;
  const pi = mm1kProbabilities(lambda / mu, K);
  const admitted = 1 - (pi[K] as number);
  const x = mu * t;
  // Poisson(x) pmf term by term; erlangTail = P(Erlang(n+1, μ) > t) = P(Poisson(x) ≤ n).
  let pmf = Math.exp(-x);
  let erlangTail = pmf;
  let s = 0;
  for (let n = 0; n < K; n++) {
    if (n > 0) {
      pmf = (pmf * x) / n;
      erlangTail += pmf;
    }
    s += (pi[n] as number) * erlangTail;
  }
  return Math.min(1, s / admitted);
}

/**
 * The q-quantile of an admitted M/M/1/K job's response time, by bisection on
 * `mm1kResponseTimeSurvival`. Infinity only for q = 1.
 */
export function mm1kResponseTimeQuantile(lambda: number, mu: number, K: number, q: number): number {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkCount('K', K);
  checkProbability('q', q);
  if (q === 0) return 0;
  if (q === 1) return INF;
  return invertSurvival((t) => mm1kResponseTimeSurvival(lambda, mu, K, t), 1 - q, 1 / mu);
}

/**
 * M/M/c/K: c exponential servers of rate μ, room for K ≥ c jobs in total (K − c waiting).
 * A birth–death chain with birth rate λ and death rate min(n, c)·μ:
 *
 *   π_n ∝ a^n/n!  (n ≤ c),   π_n ∝ a^c/c! · (a/c)^{n−c}  (c < n ≤ K),   a = λ/μ,
 *
 * normalised (in log space, so any c and load work). P_block = π_K, X = λ(1 − π_K),
 * U = X/(cμ), W = L/X. K = c is Erlang's loss system (P_block = Erlang B); c = 1 is M/M/1/K.
 * In the engine: a server with `workers` c and `queueLimit` q is M/M/c/K with K = c + q.
 * Source: GSTH §2.5 (birth–death models); Kleinrock §3.4.
 */
export function mmck(lambda: number, mu: number, c: number, K: number): FiniteQueueMetrics {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkCount('c', c);
  checkCount('K', K, c);
  const a = lambda / mu;
  const rho = a / c;
  const logPi = new Float64Array(K + 1);
  const logA = a > 0 ? Math.log(a) : Number.NEGATIVE_INFINITY;
  let max = 0;
  for (let n = 1; n <= K; n++) {
    const step = logA - Math.log(Math.min(n, c));
    logPi[n] = (logPi[n - 1] as number) + step;
    if ((logPi[n] as number) > max) max = logPi[n] as number;
  }
  let total = 0;
  const pi = new Float64Array(K + 1);
  for (let n = 0; n <= K; n++) {
    pi[n] = Math.exp((logPi[n] as number) - max);
    total += pi[n] as number;
  }
  let L = 0;
  let Lq = 0;
  for (let n = 0; n <= K; n++) {
    pi[n] = (pi[n] as number) / total;
    L += n * (pi[n] as number);
    if (n > c) Lq += (n - c) * (pi[n] as number);
  }
  const p0 = pi[0] as number;
  const pBlock = pi[K] as number;
  const throughput = lambda * (1 - pBlock);
  const utilization = throughput / (c * mu);
  const W = throughput > 0 ? L / throughput : 1 / mu;
  const Wq = throughput > 0 ? Lq / throughput : 0;
  return { rho, p0, pBlock, throughput, utilization, L, Lq, W, Wq };
}
