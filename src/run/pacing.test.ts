import { describe, expect, it } from 'vitest';
import { ChunkSizer, isSpeed, MAX_DEBT_MS, Pacer, SpeedMeter, speedLabel } from './pacing.ts';

describe('Pacer', () => {
  it('maps wall time to simulated time at the chosen speed', () => {
    const p = new Pacer();
    p.setSpeed(10, 1000, 0);
    expect(p.target(1000)).toBe(0);
    expect(p.target(1100)).toBe(1000);
    expect(p.target(900)).toBe(0); // never backwards
  });

  it('changes speed without a jump in simulated time', () => {
    const p = new Pacer();
    p.setSpeed(1, 0, 0);
    expect(p.target(500)).toBe(500);
    p.setSpeed(100, 500, 500);
    expect(p.target(500)).toBe(500);
    expect(p.target(510)).toBe(1500);
    p.setSpeed(0.1, 510, 1500);
    expect(p.target(1510)).toBeCloseTo(1600);
  });

  it('runs without a target at full speed', () => {
    const p = new Pacer();
    p.setSpeed('max', 0, 0);
    expect(p.target(1)).toBe(Number.POSITIVE_INFINITY);
    expect(p.settle(1, 0)).toBe(false);
  });

  it('forgives a debt larger than MAX_DEBT_MS instead of racing to catch up', () => {
    const p = new Pacer();
    p.setSpeed(2, 0, 0);
    // At wall 1000 the run should be at 2000 ms but only reached 1000: 500 wall ms behind.
    expect(p.settle(1000, 1000)).toBe(true);
    expect(p.target(1000)).toBe(1000);
    // A small lag is kept (the next slices catch up).
    expect(p.settle(1000 + MAX_DEBT_MS / 2, 1000)).toBe(false);
  });

  it('knows its speeds', () => {
    expect(isSpeed(1)).toBe(true);
    expect(isSpeed('max')).toBe(true);
    expect(isSpeed(0)).toBe(false);
    expect(isSpeed(1000)).toBe(false);
    expect(isSpeed('fast')).toBe(false);
    expect(speedLabel(0.5)).toBe('×0.5');
    expect(speedLabel('max')).toBe('As fast as possible');
  });
});

describe('SpeedMeter', () => {
  it('measures simulated ms per wall ms over the last second', () => {
    const m = new SpeedMeter(1000);
    for (let w = 0; w <= 3000; w += 50) m.sample(w, w * (w < 2000 ? 1 : 4));
    // The last second ran at ×4.
    expect(m.speed(3000)).toBeCloseTo(4, 5);
  });

  it('says 0 until it has two samples, and after clear()', () => {
    const m = new SpeedMeter();
    expect(m.speed(0)).toBe(0);
    m.sample(0, 0);
    expect(m.speed(0)).toBe(0);
    m.sample(100, 100);
    expect(m.speed(100)).toBeCloseTo(1);
    m.clear();
    expect(m.speed(100)).toBe(0);
  });
});

describe('ChunkSizer', () => {
  it('grows chunks while they are cheap and shrinks them when they are slow', () => {
    const c = new ChunkSizer(2, 1, 1000);
    const start = c.chunk;
    c.observe(c.chunk, 0.1);
    expect(c.chunk).toBe(start * 2);
    c.observe(c.chunk, 10);
    expect(c.chunk).toBe(start);
    // A chunk cut short by the pacing target says nothing about the cost.
    c.observe(c.chunk / 10, 0);
    expect(c.chunk).toBe(start);
    for (let i = 0; i < 40; i++) c.observe(c.chunk, 100);
    expect(c.chunk).toBe(1);
    for (let i = 0; i < 40; i++) c.observe(c.chunk, 0);
    expect(c.chunk).toBe(1000);
  });
});
