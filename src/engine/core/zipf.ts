import type { Rng } from './random.ts';

/**
 * Zipf-distributed ranks 1..n with P(k) ∝ 1 / k^s, in O(1) memory and expected O(1) time:
 * rejection-inversion sampling (W. Hörmann and G. Derflinger, "Rejection-inversion to generate
 * variates from monotone discrete distributions", ACM TOMACS 6(3), 1996). s = 0 is uniform.
 * An alias table would need memory per key; key spaces here reach 10^8.
 */
export class ZipfSampler {
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  private readonly sBound: number;

  constructor(
    readonly n: number,
    readonly s: number,
  ) {
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(n + 0.5);
    this.sBound = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  /** A rank in 1..n; rank 1 is the most popular. */
  sample(rng: Rng): number {
    const n = this.n;
    if (n === 1) return 1;
    for (;;) {
      const u = this.hIntegralN + rng.next() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > n) k = n;
      if (k - x <= this.sBound || u >= this.hIntegral(k + 0.5) - this.h(k)) return k;
    }
  }

  private h(x: number): number {
    return Math.exp(-this.s * Math.log(x));
  }

  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return helper2((1 - this.s) * logX) * logX;
  }

  private hIntegralInverse(x: number): number {
    let t = x * (1 - this.s);
    if (t < -1) t = -1;
    return Math.exp(helper1(t) * x);
  }
}

/** log(1 + x) / x, accurate near 0. */
function helper1(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

/** (exp(x) − 1) / x, accurate near 0. */
function helper2(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

/**
 * Zipf ranks by Walker's alias method: O(n) to build, then one random number and one
 * comparison per draw — several times faster than rejection-inversion, which spends
 * logarithms and exponentials on every draw. Used for key spaces up to ALIAS_MAX_KEYS.
 */
export const ALIAS_MAX_KEYS = 1 << 21;

export class ZipfAliasSampler {
  /**
   * Per column i, interleaved so a draw reads one cache line (with a million keys the table
   * is far larger than the processor's caches): [2i] the keep threshold, [2i + 1] the alias.
   * 32-bit integers, half the size of (probability, alias) in doubles, with the same answers:
   * a draw x = m / 2^32 (m a 32-bit integer, as `Rng.next` makes them) lands in column
   * i = ⌊m·n / 2^32⌋ at fraction r / 2^32 with r = m·n mod 2^32, all exact in doubles for
   * n ≤ 2^21; so "fraction < probability" is exactly "r < ⌈probability · 2^32⌉".
   */
  private readonly table: Uint32Array;

  constructor(
    readonly n: number,
    readonly s: number,
  ) {
    this.table = aliasTable(n, s);
  }

  /** A rank in 1..n; rank 1 is the most popular. */
  sample(rng: Rng): number {
    return this.rankAt(rng.next());
  }

  /**
   * The rank a draw x = m / 2^32 stands for (m a 32-bit integer, as `Rng.next` makes them):
   * `sample` split in two, so the table look-up can wait until the key is needed.
   */
  rankAt(x: number): number {
    const u = x * this.n;
    const i = Math.floor(u);
    const r = (u - i) * 2 ** 32;
    const table = this.table;
    return (r < (table[2 * i] as number) ? i : (table[2 * i + 1] as number)) + 1;
  }
}

/**
 * The last few tables built, by (n, s): a table is read-only, and runs of one scenario (a
 * sweep, the benchmark, a test) would otherwise rebuild the same million-entry table each time.
 * Sharing changes no draw.
 */
const aliasTables = new Map<string, Uint32Array>();

function aliasTable(n: number, s: number): Uint32Array {
  const name = `${n}:${s}`;
  const known = aliasTables.get(name);
  if (known !== undefined) return known;
  const table = buildAliasTable(n, s);
  // At most four tables and 2^22 columns (32 MB) kept.
  let columns = n;
  for (const t of aliasTables.values()) columns += t.length / 2;
  if (aliasTables.size >= 4 || columns > 2 ** 22) aliasTables.clear();
  aliasTables.set(name, table);
  return table;
}

function buildAliasTable(n: number, s: number): Uint32Array {
  if (n > ALIAS_MAX_KEYS) throw new RangeError('alias table: too many keys for exact 32-bit thresholds');
  const p = zipfProbabilities(n, s);
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    const v = (p[i] as number) * n;
    scaled[i] = v;
    if (v < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const l = small[--ns] as number;
    const g = large[--nl] as number;
    prob[l] = scaled[l] as number;
    alias[l] = g;
    const rest = (scaled[g] as number) + (scaled[l] as number) - 1;
    scaled[g] = rest;
    if (rest < 1) small[ns++] = g;
    else large[nl++] = g;
  }
  // Leftovers are 1 up to rounding.
  while (nl > 0) prob[large[--nl] as number] = 1;
  while (ns > 0) prob[small[--ns] as number] = 1;
  const table = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    // Keep when r < t, t = ⌈prob · 2^32⌉ clamped to [0, 2^32]. t = 2^32 (always keep) does
    // not fit: store 2^32 − 1 with the column itself as alias, so r = 2^32 − 1 keeps too.
    const t = Math.min(2 ** 32, Math.max(0, Math.ceil((prob[i] as number) * 2 ** 32)));
    table[2 * i] = t === 2 ** 32 ? 2 ** 32 - 1 : t;
    table[2 * i + 1] = t === 2 ** 32 ? i : (alias[i] as number);
  }
  return table;
}

/** The fastest exact Zipf sampler for this key space. */
export function createZipfSampler(n: number, s: number): { sample(rng: Rng): number } {
  return n <= ALIAS_MAX_KEYS ? new ZipfAliasSampler(n, s) : new ZipfSampler(n, s);
}

/** Exact Zipf probabilities of the top ranks (for tests and theory panels). */
export function zipfProbabilities(n: number, s: number): Float64Array {
  const p = new Float64Array(n);
  let sum = 0;
  for (let k = 1; k <= n; k++) {
    const w = k ** -s;
    p[k - 1] = w;
    sum += w;
  }
  for (let k = 0; k < n; k++) p[k] = (p[k] as number) / sum;
  return p;
}
