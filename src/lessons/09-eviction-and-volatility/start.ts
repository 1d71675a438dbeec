import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'A small cache that forgets in order, then restarts',
  description:
    '1,500 reads/s over 50,000 keys. One cache of 2,000 items evicts the oldest item first (FIFO). At 25 s the cache restarts and comes back empty. The database alone can answer only about 1,000 reads/s.',
  seed: 1,
  duration: 40,
  warmup: 10,
  nodes: [
    {
      id: 'users',
      type: 'client',
      position: { x: 0, y: 160 },
      config: { rps: 1500, keys: 50000, zipf: 1, timeoutMs: 1000 },
    },
    {
      id: 'lb',
      type: 'loadBalancer',
      position: { x: 240, y: 160 },
      config: { strategy: 'least-connections' },
    },
    { id: 'web-1', type: 'server', position: { x: 480, y: 100 }, config: { workers: 64, serviceTimeMs: 4 } },
    { id: 'web-2', type: 'server', position: { x: 480, y: 220 }, config: { workers: 64, serviceTimeMs: 4 } },
    { id: 'db', type: 'database', position: { x: 740, y: 280 }, config: { connections: 10, readTimeMs: 10 } },
    {
      id: 'cache-1',
      type: 'cache',
      position: { x: 740, y: 40 },
      config: { capacity: 2000, eviction: 'fifo' },
    },
  ],
  edges: [
    { source: 'users', target: 'lb', latencyMs: 10 },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'web-1', target: 'db', latencyMs: 0.5 },
    { source: 'web-2', target: 'db', latencyMs: 0.5 },
    { source: 'web-1', target: 'cache-1', latencyMs: 0.2 },
    { source: 'web-2', target: 'cache-1', latencyMs: 0.2 },
  ],
  events: [
    { at: 25, action: 'fail', node: 'cache-1' },
    { at: 26, action: 'restore', node: 'cache-1' },
  ],
} satisfies ScenarioInput;
