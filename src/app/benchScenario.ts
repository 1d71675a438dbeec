import type { ScenarioInput } from '../scenario/index.ts';

/**
 * A large, valid scenario for the editor benchmark (`?bench=200`): clients → balancers →
 * servers → databases, with 1.5 edges per node. Loaded only for that URL;
 * it still goes through `restoreScenario` like any other input.
 */
export function benchScenario(size: number): ScenarioInput {
  const n = Math.max(4, Math.min(2000, Math.floor(size)));
  const clients = Math.max(1, Math.round(n / 20));
  const balancers = Math.max(1, Math.round(n / 10));
  const databases = Math.max(1, Math.round(n / 10));
  const servers = n - clients - balancers - databases;
  const wantEdges = Math.round(n * 1.5);

  // Columns of clients and balancers, a block of servers ten wide, a column of databases:
  // about 3,500 × 2,000 px, so "fit view" shows (and draws) all of it.
  const place = (prefix: string, count: number, type: string, at: (i: number) => { x: number; y: number }) =>
    Array.from({ length: count }, (_, i) => ({
      id: `${prefix}-${i + 1}`,
      type,
      label: `${prefix}-${i + 1}`,
      position: at(i),
    }));
  const rows = Math.ceil(servers / 10);
  const spread = (count: number) => (i: number) => (i + 0.5) * ((rows * 100) / count);
  const nodes = [
    ...place('client', clients, 'client', (i) => ({ x: 0, y: Math.round(spread(clients)(i) / 20) * 20 })),
    ...place('lb', balancers, 'loadBalancer', (i) => ({
      x: 280,
      y: Math.round(spread(balancers)(i) / 20) * 20,
    })),
    ...place('server', servers, 'server', (i) => ({ x: 560 + (i % 10) * 260, y: Math.floor(i / 10) * 100 })),
    ...place('db', databases, 'database', (i) => ({
      x: 3240,
      y: Math.round(spread(databases)(i) / 20) * 20,
    })),
  ];

  const edges: { source: string; target: string; latencyMs: number }[] = [];
  const add = (source: string, target: string) => {
    if (edges.length < wantEdges) edges.push({ source, target, latencyMs: 1 + (edges.length % 5) });
  };
  for (let i = 0; i < servers; i++) add(`lb-${(i % balancers) + 1}`, `server-${i + 1}`);
  for (let i = 0; i < balancers; i++) add(`client-${(i % clients) + 1}`, `lb-${i + 1}`);
  for (let i = 0; i < servers; i++) add(`server-${i + 1}`, `db-${(i % databases) + 1}`);
  for (let i = 0; i + 1 < servers; i += 2) add(`server-${i + 1}`, `server-${i + 2}`);

  return {
    type: 'scalelab-scenario',
    version: 1,
    title: `Benchmark: ${nodes.length} components, ${edges.length} connections`,
    nodes: nodes as ScenarioInput['nodes'],
    edges,
  };
}
