import { describe, expect, it } from 'vitest';
import { Rng } from '../core/random.ts';
import { createPicker, type Strategy } from './pickers.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `web-${i + 1}`);
const make = (strategy: Strategy, n: number, weights?: number[]) =>
  createPicker({
    strategy,
    ids: ids(n),
    weights: weights ?? Array(n).fill(1),
    virtualNodes: 100,
    rng: new Rng(1, strategy),
  });

describe('backend pickers', () => {
  it('round-robin takes turns and skips backends it believes are down', () => {
    const p = make('round-robin', 3);
    expect([p.pick(0, 0), p.pick(0, 0), p.pick(0, 0), p.pick(0, 0)]).toEqual([0, 1, 2, 0]);
    p.setHealthy(1, false);
    expect([p.pick(0, 0), p.pick(0, 0), p.pick(0, 0)]).toEqual([2, 0, 2]);
    p.setHealthy(0, false);
    p.setHealthy(2, false);
    expect(p.pick(0, 0)).toBe(-1);
  });

  it('weighted round-robin sends in proportion to weight, spread out', () => {
    const p = make('weighted-round-robin', 3, [5, 1, 1]);
    const seq = Array.from({ length: 7 }, () => p.pick(0, 0));
    expect(seq.filter((i) => i === 0)).toHaveLength(5);
    expect(seq).toEqual([0, 0, 1, 0, 2, 0, 0]);
  });

  it('random picks every healthy backend about equally and never a down one', () => {
    const p = make('random', 4);
    p.setHealthy(3, false);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 30_000; i++) {
      const b = p.pick(0, 0);
      counts[b] = (counts[b] ?? 0) + 1;
    }
    expect(counts[3]).toBe(0);
    for (const c of counts.slice(0, 3)) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('least-connections always picks a backend with the fewest in progress', () => {
    const p = make('least-connections', 20);
    const rng = new Rng(9, 'ops');
    const outstanding: number[] = [];
    for (let step = 0; step < 20_000; step++) {
      if (outstanding.length > 0 && rng.next() < 0.45) {
        const k = rng.int(outstanding.length);
        const b = outstanding[k] as number;
        outstanding[k] = outstanding[outstanding.length - 1] as number;
        outstanding.pop();
        p.onDone(b);
      } else {
        if (rng.next() < 0.01) p.setHealthy(rng.int(20), rng.next() < 0.6);
        const b = p.pick(0, 0);
        if (b < 0) continue;
        let min = Number.POSITIVE_INFINITY;
        for (let i = 0; i < 20; i++) if (p.isHealthy(i)) min = Math.min(min, p.active[i] as number);
        expect(p.active[b]).toBe(min);
        p.onSend(b);
        outstanding.push(b);
      }
    }
  });

  it('power-of-two picks the less loaded of two distinct backends', () => {
    const p = make('power-of-two', 2);
    for (let i = 0; i < 5; i++) p.onSend(0);
    for (let i = 0; i < 100; i++) expect(p.pick(0, 0)).toBe(1);
  });

  it('ip-hash keeps a session on one backend while it is up', () => {
    const p = make('ip-hash', 8);
    for (let s = 0; s < 100; s++) expect(p.pick(0, s)).toBe(p.pick(123, s));
    const before = p.pick(0, 42);
    p.setHealthy(before, false);
    expect(p.pick(0, 42)).not.toBe(before);
  });

  it('consistent-hash moves only the dead backend’s keys', () => {
    const p = make('consistent-hash', 10);
    const before = Array.from({ length: 5000 }, (_, k) => p.pick(k, 0));
    p.setHealthy(3, false);
    const after = Array.from({ length: 5000 }, (_, k) => p.pick(k, 0));
    let moved = 0;
    before.forEach((b, k) => {
      if (b !== 3) expect(after[k]).toBe(b);
      else moved++;
      expect(after[k]).not.toBe(3);
    });
    // About a tenth of the keys belonged to backend 3.
    expect(moved / 5000).toBeGreaterThan(0.05);
    expect(moved / 5000).toBeLessThan(0.16);
  });
});
