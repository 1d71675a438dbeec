import type { ScenarioInput } from '../../src/scenario/index.ts';

/**
 * The live-run benchmark's system: 30 components carrying `rps` requests a second —
 * users → 2 hardware balancers → 24 servers → 3 databases — with workers and connections
 * scaled to the traffic so the servers stay about half busy at any rate (an overloaded system
 * would measure its growing queues, not the simulator's speed). Laid out in columns.
 */
export function liveBenchScenario(rps: number, duration = 600): ScenarioInput {
  const servers = 24;
  const balancers = 2;
  const databases = 3;
  const scale = Math.max(1, rps / 50_000);
  const workers = Math.ceil(32 * scale);
  const connections = Math.ceil(64 * scale);
  const column = (x: number, count: number, i: number) => ({ x, y: (i - (count - 1) / 2) * 90 });
  return {
    type: 'scalelab-scenario',
    version: 1,
    title: `Live benchmark: 30 components at ${rps.toLocaleString('en-US')} requests/s`,
    seed: 1,
    duration,
    warmup: 0,
    nodes: [
      {
        id: 'users',
        type: 'client',
        label: 'users',
        position: column(0, 1, 0),
        config: { rps, readRatio: 0.9 },
      },
      ...Array.from({ length: balancers }, (_, i) => ({
        id: `lb-${i + 1}`,
        type: 'loadBalancer' as const,
        label: `lb-${i + 1}`,
        position: column(280, balancers, i),
        config: { profile: 'hardware' as const },
      })),
      ...Array.from({ length: servers }, (_, i) => ({
        id: `web-${i + 1}`,
        type: 'server' as const,
        label: `web-${i + 1}`,
        position: column(560, servers, i),
        config: { workers, serviceTimeMs: 4 },
      })),
      ...Array.from({ length: databases }, (_, i) => ({
        id: `db-${i + 1}`,
        type: 'database' as const,
        label: `db-${i + 1}`,
        position: column(840, databases, i),
        config: { connections, readTimeMs: 2, writeTimeMs: 5 },
      })),
    ],
    edges: [
      ...Array.from({ length: balancers }, (_, i) => ({
        source: 'users',
        target: `lb-${i + 1}`,
        latencyMs: 10,
      })),
      ...Array.from({ length: servers }, (_, i) => ({
        source: `lb-${(i % balancers) + 1}`,
        target: `web-${i + 1}`,
        latencyMs: 1,
      })),
      ...Array.from({ length: servers }, (_, i) => ({
        source: `web-${i + 1}`,
        target: `db-${(i % databases) + 1}`,
        latencyMs: 1,
      })),
    ],
    events: [],
  };
}
