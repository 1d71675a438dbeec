/**
 * Input checks shared by the closed forms. A parameter outside its domain (a negative rate,
 * a fractional number of servers, a probability outside [0, 1]) is a programming error and
 * throws a RangeError naming the parameter. An *unstable* but valid system (ρ ≥ 1) is not an
 * error: the functions return Infinity for its means and percentiles, as documented on each.
 */

export function checkRate(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${name} must be a finite number ≥ 0 (got ${value})`);
}

export function checkPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${name} must be a finite number > 0 (got ${value})`);
}

export function checkCount(name: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be an integer ≥ ${min} (got ${value})`);
}

export function checkProbability(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be in [0, 1] (got ${value})`);
}

export function checkTime(name: string, value: number): void {
  if (Number.isNaN(value)) throw new RangeError(`${name} must be a number (got NaN)`);
}

/**
 * The smallest t ≥ 0 with `survival(t) ≤ p`, for a non-increasing survival function, by
 * doubling an upper bracket from `scale` and then bisecting to ~1e-13 relative precision.
 * Returns 0 when survival(0) ≤ p.
 */
export function invertSurvival(survival: (t: number) => number, p: number, scale: number): number {
  if (survival(0) <= p) return 0;
  let lo = 0;
  let hi = scale > 0 ? scale : 1;
  for (let i = 0; survival(hi) > p; i++) {
    lo = hi;
    hi *= 2;
    if (i > 2000) return Number.POSITIVE_INFINITY;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (survival(mid) > p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
