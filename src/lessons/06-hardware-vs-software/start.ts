import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'One software balancer at 45,000 requests/s',
  description:
    "Users send 45,000 requests/s through one HAProxy-like balancer that can forward 40,000. Four big servers behind it have room for 100,000. At 3 s the balancer's machine dies. The client retries a failed request once, on another balancer if it knows one.",
  seed: 1,
  duration: 6,
  warmup: 0,
  nodes: [
    { id: 'users', type: 'client', position: { x: 0, y: 220 }, config: { rps: 45000, retries: 1 } },
    { id: 'lb-1', type: 'loadBalancer', position: { x: 260, y: 220 } },
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
    { source: 'lb-1', target: 'web-1' },
    { source: 'lb-1', target: 'web-2' },
    { source: 'lb-1', target: 'web-3' },
    { source: 'lb-1', target: 'web-4' },
  ],
  events: [{ at: 3, action: 'fail', node: 'lb-1' }],
} satisfies ScenarioInput;
