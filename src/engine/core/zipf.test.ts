import { describe, expect, it } from 'vitest';
import { Rng } from './random.ts';
import { ZipfAliasSampler, zipfProbabilities } from './zipf.ts';

/** Walker's alias table with (probability, alias) in doubles: what the 32-bit table must match. */
function referenceTable(n: number, s: number): { prob: Float64Array; alias: Int32Array } {
  const p = zipfProbabilities(n, s);
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = Array.from(p, (v) => v * n);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((v, i) => {
    (v < 1 ? small : large).push(i);
  });
  while (small.length > 0 && large.length > 0) {
    const l = small.pop() as number;
    const g = large.pop() as number;
    prob[l] = scaled[l] as number;
    alias[l] = g;
    scaled[g] = (scaled[g] as number) + (scaled[l] as number) - 1;
    ((scaled[g] as number) < 1 ? small : large).push(g);
  }
  for (const i of [...large, ...small]) prob[i] = 1;
  return { prob, alias };
}

describe('ZipfAliasSampler', () => {
  it('draws exactly the ranks of the double-precision alias table, thresholds included', () => {
    for (const [n, s] of [
      [1, 1],
      [7, 0],
      [1000, 0.8],
      [10_000, 1],
      [123_457, 1.3],
    ] as const) {
      const sampler = new ZipfAliasSampler(n, s);
      const { prob, alias } = referenceTable(n, s);
      const expected = (m: number) => {
        const u = m * 2 ** -32 * n;
        const i = Math.floor(u);
        return (u - i < (prob[i] as number) ? i : (alias[i] as number)) + 1;
      };
      const ms: number[] = [0, 1, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1];
      const rng = new Rng(9, 'zipf-test');
      for (let k = 0; k < 20_000; k++) ms.push(rng.nextUint32());
      // Draws on either side of a column's keep threshold, where rounding would show.
      for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 5000))) {
        const m0 = Math.floor((i + (prob[i] as number)) * (2 ** 32 / n));
        for (let d = -2; d <= 2; d++) if (m0 + d >= 0 && m0 + d < 2 ** 32) ms.push(m0 + d);
      }
      for (const m of ms) expect(sampler.rankAt(m * 2 ** -32)).toBe(expected(m));
    }
  });
});
