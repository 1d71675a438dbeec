import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'A queue and a pool of resizers',
  description:
    'The web servers publish each resize job to a queue and answer at once. A pool of 40 workers takes jobs from the queue, resizes the photos and stores them in the database.',
  seed: 1,
  duration: 40,
  warmup: 5,
  nodes: [
    {
      id: 'users',
      type: 'client',
      position: { x: 0, y: 160 },
      config: { rps: 300, asyncRatio: 0.3, readRatio: 0.9 },
    },
    { id: 'lb', type: 'loadBalancer', position: { x: 240, y: 160 } },
    {
      id: 'web-1',
      type: 'server',
      position: { x: 480, y: 100 },
      config: { workers: 16, serviceTimeMs: 10, jobTimeMs: 300 },
    },
    {
      id: 'web-2',
      type: 'server',
      position: { x: 480, y: 220 },
      config: { workers: 16, serviceTimeMs: 10, jobTimeMs: 300 },
    },
    {
      id: 'db',
      type: 'database',
      position: { x: 960, y: 160 },
      config: { connections: 20, readTimeMs: 4, writeTimeMs: 8 },
    },
    { id: 'jobs', type: 'queue', position: { x: 720, y: 300 } },
    { id: 'resizers', type: 'workerPool', position: { x: 960, y: 300 }, config: { workers: 40 } },
  ],
  edges: [
    { source: 'users', target: 'lb', latencyMs: 15 },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'web-1', target: 'db', latencyMs: 0.5 },
    { source: 'web-2', target: 'db', latencyMs: 0.5 },
    { source: 'web-1', target: 'jobs', latencyMs: 0.5 },
    { source: 'web-2', target: 'jobs', latencyMs: 0.5 },
    { source: 'jobs', target: 'resizers' },
    { source: 'resizers', target: 'db', latencyMs: 0.5 },
  ],
  events: [],
} satisfies ScenarioInput;
