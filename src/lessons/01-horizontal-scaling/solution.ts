import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'Two servers, rising traffic',
  description: 'The same traffic over two identical servers: 400 requests/s of capacity for a peak of 300.',
  seed: 1,
  duration: 40,
  warmup: 0,
  nodes: [
    {
      id: 'users',
      type: 'client',
      position: { x: 0, y: 160 },
      config: { rps: 100, pattern: { type: 'ramp', toRps: 300, startS: 0, endS: 30 } },
    },
    { id: 'lb', type: 'loadBalancer', position: { x: 240, y: 160 } },
    { id: 'web-1', type: 'server', position: { x: 480, y: 100 }, config: { workers: 4, serviceTimeMs: 20 } },
    { id: 'web-2', type: 'server', position: { x: 480, y: 220 }, config: { workers: 4, serviceTimeMs: 20 } },
  ],
  edges: [
    { source: 'users', target: 'lb' },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
  ],
  events: [],
} satisfies ScenarioInput;
