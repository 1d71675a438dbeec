import type { ScenarioInput } from '../document.ts';

/**
 * What `npm start` opens with: users → balancer → two servers → a shared cache in front of a
 * shared database (cache-aside). At 150 requests/s each server is about half busy, the cache
 * holds a fifth of the key space and, under the default Zipf skew, answers most reads — so
 * killing a server, flushing the cache or tripling the traffic each shows something at once.
 * The title is unchanged on purpose: it is in the share format's frozen dictionary, which keeps
 * the default link short.
 */
export const defaultScenarioInput: ScenarioInput = {
  type: 'scalelab-scenario',
  version: 1,
  title: 'Two web servers behind a balancer',
  seed: 42,
  duration: 120,
  warmup: 10,
  nodes: [
    {
      id: 'users',
      type: 'client',
      label: 'Users',
      position: { x: 0, y: 120 },
      config: { rps: 150, readRatio: 0.9 },
    },
    {
      id: 'lb',
      type: 'loadBalancer',
      label: 'Load balancer',
      position: { x: 260, y: 120 },
      config: { strategy: 'round-robin' },
    },
    {
      id: 'web-1',
      type: 'server',
      label: 'web-1',
      position: { x: 520, y: 20 },
      config: { workers: 4, serviceTimeMs: 20 },
    },
    {
      id: 'web-2',
      type: 'server',
      label: 'web-2',
      position: { x: 520, y: 220 },
      config: { workers: 4, serviceTimeMs: 20 },
    },
    {
      id: 'cache',
      type: 'cache',
      label: 'Cache',
      position: { x: 800, y: 20 },
      config: { capacity: 2000 },
    },
    {
      id: 'db',
      type: 'database',
      label: 'Database',
      position: { x: 800, y: 220 },
      config: { connections: 20, readTimeMs: 5, writeTimeMs: 12 },
    },
  ],
  edges: [
    { source: 'users', target: 'lb', latencyMs: 20 },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'web-1', target: 'cache', latencyMs: 1 },
    { source: 'web-2', target: 'cache', latencyMs: 1 },
    { source: 'web-1', target: 'db', latencyMs: 1 },
    { source: 'web-2', target: 'db', latencyMs: 1 },
  ],
  events: [],
};
