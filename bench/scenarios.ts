import type { ScenarioInput } from '../src/scenario/document.ts';

/**
 * Standard benchmark topologies: users → round-robin balancer → N servers, each server at
 * 90% utilisation. The balancer is the hardware profile (1M req/s), so it never saturates
 * and the cost measured is the engine's, with the balancer's processing step included.
 */
export function balancedServers(servers: number, perServerRps: number, seconds: number): ScenarioInput {
  const serviceTimeMs = 9;
  return {
    type: 'scalelab-scenario',
    version: 1,
    title: `${servers} servers`,
    seed: 1,
    duration: seconds,
    warmup: 0,
    nodes: [
      { id: 'users', type: 'client', config: { rps: servers * perServerRps } },
      { id: 'lb', type: 'loadBalancer', config: { strategy: 'round-robin', profile: 'hardware' } },
      ...Array.from({ length: servers }, (_, i) => ({
        id: `web-${i + 1}`,
        type: 'server' as const,
        config: { workers: 1, serviceTimeMs },
      })),
    ],
    edges: [
      { source: 'users', target: 'lb' },
      ...Array.from({ length: servers }, (_, i) => ({ source: 'lb', target: `web-${i + 1}` })),
    ],
    events: [],
  };
}
