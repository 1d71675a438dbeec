import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'One server, rising traffic',
  description:
    'Traffic climbs from 100 to 300 requests/s over 30 s, then holds. One server with 4 workers at 20 ms each can answer at most 200 requests/s.',
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
    { id: 'web-1', type: 'server', position: { x: 480, y: 160 }, config: { workers: 4, serviceTimeMs: 20 } },
  ],
  edges: [
    { source: 'users', target: 'lb' },
    { source: 'lb', target: 'web-1' },
  ],
  events: [],
} satisfies ScenarioInput;
