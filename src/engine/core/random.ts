/**
 * Seeded randomness. xoshiro128** (32-bit state words: fast in JavaScript) seeded through
 * splitmix32 from (scenario seed, stream name). Every consumer takes its own named stream
 * ("arrivals:users", "service:web-1"), so adding a node or a draw in one place never shifts
 * the numbers another node sees. No Math.random anywhere in the engine.
 */
export class Rng {
  /**
   * The four 32-bit state words, in a typed array: as object fields, words beyond ±2^30 would
   * each sit in a box of their own on the heap, read and written through a pointer at every
   * draw (a thousand servers each draw from their own stream).
   */
  private readonly s = new Int32Array(4);
  private spareNormal = Number.NaN;

  constructor(seed: number, stream = '') {
    let x = (seed ^ hashString(stream)) >>> 0;
    const next = () => {
      // splitmix32
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    const s = this.s;
    for (let i = 0; i < 4; i++) s[i] = next();
    if (s.every((w) => w === 0)) s[0] = 1;
  }

  /** A uniformly random 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const s2 = s[2] as number;
    const s3 = s[3] as number;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = rotl(n3, 11);
    return result;
  }

  /** Uniform in [0, 1). 32 bits of resolution are plenty for service times and choices. */
  next(): number {
    return this.nextUint32() * 2.3283064365386963e-10;
  }

  /** Uniform in (0, 1]: safe to take the logarithm of. */
  nextOpen(): number {
    return (this.nextUint32() + 1) * 2.3283064365386963e-10;
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -mean * Math.log(this.nextOpen());
  }

  /** Standard normal (Box–Muller, the spare kept for the next call). */
  normal(): number {
    const spare = this.spareNormal;
    if (!Number.isNaN(spare)) {
      this.spareNormal = Number.NaN;
      return spare;
    }
    const r = Math.sqrt(-2 * Math.log(this.nextOpen()));
    const theta = 2 * Math.PI * this.next();
    this.spareNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** FNV-1a over UTF-16 code units, finished with a murmur3 mix. Stable across platforms. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3's 32-bit finaliser: spreads the bits of an integer key. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
