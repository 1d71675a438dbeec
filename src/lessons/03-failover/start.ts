import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'Slow health checks',
  description:
    'Three servers behind a balancer that probes each one every 5 s and takes it out after 3 failed probes in a row. web-1 dies at 10.3 s.',
  seed: 1,
  duration: 30,
  warmup: 0,
  nodes: [
    { id: 'users', type: 'client', position: { x: 0, y: 160 }, config: { rps: 300 } },
    {
      id: 'lb',
      type: 'loadBalancer',
      position: { x: 240, y: 160 },
      config: {
        healthCheck: { enabled: true, intervalMs: 5000, unhealthyThreshold: 3, healthyThreshold: 2 },
      },
    },
    { id: 'web-1', type: 'server', position: { x: 480, y: 40 }, config: { workers: 4, serviceTimeMs: 20 } },
    { id: 'web-2', type: 'server', position: { x: 480, y: 160 }, config: { workers: 4, serviceTimeMs: 20 } },
    { id: 'web-3', type: 'server', position: { x: 480, y: 280 }, config: { workers: 4, serviceTimeMs: 20 } },
  ],
  edges: [
    { source: 'users', target: 'lb' },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'lb', target: 'web-3' },
  ],
  events: [{ at: 10.3, action: 'fail', node: 'web-1' }],
} satisfies ScenarioInput;
