import { checkPositive, checkProbability, checkRate, checkTime, invertSurvival } from './checks.ts';
import { INF, type QueueMetrics, unstable } from './types.ts';

/**
 * M/G/1 mean values by the Pollaczek–Khinchine formula: Poisson arrivals at rate λ, one FCFS
 * server whose service time has mean S and squared coefficient of variation cs² = Var(S)/S²
 * (so E[S²] = S²(1 + cs²)):
 *
 *   ρ = λS,  Wq = λE[S²] / (2(1 − ρ)) = ρ·S·(1 + cs²) / (2(1 − ρ)),  W = Wq + S,
 *   Lq = λWq,  L = λW,  P(wait) = ρ.
 *
 * cs² = 1 gives M/M/1; cs² = 0 gives M/D/1. For a lognormal service time with coefficient of
 * variation v, cs² = v².
 * Source: Kleinrock §5.6 (P-K mean-value formula); Harchol-Balter ch. 23.
 *
 * @param lambda arrival rate (≥ 0)
 * @param meanService mean service time S (> 0), in the reciprocal unit of lambda
 * @param scv squared coefficient of variation of the service time (≥ 0)
 * @returns the steady-state figures; for ρ ≥ 1 the means are Infinity and pWait is 1
 */
export function mg1(lambda: number, meanService: number, scv: number): QueueMetrics {
  checkRate('lambda', lambda);
  checkPositive('meanService', meanService);
  checkRate('scv', scv);
  const rho = lambda * meanService;
  if (rho >= 1) return unstable(rho, 1 / meanService);
  const Wq = (rho * meanService * (1 + scv)) / (2 * (1 - rho));
  const W = Wq + meanService;
  return { rho, L: lambda * W, Lq: lambda * Wq, W, Wq, pWait: rho, throughput: lambda };
}

/**
 * M/D/1 mean values (P-K with cs² = 0): Wq = ρD / (2(1 − ρ)), W = Wq + D.
 * Source: Kleinrock §5.6.
 *
 * @param lambda arrival rate (≥ 0)
 * @param D the constant service time (> 0)
 */
export function md1(lambda: number, D: number): QueueMetrics {
  return mg1(lambda, D, 0);
}

/**
 * The M/D/1 number-in-system distribution p_n (time-stationary = seen by arrivals (PASTA) =
 * left behind by departures), computed lazily by Ramaswami's stable recursion for M/G/1-type
 * chains — a level-crossing balance in which every term is positive, so no cancellation:
 *
 *   p_0 = 1 − ρ,   p_n · a_0 = p_0·ā_n + Σ_{j=1}^{n−1} p_j·ā_{n−j+1},
 *
 * where a_k = e^{−ρ}ρ^k/k! (k arrivals during one service) and ā_k = Σ_{i≥k} a_i.
 * Source: V. Ramaswami, "A stable recursion for the steady state vector in Markov chains of
 * M/G/1 type", Stochastic Models 4 (1988); the embedded chain is in Kleinrock §5.5.
 */
class Md1Distribution {
  private readonly p: number[];
  /** ā_k, k = 0…; beyond its length the tail is below the smallest double and counts as 0. */
  private readonly abar: number[] = [];
  private readonly a0: number;

  constructor(readonly rho: number) {
    // Poisson(ρ) pmf up to where it underflows, then tail sums from the top (no 1 − CDF).
    const pmf: number[] = [];
    let term = Math.exp(-rho);
    for (let k = 0; k < 400 && (k <= rho || term > 0); k++) {
      pmf.push(term);
      term = (term * rho) / (k + 1);
    }
    let tail = 0;
    for (let k = pmf.length - 1; k >= 0; k--) {
      tail += pmf[k] as number;
      this.abar[k] = tail;
    }
    this.abar[0] = 1;
    this.a0 = pmf[0] as number;
    this.p = [1 - rho];
  }

  private abarAt(k: number): number {
    return k < this.abar.length ? (this.abar[k] as number) : 0;
  }

  /** p_n, extending the recursion as far as needed. */
  at(n: number): number {
    const p = this.p;
    while (p.length <= n) {
      const m = p.length;
      let s = (p[0] as number) * this.abarAt(m);
      // ā_{m−j+1} vanishes for m − j + 1 ≥ abar.length: only the last few j contribute.
      const jFrom = Math.max(1, m + 1 - this.abar.length + 1);
      for (let j = jFrom; j < m; j++) s += (p[j] as number) * this.abarAt(m - j + 1);
      p.push(s / this.a0);
    }
    return p[n] as number;
  }
}

const md1Cache = new Map<number, Md1Distribution>();
function md1Distribution(rho: number): Md1Distribution {
  let d = md1Cache.get(rho);
  if (d === undefined) {
    if (md1Cache.size > 64) md1Cache.clear();
    d = new Md1Distribution(rho);
    md1Cache.set(rho, d);
  }
  return d;
}

/**
 * The M/D/1 number-in-system probability P(N = n) (time-stationary). Stable recursion, see
 * `Md1Distribution`. NaN when ρ ≥ 1 (no stationary distribution).
 */
export function md1NumberInSystemPmf(lambda: number, D: number, n: number): number {
  checkRate('lambda', lambda);
  checkPositive('D', D);
  if (!Number.isInteger(n) || n < 0) return 0;
  const rho = lambda * D;
  if (rho >= 1) return Number.NaN;
  return md1Distribution(rho).at(n);
}

/**
 * P(Wq ≤ t) for M/D/1 FCFS, in a form with only positive terms (numerically stable for any ρ < 1
 * and any t). Write t = kD + u with k = ⌊t/D⌋, 0 ≤ u < D, and h = D − u ∈ (0, D]. Looking back
 * h before the tagged arrival, with N the number then in system and A ~ Poisson(λh) the
 * arrivals in between (independent of N), the work the tagged customer finds is ≤ t exactly
 * when max(N, 1) + A ≤ k + 1. Hence
 *
 *   P(Wq ≤ t) = (p_0 + p_1)·F_h(k) + Σ_{n=2}^{k+1} p_n·F_h(k + 1 − n),   F_h = CDF of Poisson(λh),
 *
 * with p_n from `md1NumberInSystemPmf`. At t = 0 this is 1 − ρ (the atom of no wait).
 * Source: the look-back argument of G. J. Franx, "A simple solution for the M/D/c waiting time
 * distribution", Oper. Res. Letters 29 (2001), for c = 1; it agrees with Crommelin's formula
 * (`md1WaitCdfCrommelin`) wherever that one is well conditioned (see the tests).
 * Returns 0 for every t when ρ ≥ 1.
 */
export function md1WaitCdf(lambda: number, D: number, t: number): number {
  checkRate('lambda', lambda);
  checkPositive('D', D);
  checkTime('t', t);
  if (t < 0) return 0;
  const rho = lambda * D;
  if (rho >= 1) return t === INF ? 1 : 0;
  if (t === INF) return 1;
  if (rho === 0) return 1;
  const dist = md1Distribution(rho);
  const k = Math.floor(t / D);
  const h = D - (t - k * D);
  const x = lambda * h;
  // Poisson(x) CDF values F(0..k), built up as we go.
  let pmf = Math.exp(-x);
  const F: number[] = [pmf];
  for (let m = 1; m <= k; m++) {
    pmf = (pmf * x) / m;
    F.push((F[m - 1] as number) + pmf);
  }
  let s = (dist.at(0) + dist.at(1)) * (F[k] as number);
  for (let n = 2; n <= k + 1; n++) s += dist.at(n) * (F[k + 1 - n] as number);
  return Math.min(1, s);
}

/**
 * P(Wq ≤ t) for M/D/1 by Erlang's (Crommelin's) alternating sum:
 *
 *   P(Wq ≤ t) = (1 − ρ) Σ_{k=0}^{⌊t/D⌋} [λ(kD − t)]^k / k! · e^{−λ(kD − t)}.
 *
 * Source: GSTH §6.1 (Crommelin 1932). The terms alternate in sign and grow like e^{λt}, so in
 * double precision the sum loses about log10(Σ|terms|) digits (at ρ = 0.8, D = 10 ms: 2e-12 at
 * t = 100 ms, 1e-10 at 157 ms = p99.9, 6e-6 at 250 ms, garbage by 400 ms). This function tracks
 * a conservative rounding-error bound and returns **NaN when that bound exceeds 1e-9** — in
 * practice from about λt ≈ 11 (t ≈ 140 ms in that example). Prefer `md1WaitCdf`, which is
 * stable everywhere; this one is kept as an independent cross-check.
 */
export function md1WaitCdfCrommelin(lambda: number, D: number, t: number): number {
  checkRate('lambda', lambda);
  checkPositive('D', D);
  checkTime('t', t);
  if (t < 0) return 0;
  const rho = lambda * D;
  if (rho >= 1) return Number.NaN;
  const K = Math.floor(t / D);
  let sum = 0;
  let comp = 0; // Neumaier compensation
  let errBound = 0;
  for (let k = 0; k <= K; k++) {
    const x = lambda * (t - k * D); // ≥ 0; the term is (−x)^k/k! · e^{x}
    let mag = Math.exp(x);
    for (let j = 1; j <= k; j++) mag *= x / j;
    const term = k % 2 === 0 ? mag : -mag;
    const s = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - s + term : term - s + sum;
    sum = s;
    errBound += mag * (k + x + 4) * Number.EPSILON;
  }
  const value = (1 - rho) * (sum + comp);
  if (!Number.isFinite(errBound) || (1 - rho) * errBound > 1e-9) return Number.NaN;
  return Math.min(1, Math.max(0, value));
}

/**
 * The q-quantile of the M/D/1 wait in queue, by bisection on the stable `md1WaitCdf`
 * (relative precision ~1e-13). 0 when q ≤ 1 − ρ (no wait). Infinity when ρ ≥ 1 (or q = 1).
 */
export function md1WaitQuantile(lambda: number, D: number, q: number): number {
  checkRate('lambda', lambda);
  checkPositive('D', D);
  checkProbability('q', q);
  const rho = lambda * D;
  if (q === 0) return 0;
  if (q === 1 || rho >= 1) return INF;
  if (q <= 1 - rho) return 0;
  return invertSurvival((t) => 1 - md1WaitCdf(lambda, D, t), 1 - q, D);
}

/**
 * The q-quantile of the M/D/1 response time T = Wq + D. Infinity when ρ ≥ 1 (or q = 1).
 */
export function md1ResponseTimeQuantile(lambda: number, D: number, q: number): number {
  return md1WaitQuantile(lambda, D, q) + D;
}
