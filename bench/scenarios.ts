import type { ScenarioInput } from '../src/scenario/document.ts';

/**
 * Standard benchmark topologies: users → round-robin balancer → N servers, each server at
 * 90% utilisation. The balancer is the hardware profile (1M req/s), so it never saturates
 * and the cost measured is the engine's, with the balancer's processing step included.
 */
export function balancedServers(servers: number, perServerRps: number, seconds: number): ScenarioInput {
  const serviceTimeMs = 9;
  return {
    type: 'scalelab-scenario',
    version: 1,
    title: `${servers} servers`,
    seed: 1,
    duration: seconds,
    warmup: 0,
    nodes: [
      { id: 'users', type: 'client', config: { rps: servers * perServerRps } },
      { id: 'lb', type: 'loadBalancer', config: { strategy: 'round-robin', profile: 'hardware' } },
      ...Array.from({ length: servers }, (_, i) => ({
        id: `web-${i + 1}`,
        type: 'server' as const,
        config: { workers: 1, serviceTimeMs },
      })),
    ],
    edges: [
      { source: 'users', target: 'lb' },
      ...Array.from({ length: servers }, (_, i) => ({ source: 'lb', target: `web-${i + 1}` })),
    ],
    events: [],
  };
}

/**
 * The cache-heavy scenario of issue 3: 100,000 requests/s over 1,000,000 keys with Zipf 1.0,
 * users → 50 servers (the client balances itself) → 4 LRU caches of 100,000 items each,
 * sharded by consistent hashing, and a database behind them for the misses.
 */
export function cacheHeavy(seconds: number): ScenarioInput {
  const servers = 50;
  const caches = 4;
  return {
    type: 'scalelab-scenario',
    version: 1,
    title: 'cache-heavy',
    seed: 1,
    duration: seconds,
    warmup: 0,
    nodes: [
      {
        id: 'users',
        type: 'client',
        config: { rps: 100_000, keys: 1_000_000, zipf: 1, strategy: 'round-robin' },
      },
      ...Array.from({ length: servers }, (_, i) => ({
        id: `web-${i + 1}`,
        type: 'server' as const,
        config: { workers: 64, serviceTimeMs: 1 },
      })),
      ...Array.from({ length: caches }, (_, i) => ({
        id: `cache-${i + 1}`,
        type: 'cache' as const,
        config: { capacity: 100_000, eviction: 'lru' as const, workers: 64, hitTimeMs: 0.2 },
      })),
      { id: 'db', type: 'database', config: { connections: 1000, readTimeMs: 5 } },
    ],
    edges: [
      ...Array.from({ length: servers }, (_, i) => ({ source: 'users', target: `web-${i + 1}` })),
      ...Array.from({ length: servers }, (_, i) => [
        ...Array.from({ length: caches }, (_, k) => ({ source: `web-${i + 1}`, target: `cache-${k + 1}` })),
        { source: `web-${i + 1}`, target: 'db' },
      ]).flat(),
    ],
    events: [],
  };
}
