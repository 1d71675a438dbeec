import { describe, expect, it } from 'vitest';
import { cheLru } from '../src/engine/cache/theory.ts';
import { zipfProbabilities } from '../src/engine/core/zipf.ts';
import { roundRobinBackend } from '../src/engine/theory/ek_m_1.ts';
import { bareBalanced, bareCacheHeavy } from './bareTopologies.ts';

/**
 * The bare loops are yardsticks only if they simulate the benchmark's own topologies: their
 * results must agree with the theory the engine is held to.
 */
describe('bare topology loops simulate the benchmark scenarios', () => {
  it('round-robin over 20 servers at 90% load: mean response of an E_20/M/1 queue', () => {
    // Each server sees Erlang-20 gaps; the balancer's 1 µs step is negligible at 9 ms service.
    const theory = roundRobinBackend(20, 20 * 0.1, 1 / 9).W;
    const { meanResponse, events } = bareBalanced(1_000_000, 20, 100, 9, 0.001);
    expect(Math.abs(meanResponse / theory - 1)).toBeLessThan(0.03);
    expect(events).toBeGreaterThanOrEqual(3_000_000); // arrival, balancer step, service end
  });

  it('four sharded LRU caches under Zipf: the hit ratio of Che’s approximation', () => {
    // 100,000 keys, four LRU shards of 5,000 by key hash: each shard is an LRU over its own keys.
    const keys = 100_000;
    const p = zipfProbabilities(keys, 1);
    const shard = (k: number) => (Math.imul(k, 0x85ebca6b) >>> 0) % 4;
    let expected = 0;
    for (let s = 0; s < 4; s++) {
      const mine = [...p.keys()].filter((k) => shard(k) === s);
      const total = mine.reduce((sum, k) => sum + (p[k] as number), 0);
      const q = Float64Array.from(mine, (k) => (p[k] as number) / total);
      expected += total * cheLru(q, 5_000).hitRatio;
    }
    const { hitRatio } = bareCacheHeavy(1_000_000, keys, 4, 5_000);
    expect(Math.abs(hitRatio - expected)).toBeLessThan(0.01);
  });
});
