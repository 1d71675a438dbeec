import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'Two servers, one dies',
  description:
    '300 requests/s over two servers of 200 requests/s each. At 15 s web-1 dies. Each server lets at most 20 requests wait; beyond that it turns them away.',
  seed: 1,
  duration: 40,
  warmup: 0,
  nodes: [
    { id: 'users', type: 'client', position: { x: 0, y: 160 }, config: { rps: 300 } },
    { id: 'lb', type: 'loadBalancer', position: { x: 240, y: 160 }, config: { retries: 1 } },
    {
      id: 'web-1',
      type: 'server',
      position: { x: 480, y: 100 },
      config: { workers: 4, serviceTimeMs: 20, queueLimit: 20 },
    },
    {
      id: 'web-2',
      type: 'server',
      position: { x: 480, y: 220 },
      config: { workers: 4, serviceTimeMs: 20, queueLimit: 20 },
    },
  ],
  edges: [
    { source: 'users', target: 'lb' },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
  ],
  events: [{ at: 15, action: 'fail', node: 'web-1' }],
} satisfies ScenarioInput;
