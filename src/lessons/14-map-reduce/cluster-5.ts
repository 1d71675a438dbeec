import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'Analytics on a small cluster',
  description: 'The analytics job on the 5-machine cluster.',
  seed: 1,
  duration: 300,
  warmup: 0,
  nodes: [
    { id: 'users', type: 'client', position: { x: 0, y: 160 }, config: { rps: 100 } },
    {
      id: 'lb',
      type: 'loadBalancer',
      position: { x: 240, y: 160 },
      config: { strategy: 'least-connections' },
    },
    { id: 'web-1', type: 'server', position: { x: 480, y: 100 }, config: { workers: 16, serviceTimeMs: 5 } },
    { id: 'web-2', type: 'server', position: { x: 480, y: 220 }, config: { workers: 16, serviceTimeMs: 5 } },
    { id: 'db', type: 'database', position: { x: 720, y: 160 }, config: { connections: 16, readTimeMs: 6 } },
    {
      id: 'analytics',
      type: 'scheduler',
      position: { x: 480, y: 360 },
      config: { everyS: 300, firstAtS: 5, jobs: 20, jobTimeMs: 20000, inputMB: 10240 },
    },
    { id: 'cluster', type: 'mapReduce', position: { x: 720, y: 360 }, config: { workers: 5, reducers: 16 } },
  ],
  edges: [
    { source: 'users', target: 'lb', latencyMs: 10 },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'web-1', target: 'db', latencyMs: 0.5 },
    { source: 'web-2', target: 'db', latencyMs: 0.5 },
    { source: 'analytics', target: 'cluster' },
  ],
  events: [],
} satisfies ScenarioInput;
