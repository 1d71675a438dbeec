import type { ScenarioInput } from '../../scenario/document.ts';

export default {
  type: 'scalelab-scenario',
  version: 1,
  title: 'A CDN near the users',
  description:
    'A CDN edge 10 ms (round trip) from the users keeps up to 10,000 static files. A file it has is answered there; anything else still crosses to the origin.',
  seed: 1,
  duration: 30,
  warmup: 5,
  nodes: [
    {
      id: 'users',
      type: 'client',
      position: { x: 0, y: 160 },
      config: { rps: 1000, keys: 20000, zipf: 1, staticRatio: 0.6, staticKeys: 5000 },
    },
    { id: 'edge', type: 'cdn', position: { x: 240, y: 160 }, config: { capacity: 10000, edgeLatencyMs: 10 } },
    { id: 'lb', type: 'loadBalancer', position: { x: 480, y: 160 } },
    { id: 'web-1', type: 'server', position: { x: 720, y: 100 }, config: { workers: 16, serviceTimeMs: 10 } },
    { id: 'web-2', type: 'server', position: { x: 720, y: 220 }, config: { workers: 16, serviceTimeMs: 10 } },
    { id: 'db', type: 'database', position: { x: 960, y: 160 }, config: { connections: 16, readTimeMs: 5 } },
  ],
  edges: [
    { source: 'users', target: 'edge' },
    { source: 'edge', target: 'lb', latencyMs: 50 },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'web-1', target: 'db', latencyMs: 0.5 },
    { source: 'web-2', target: 'db', latencyMs: 0.5 },
  ],
  events: [],
} satisfies ScenarioInput;
