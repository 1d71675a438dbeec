/** The parts of the bare loops (`bareMmc.ts`, `bareTopologies.ts`): as plain and tight as JavaScript allows. */

/** xoshiro128**: 32-bit outputs; `next()` maps one to (0, 1]. */
export function xoshiro(seed: number) {
  let s0 = 0x9e3779b9 ^ seed;
  let s1 = 0x243f6a88;
  let s2 = 0xb7e15162;
  let s3 = 0x12345678 ^ Math.imul(seed, 7);
  const u32 = (): number => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r;
  };
  return { u32, next: (): number => (u32() + 1) * 2.3283064365386963e-10 };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A min-heap of events by time: (time, kind, a number, a second number). Ties in time do
 * not occur with continuous draws, so no sequence numbers.
 */
export class BareHeap {
  private readonly t: Float64Array;
  private readonly k: Int32Array;
  private readonly a: Float64Array;
  private readonly b: Int32Array;
  n = 0;
  time = 0;
  kind = 0;
  numA = 0;
  numB = 0;

  constructor(capacity: number) {
    this.t = new Float64Array(capacity);
    this.k = new Int32Array(capacity);
    this.a = new Float64Array(capacity);
    this.b = new Int32Array(capacity);
  }

  push(time: number, kind: number, a: number, b: number): void {
    const { t, k } = this;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((t[parent] as number) <= time) break;
      t[i] = t[parent] as number;
      k[i] = k[parent] as number;
      this.a[i] = this.a[parent] as number;
      this.b[i] = this.b[parent] as number;
      i = parent;
    }
    t[i] = time;
    k[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
  }

  /** Takes the earliest event into time / kind / numA / numB. */
  pop(): void {
    const { t, k, a, b } = this;
    this.time = t[0] as number;
    this.kind = k[0] as number;
    this.numA = a[0] as number;
    this.numB = b[0] as number;
    const n = --this.n;
    const lt = t[n] as number;
    const lk = k[n] as number;
    const la = a[n] as number;
    const lb = b[n] as number;
    let i = 0;
    for (;;) {
      let ch = 2 * i + 1;
      if (ch >= n) break;
      if (ch + 1 < n && (t[ch + 1] as number) < (t[ch] as number)) ch++;
      if (lt <= (t[ch] as number)) break;
      t[i] = t[ch] as number;
      k[i] = k[ch] as number;
      a[i] = a[ch] as number;
      b[i] = b[ch] as number;
      i = ch;
    }
    t[i] = lt;
    k[i] = lk;
    a[i] = la;
    b[i] = lb;
  }
}
