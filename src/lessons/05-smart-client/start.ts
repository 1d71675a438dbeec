import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'A smart client meets a slow server',
  description:
    'No balancer: the client spreads its 300 requests/s over three servers itself, taking turns. Users give up after 1 s. At 10.3 s web-2 becomes 50 times slower (a bad disk, a stuck garbage collector): it is alive but useless.',
  seed: 1,
  duration: 40,
  warmup: 0,
  nodes: [
    {
      id: 'users',
      type: 'client',
      position: { x: 0, y: 160 },
      config: { rps: 300, timeoutMs: 1000, strategy: 'round-robin' },
    },
    { id: 'web-1', type: 'server', position: { x: 300, y: 40 }, config: { workers: 4, serviceTimeMs: 20 } },
    { id: 'web-2', type: 'server', position: { x: 300, y: 160 }, config: { workers: 4, serviceTimeMs: 20 } },
    { id: 'web-3', type: 'server', position: { x: 300, y: 280 }, config: { workers: 4, serviceTimeMs: 20 } },
  ],
  edges: [
    { source: 'users', target: 'web-1', latencyMs: 1 },
    { source: 'users', target: 'web-2', latencyMs: 1 },
    { source: 'users', target: 'web-3', latencyMs: 1 },
  ],
  events: [{ at: 10.3, action: 'slow', node: 'web-2', factor: 50 }],
} satisfies ScenarioInput;
