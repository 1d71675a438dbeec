import {
  checkCount,
  checkPositive,
  checkProbability,
  checkRate,
  checkTime,
  invertSurvival,
} from './checks.ts';
import { INF, type QueueMetrics, unstable } from './types.ts';

/**
 * Erlang B: the blocking probability of an M/M/c/c loss system (c servers, no waiting room)
 * offered a = λ/μ Erlangs, by the numerically stable recursion
 *
 *   B(0, a) = 1,   B(n, a) = a·B(n−1, a) / (n + a·B(n−1, a)).
 *
 * It is insensitive to the service distribution (it holds for M/G/c/c).
 * Source: Gross, Shortle, Thompson & Harris, Fundamentals of Queueing Theory, 4th ed. (2008)
 * §2.5; Kleinrock §3.6.
 *
 * @param c number of servers (integer ≥ 0)
 * @param a offered traffic in Erlangs (≥ 0)
 */
export function erlangB(c: number, a: number): number {
  checkCount('c', c, 0);
  checkRate('a', a);
  let b = 1;
  for (let n = 1; n <= c; n++) b = (a * b) / (n + a * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival to an M/M/c queue must wait, from Erlang B:
 *
 *   C(c, a) = c·B(c, a) / (c − a·(1 − B(c, a))),   a = λ/μ < c.
 *
 * Source: GSTH §2.3; Kleinrock §3.5. Returns 1 when a ≥ c (every arrival waits, forever).
 */
export function erlangC(c: number, a: number): number {
  checkCount('c', c);
  checkRate('a', a);
  if (a >= c) return 1;
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/**
 * M/M/c (Erlang C): Poisson arrivals at rate λ, c identical exponential servers of rate μ,
 * one FCFS queue, unlimited waiting room. With a = λ/μ, ρ = a/c and C = erlangC(c, a):
 *
 *   Wq = C/(cμ − λ),  W = Wq + 1/μ,  Lq = λ·Wq,  L = λ·W  (Little).
 *
 * Source: GSTH §2.3; Kleinrock §3.5.
 *
 * @returns the steady-state figures; for ρ ≥ 1 the means are Infinity and pWait is 1
 */
export function mmc(lambda: number, mu: number, c: number): QueueMetrics {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkCount('c', c);
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1) return unstable(rho, c * mu);
  const pWait = erlangC(c, a);
  const Wq = pWait / (c * mu - lambda);
  const W = Wq + 1 / mu;
  return { rho, L: lambda * W, Lq: lambda * Wq, W, Wq, pWait, throughput: lambda };
}

/** (1 − e^{−x})/x, with its limit 1 at x = 0; accurate for small x. */
function phi(x: number): number {
  return x === 0 ? 1 : -Math.expm1(-x) / x;
}

/**
 * P(T > t) for the M/M/c FCFS response time T = Wq + S. Wq is 0 with probability 1 − C and
 * otherwise Exp(α), α = cμ − λ; S ~ Exp(μ) is independent of Wq. Hence
 *
 *   P(T > t) = (1−C)e^{−μt} + C·(α e^{−μt} − μ e^{−αt})/(α − μ)          (α ≠ μ)
 *            = (1−C)e^{−μt} + C·(1 + μt)·e^{−μt}                            (α = μ).
 *
 * Evaluated in the equivalent cancellation-free form, with m = min(μ, α), d = |α − μ| and
 * φ(x) = (1 − e^{−x})/x:
 *
 *   P(T > t) = e^{−mt}·[ (α ≥ μ ? 1 : e^{−dt}) + C·μ·t·φ(dt) ],
 *
 * which is continuous through α = μ and never forms 0·∞.
 * Source: derivation in the team's reference notes (§2), from GSTH §2.3 (the conditional wait
 * is exponential) and independence of the service time. Returns 1 when ρ ≥ 1.
 */
export function mmcResponseTimeSurvival(lambda: number, mu: number, c: number, t: number): number {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkCount('c', c);
  checkTime('t', t);
  if (t <= 0) return 1;
  if (lambda >= c * mu) return 1;
  const C = erlangC(c, lambda / mu);
  const alpha = c * mu - lambda;
  const m = Math.min(mu, alpha);
  const d = Math.abs(alpha - mu);
  const first = alpha >= mu ? 1 : Math.exp(-d * t);
  return Math.exp(-m * t) * (first + C * mu * t * phi(d * t));
}

/**
 * The q-quantile of the M/M/c response time, by bisection on `mmcResponseTimeSurvival`
 * (relative precision ~1e-13). Infinity when ρ ≥ 1 (or q = 1).
 */
export function mmcResponseTimeQuantile(lambda: number, mu: number, c: number, q: number): number {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkCount('c', c);
  checkProbability('q', q);
  if (q === 0) return 0;
  if (q === 1 || lambda >= c * mu) return INF;
  const scale = 1 / Math.min(mu, c * mu - lambda);
  return invertSurvival((t) => mmcResponseTimeSurvival(lambda, mu, c, t), 1 - q, scale);
}

/**
 * The q-quantile of the M/M/c wait in queue: P(Wq > t) = C·e^{−(cμ−λ)t}, so
 * t_q = ln(C/(1−q))/(cμ − λ) when C > 1 − q, else 0.
 * Source: GSTH §2.3. Infinity when ρ ≥ 1 (or q = 1).
 */
export function mmcWaitQuantile(lambda: number, mu: number, c: number, q: number): number {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkCount('c', c);
  checkProbability('q', q);
  if (lambda >= c * mu) return q === 0 ? 0 : INF;
  const C = erlangC(c, lambda / mu);
  if (q <= 1 - C) return 0;
  return Math.log(C / (1 - q)) / (c * mu - lambda);
}

/** Figures of a loss system (no waiting room): arrivals that find every server busy are lost. */
export interface LossMetrics {
  /** Offered traffic a = λ/μ, in Erlangs. */
  offered: number;
  /** Probability an arrival is blocked (lost). */
  blocking: number;
  /** Carried traffic a·(1 − B): the mean number of busy servers. */
  carried: number;
  /** Accepted (and completed) jobs per unit time, λ·(1 − B). */
  throughput: number;
  /** Busy share of the c servers, carried / c. */
  utilization: number;
}

/**
 * M/M/c/c (M/G/c/c) loss system: blocking by Erlang B, carried traffic a(1 − B).
 * Stable for any load: with a ≫ c, B → 1 − c/a and every server is busy.
 * Source: GSTH §2.5 (Erlang's loss formula and its insensitivity).
 */
export function erlangLoss(lambda: number, mu: number, c: number): LossMetrics {
  checkRate('lambda', lambda);
  checkPositive('mu', mu);
  checkCount('c', c);
  const offered = lambda / mu;
  const blocking = erlangB(c, offered);
  const carried = offered * (1 - blocking);
  return { offered, blocking, carried, throughput: lambda * (1 - blocking), utilization: carried / c };
}
