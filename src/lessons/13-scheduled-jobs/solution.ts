import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'Reports at night',
  description:
    'The same reports, started at 40 s and every 60 s after: in the quiet part of each cycle, on capacity that would otherwise sit idle.',
  seed: 1,
  duration: 120,
  warmup: 0,
  nodes: [
    {
      id: 'users',
      type: 'client',
      position: { x: 0, y: 160 },
      config: { rps: 300, pattern: { type: 'diurnal', amplitude: 0.6, periodS: 60 } },
    },
    {
      id: 'lb',
      type: 'loadBalancer',
      position: { x: 240, y: 160 },
      config: { strategy: 'least-connections' },
    },
    { id: 'web-1', type: 'server', position: { x: 480, y: 100 }, config: { workers: 8, serviceTimeMs: 20 } },
    { id: 'web-2', type: 'server', position: { x: 480, y: 220 }, config: { workers: 8, serviceTimeMs: 20 } },
    {
      id: 'cron',
      type: 'scheduler',
      position: { x: 240, y: 0 },
      config: { everyS: 60, firstAtS: 40, jobs: 10, jobTimeMs: 5000 },
    },
  ],
  edges: [
    { source: 'users', target: 'lb', latencyMs: 10 },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'cron', target: 'lb' },
  ],
  events: [],
} satisfies ScenarioInput;
