/**
 * Cache hit ratios under the independent reference model (each request asks for key i with
 * probability p_i, independently), for the tests and for the UI to show theory beside the
 * measured hit ratio.
 *
 *  - LRU: Che's approximation (Che, Tung & Wang, IEEE JSAC 2002; Fricker, Robert & Roberts,
 *    ITC 2012). The characteristic time T solves Σ_i (1 − e^{−p_i T}) = C and the hit ratio
 *    is Σ_i p_i (1 − e^{−p_i T}).
 *  - FIFO and RANDOM (the same under IRM, Gelenbe 1973): Σ_i p_i T / (1 + p_i T) = C, hit
 *    ratio Σ_i p_i · p_i T / (1 + p_i T) (Martina, Garetto & Leonardi, INFOCOM 2014).
 *  - Perfect LFU: the C most popular keys, exactly — no policy that knows only the past can
 *    beat it under IRM.
 *
 * T is in requests. Both equations are increasing and concave in T, so Newton's method from
 * T = C converges monotonically.
 */
export interface CacheTheory {
  /** Characteristic time, in requests. */
  T: number;
  hitRatio: number;
}

/** `p` are the key probabilities; `capacity` C < number of keys. */
export function cheLru(p: Float64Array, capacity: number): CacheTheory {
  return solve(
    p,
    capacity,
    (x) => 1 - Math.exp(-x),
    (x) => Math.exp(-x),
  );
}

export function fifoApprox(p: Float64Array, capacity: number): CacheTheory {
  return solve(
    p,
    capacity,
    (x) => x / (1 + x),
    (x) => 1 / ((1 + x) * (1 + x)),
  );
}

/** Sum of the `capacity` largest probabilities. */
export function perfectLfu(p: Float64Array, capacity: number): number {
  const sorted = Float64Array.from(p).sort().reverse();
  let sum = 0;
  for (let i = 0; i < Math.min(capacity, sorted.length); i++) sum += sorted[i] as number;
  return sum;
}

/**
 * Newton on f(T) = Σ occ(p_i T) − C, where occ is the occupancy of one key
 * (1 − e^{−x} for LRU, x/(1+x) for FIFO) and dOcc its derivative.
 */
function solve(
  p: Float64Array,
  capacity: number,
  occ: (x: number) => number,
  dOcc: (x: number) => number,
): CacheTheory {
  if (capacity >= p.length) return { T: Number.POSITIVE_INFINITY, hitRatio: 1 };
  let T = capacity;
  for (let iter = 0; iter < 200; iter++) {
    let f = -capacity;
    let df = 0;
    for (let i = 0; i < p.length; i++) {
      const pi = p[i] as number;
      f += occ(pi * T);
      df += pi * dOcc(pi * T);
    }
    const step = f / df;
    T -= step;
    if (Math.abs(step) <= 1e-12 * T) break;
  }
  let h = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] as number;
    h += pi * occ(pi * T);
  }
  return { T, hitRatio: h };
}
