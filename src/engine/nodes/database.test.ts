import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../../scenario/restore.ts';
import { Simulation } from '../simulation.ts';

describe('database row cache', () => {
  it('a row-cache hit is served from memory: the storage profile does not slow it', () => {
    const run = (profile: 'ssd' | 'hdd') =>
      new Simulation(
        restoreOrThrow({
          type: 'scalelab-scenario',
          version: 1,
          duration: 40,
          warmup: 10,
          nodes: [
            { id: 'u', type: 'client', config: { rps: 100, keys: 50 } },
            { id: 'w', type: 'server', config: { workers: 8, serviceTimeMs: 1 } },
            {
              id: 'db',
              type: 'database',
              config: { profile, readTimeMs: 5, rowCache: { capacity: 100, hitTimeMs: 0.5 } },
            },
          ],
          edges: [
            { source: 'u', target: 'w' },
            { source: 'w', target: 'db' },
          ],
        }),
      ).run();
    for (const profile of ['ssd', 'hdd'] as const) {
      const db = run(profile).nodes.db;
      // Every key is cached after warm-up, so queries take the hit time (0.5 ms) on either storage.
      expect(db?.meanTimeMs, profile).toBeGreaterThan(0.4);
      expect(db?.meanTimeMs, profile).toBeLessThan(0.6);
    }
  });
});
