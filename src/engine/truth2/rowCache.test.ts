import { describe, expect, it } from 'vitest';
import { cheLru } from '../cache/theory.ts';
import { zipfProbabilities } from '../core/zipf.ts';
import { num, pct, run, scenario } from './support.ts';

/**
 * The database's row cache: transparent to the app (users → server → database, no cache
 * node), yet reads get faster. Its hit ratio follows Che like any LRU, and the mean query
 * time is the mixture h·(cached read time) + (1 − h)·(read time) when nothing queues.
 */
describe('database row cache', () => {
  const keys = 20_000;
  const s = 1;
  const capacity = 2000;
  const doc = (rowCache: object | undefined, events: object[] = []) =>
    scenario(
      230,
      30,
      [
        { id: 'users', type: 'client', config: { rps: 800, keys, zipf: s } },
        { id: 'web', type: 'server', config: { workers: 500, serviceTimeMs: 1 } },
        {
          id: 'db',
          type: 'database',
          config: { connections: 200, readTimeMs: 8, ...(rowCache ? { rowCache } : {}) },
        },
      ],
      [
        ['users', 'web'],
        ['web', 'db'],
      ],
      events as Record<string, unknown>[],
    );

  it('hit ratio = Che; query time = h·0.5 ms + (1 − h)·8 ms; the app changed nothing', () => {
    const plain = run(doc(undefined)).report;
    const { report: r } = run(doc({ capacity, eviction: 'lru', hitTimeMs: 0.5 }));
    const rows = r.nodes.db?.rowCache as { hitRatio: number; hits: number; misses: number; size: number };
    const che = cheLru(zipfProbabilities(keys, s), capacity).hitRatio;
    const mixture = rows.hitRatio * 0.5 + (1 - rows.hitRatio) * 8;
    const measured = num(r, 'db', 'meanTimeMs');
    console.info(
      `row cache hit ${pct(rows.hitRatio)} vs Che ${pct(che)}; query time ${measured.toFixed(3)} ms vs mixture ${mixture.toFixed(3)} ms (no row cache: ${num(plain, 'db', 'meanTimeMs').toFixed(3)} ms)`,
    );
    expect(Math.abs(rows.hitRatio - che)).toBeLessThan(0.01);
    expect(Math.abs(measured / mixture - 1)).toBeLessThan(0.02);
    expect(rows.size).toBe(capacity);
    expect(r.latencyMs.mean).toBeLessThan(plain.latencyMs.mean - 3);
    // The timeline carries the row cache's hit ratio; a database without one has none.
    expect(r.timeline.at(-1)?.nodes.db?.hitRatio).toBeGreaterThan(0.3);
    expect(plain.timeline.at(-1)?.nodes.db).not.toHaveProperty('hitRatio');
  });

  it('a flush empties it; a crash loses it too (memory, not disk)', () => {
    const { report: r } = run(
      doc({ capacity, eviction: 'lru', hitTimeMs: 0.5 }, [
        { at: 100, action: 'flush', node: 'db' },
        { at: 150, action: 'fail', node: 'db' },
        { at: 151, action: 'restore', node: 'db' },
      ]),
    );
    const hit = (t: number) => r.timeline.find((p) => p.t === t)?.nodes.db?.hitRatio as number;
    console.info(
      `row cache hit ratio: 100 s ${hit(100)}, 101 s ${hit(101)}, 150 s ${hit(150)}, 152 s ${hit(152)}, 200 s ${hit(200)}`,
    );
    expect(hit(101)).toBeLessThan(hit(100) - 0.1);
    expect(hit(152)).toBeLessThan(hit(150) - 0.1);
    expect(Math.abs(hit(200) - hit(100))).toBeLessThan(0.06);
  });
});
