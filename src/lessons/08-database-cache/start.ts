import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'A database on spinning disks',
  description:
    '800 requests/s, 95% reads, over 50,000 keys. The database runs on HDDs: every query takes four times as long as on SSD, and every read goes to disk.',
  seed: 1,
  duration: 30,
  warmup: 5,
  nodes: [
    {
      id: 'users',
      type: 'client',
      position: { x: 0, y: 160 },
      config: { rps: 900, keys: 50000, zipf: 1, readRatio: 0.95 },
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
      id: 'db',
      type: 'database',
      position: { x: 740, y: 160 },
      config: { connections: 16, readTimeMs: 16, writeTimeMs: 20 },
    },
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
