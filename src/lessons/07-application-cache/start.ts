import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'Every read goes to the database',
  description:
    '1,000 reads/s over 100,000 keys, a few of them very popular (Zipf 1). Every request reads the database: 16 connections at 15 ms answer at most about 1,067 reads/s.',
  seed: 1,
  duration: 30,
  warmup: 5,
  nodes: [
    { id: 'users', type: 'client', position: { x: 0, y: 160 }, config: { rps: 1000, keys: 100000, zipf: 1 } },
    {
      id: 'lb',
      type: 'loadBalancer',
      position: { x: 240, y: 160 },
      config: { strategy: 'least-connections' },
    },
    { id: 'web-1', type: 'server', position: { x: 480, y: 100 }, config: { workers: 32, serviceTimeMs: 4 } },
    { id: 'web-2', type: 'server', position: { x: 480, y: 220 }, config: { workers: 32, serviceTimeMs: 4 } },
    { id: 'db', type: 'database', position: { x: 740, y: 220 }, config: { connections: 16, readTimeMs: 15 } },
  ],
  edges: [
    { source: 'users', target: 'lb', latencyMs: 10 },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'web-1', target: 'db', latencyMs: 0.5 },
    { source: 'web-2', target: 'db', latencyMs: 0.5 },
  ],
  events: [],
} satisfies ScenarioInput;
