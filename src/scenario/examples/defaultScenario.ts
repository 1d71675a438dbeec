import type { ScenarioInput } from '../document.ts';

/**
 * What `npm start` opens with: users → balancer → two servers → a shared database.
 * At 150 requests/s each server is about half busy (a worker is held while the database
 * answers), so killing a server or tripling the traffic shows queueing and failover at once.
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
      id: 'db',
      type: 'database',
      label: 'Database',
      position: { x: 800, y: 120 },
      config: { connections: 20, readTimeMs: 5, writeTimeMs: 12 },
    },
  ],
  edges: [
    { source: 'users', target: 'lb', latencyMs: 20 },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'web-1', target: 'db', latencyMs: 1 },
    { source: 'web-2', target: 'db', latencyMs: 1 },
  ],
  events: [],
};
