import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'Two software balancers',
  description:
    'Two software balancers: enough while both live, but one alone cannot forward 45,000 requests/s.',
  seed: 1,
  duration: 6,
  warmup: 0,
  nodes: [
    { id: 'users', type: 'client', position: { x: 0, y: 220 }, config: { rps: 45000, retries: 1 } },
    { id: 'lb-1', type: 'loadBalancer', position: { x: 260, y: 160 } },
    { id: 'lb-2', type: 'loadBalancer', position: { x: 260, y: 280 } },
    { id: 'web-1', type: 'server', position: { x: 520, y: 40 }, config: { workers: 500, serviceTimeMs: 20 } },
    {
      id: 'web-2',
      type: 'server',
      position: { x: 520, y: 160 },
      config: { workers: 500, serviceTimeMs: 20 },
    },
    {
      id: 'web-3',
      type: 'server',
      position: { x: 520, y: 280 },
      config: { workers: 500, serviceTimeMs: 20 },
    },
    {
      id: 'web-4',
      type: 'server',
      position: { x: 520, y: 400 },
      config: { workers: 500, serviceTimeMs: 20 },
    },
  ],
  edges: [
    { source: 'users', target: 'lb-1' },
    { source: 'users', target: 'lb-2' },
    { source: 'lb-1', target: 'web-1' },
    { source: 'lb-1', target: 'web-2' },
    { source: 'lb-1', target: 'web-3' },
    { source: 'lb-1', target: 'web-4' },
    { source: 'lb-2', target: 'web-1' },
    { source: 'lb-2', target: 'web-2' },
    { source: 'lb-2', target: 'web-3' },
    { source: 'lb-2', target: 'web-4' },
  ],
  events: [{ at: 3, action: 'fail', node: 'lb-1' }],
} satisfies ScenarioInput;
