import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'A cache nobody tells about writes',
  description:
    '1,000 requests/s over 20,000 keys, one in ten a write. The servers write to the database and leave the cache alone: a cached copy stays until it is evicted, however often the row changes.',
  seed: 1,
  duration: 30,
  warmup: 5,
  nodes: [
    {
      id: 'users',
      type: 'client',
      position: { x: 0, y: 160 },
      config: { rps: 1000, keys: 20000, zipf: 1, readRatio: 0.9 },
    },
    {
      id: 'lb',
      type: 'loadBalancer',
      position: { x: 240, y: 160 },
      config: { strategy: 'least-connections' },
    },
    { id: 'web-1', type: 'server', position: { x: 480, y: 100 }, config: { workers: 32, serviceTimeMs: 4 } },
    { id: 'web-2', type: 'server', position: { x: 480, y: 220 }, config: { workers: 32, serviceTimeMs: 4 } },
    {
      id: 'cache',
      type: 'cache',
      position: { x: 740, y: 80 },
      config: { capacity: 5000, writePolicy: 'ttl-only' },
    },
    {
      id: 'db',
      type: 'database',
      position: { x: 740, y: 240 },
      config: { connections: 16, readTimeMs: 10, writeTimeMs: 15 },
    },
  ],
  edges: [
    { source: 'users', target: 'lb', latencyMs: 10 },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'web-1', target: 'cache', latencyMs: 0.2 },
    { source: 'web-2', target: 'cache', latencyMs: 0.2 },
    { source: 'web-1', target: 'db', latencyMs: 0.5 },
    { source: 'web-2', target: 'db', latencyMs: 0.5 },
  ],
  events: [],
} satisfies ScenarioInput;
