import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'Three servers, one dies',
  description:
    'N + 1: three servers of 200 requests/s for 300 requests/s of traffic, so that any two can carry it.',
  seed: 1,
  duration: 40,
  warmup: 0,
  nodes: [
    { id: 'users', type: 'client', position: { x: 0, y: 160 }, config: { rps: 300 } },
    { id: 'lb', type: 'loadBalancer', position: { x: 240, y: 160 }, config: { retries: 1 } },
    {
      id: 'web-1',
      type: 'server',
      position: { x: 480, y: 40 },
      config: { workers: 4, serviceTimeMs: 20, queueLimit: 20 },
    },
    {
      id: 'web-2',
      type: 'server',
      position: { x: 480, y: 160 },
      config: { workers: 4, serviceTimeMs: 20, queueLimit: 20 },
    },
    {
      id: 'web-3',
      type: 'server',
      position: { x: 480, y: 280 },
      config: { workers: 4, serviceTimeMs: 20, queueLimit: 20 },
    },
  ],
  edges: [
    { source: 'users', target: 'lb' },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'lb', target: 'web-3' },
  ],
  events: [{ at: 15, action: 'fail', node: 'web-1' }],
} satisfies ScenarioInput;
