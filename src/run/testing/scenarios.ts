import type { ScenarioInput } from '../../scenario/index.ts';

/** users → balancer → two servers → database: small, quick, and it queues. */
export function twoServers(overrides: Partial<ScenarioInput> = {}, rps = 150): ScenarioInput {
  return {
    type: 'scalelab-scenario',
    version: 1,
    title: 'test: two servers',
    seed: 7,
    duration: 30,
    warmup: 2,
    nodes: [
      { id: 'users', type: 'client', config: { rps, readRatio: 0.9 } },
      { id: 'lb', type: 'loadBalancer', config: { strategy: 'round-robin' } },
      { id: 'web-1', type: 'server', config: { workers: 4, serviceTimeMs: 20 } },
      { id: 'web-2', type: 'server', config: { workers: 4, serviceTimeMs: 20 } },
      { id: 'db', type: 'database', config: { connections: 20, readTimeMs: 5, writeTimeMs: 12 } },
    ],
    edges: [
      { source: 'users', target: 'lb', latencyMs: 20 },
      { source: 'lb', target: 'web-1' },
      { source: 'lb', target: 'web-2' },
      { source: 'web-1', target: 'db', latencyMs: 1 },
      { source: 'web-2', target: 'db', latencyMs: 1 },
    ],
    events: [],
    ...overrides,
  };
}

/** users → one server: the textbook M/M/c queue. */
export function singleServer(
  rps: number,
  server: Record<string, unknown>,
  overrides: Partial<ScenarioInput> = {},
): ScenarioInput {
  return {
    type: 'scalelab-scenario',
    version: 1,
    title: 'test: one server',
    seed: 3,
    duration: 60,
    warmup: 5,
    nodes: [
      { id: 'users', type: 'client', config: { rps } },
      { id: 'web', type: 'server', config: server },
    ],
    edges: [{ source: 'users', target: 'web' }],
    events: [],
    ...overrides,
  } as ScenarioInput;
}
