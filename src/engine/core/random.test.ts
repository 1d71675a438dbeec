import { describe, expect, it } from 'vitest';
import { Rng } from './random.ts';
import { ZipfAliasSampler, ZipfSampler, zipfProbabilities } from './zipf.ts';

describe('Rng', () => {
  it('is reproducible per (seed, stream) and independent across streams', () => {
    const draw = (seed: number, stream: string) => {
      const r = new Rng(seed, stream);
      return Array.from({ length: 5 }, () => r.nextUint32());
    };
    expect(draw(42, 'a')).toEqual(draw(42, 'a'));
    expect(draw(42, 'a')).not.toEqual(draw(42, 'b'));
    expect(draw(42, 'a')).not.toEqual(draw(43, 'a'));
  });

  it('draws uniform numbers in [0, 1) and exponentials with the right mean', () => {
    const r = new Rng(7, 'u');
    let sum = 0;
    let min = 1;
    let max = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    let e = 0;
    for (let i = 0; i < n; i++) e += r.exp(10);
    expect(e / n).toBeGreaterThan(9.9);
    expect(e / n).toBeLessThan(10.1);
  });

  it('draws standard normals', () => {
    const r = new Rng(3, 'n');
    let s = 0;
    let s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(s2 / n).toBeCloseTo(1, 1);
  });
});

describe.each([
  ['rejection-inversion', (n: number, s: number) => new ZipfSampler(n, s)],
  ['alias table', (n: number, s: number) => new ZipfAliasSampler(n, s)],
])('Zipf sampler (%s)', (_name, make) => {
  for (const [n, s] of [
    [1000, 1],
    [100, 0.8],
    [50, 0],
    [10_000, 1.2],
  ] as const) {
    it(`matches the exact Zipf law for n=${n}, s=${s}`, () => {
      const z = make(n, s);
      const rng = new Rng(1, `zipf-${n}-${s}`);
      const draws = 400_000;
      const counts = new Float64Array(n);
      let outOfRange = 0;
      for (let i = 0; i < draws; i++) {
        const k = z.sample(rng);
        if (!(k >= 1 && k <= n && Number.isInteger(k))) outOfRange++;
        else counts[k - 1] = (counts[k - 1] as number) + 1;
      }
      expect(outOfRange).toBe(0);
      const p = zipfProbabilities(n, s);
      // The top ranks, and the mass of the top 10%, within 4 standard errors.
      for (let k = 0; k < 5; k++) {
        const pk = p[k] as number;
        const se = Math.sqrt((pk * (1 - pk)) / draws);
        expect(Math.abs((counts[k] as number) / draws - pk)).toBeLessThan(4 * se + 1e-9);
      }
      const top = Math.ceil(n / 10);
      let pm = 0;
      let cm = 0;
      for (let k = 0; k < top; k++) {
        pm += p[k] as number;
        cm += counts[k] as number;
      }
      expect(Math.abs(cm / draws - pm)).toBeLessThan(4 * Math.sqrt((pm * (1 - pm)) / draws) + 1e-9);
    });
  }
});
