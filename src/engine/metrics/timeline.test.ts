import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../../scenario/restore.ts';
import { Simulation } from '../simulation.ts';

describe('the per-second timeline', () => {
  it('the second in which warm-up ends reads as a whole second, not a dip to zero', () => {
    const sim = new Simulation(
      restoreOrThrow({
        type: 'scalelab-scenario',
        version: 1,
        seed: 3,
        duration: 20,
        warmup: 9.5, // ends half-way through the tenth second
        nodes: [
          { id: 'users', type: 'client', config: { rps: 400 } },
          { id: 'web', type: 'server', config: { workers: 4, serviceTimeMs: 5 } },
          { id: 'cache', type: 'cache', config: { capacity: 500 } },
          { id: 'db', type: 'database' },
        ],
        edges: [
          { source: 'users', target: 'web' },
          { source: 'web', target: 'cache' },
          { source: 'web', target: 'db' },
        ],
      }),
    );
    const timeline = sim.run().timeline;
    const at = (t: number) => timeline.find((p) => p.t === t)?.nodes.web;
    const cacheAt = (t: number) => timeline.find((p) => p.t === t)?.nodes.cache;
    // About 400 served each second, and the tenth like its neighbours.
    const u = (t: number) => at(t)?.utilization as number;
    expect(u(10)).toBeGreaterThan(0.3);
    expect(Math.abs(u(10) - (u(9) + u(11)) / 2)).toBeLessThan(0.15);
    for (const t of [9, 10, 11]) {
      expect(at(t)?.served).toBeGreaterThan(300);
      expect(cacheAt(t)?.hitRatio).toBeGreaterThan(0.2);
    }
  });
});
