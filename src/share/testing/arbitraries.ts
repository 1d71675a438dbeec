import fc from 'fast-check';
import type { ScenarioInput } from '../../scenario/document.ts';

/**
 * Random valid scenario documents for round-trip tests of the share codec: every node type,
 * any mix of settings changed from their defaults, odd labels (unicode, markup), positions
 * off any grid, edges in any order, every event kind.
 */
const strategy = fc.constantFrom(
  'round-robin',
  'weighted-round-robin',
  'random',
  'least-connections',
  'power-of-two',
  'ip-hash',
  'consistent-hash',
);
const ms = fc.double({ min: 0.001, max: 10_000, noNaN: true });
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', '<script>x</script>', 'Ünïcødé ✓ 日本', ''),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const pattern = fc.oneof(
  fc.constant({ type: 'constant' as const }),
  fc.record({
    type: fc.constant('ramp' as const),
    toRps: fc.integer({ min: 0, max: 5000 }),
    startS: fc.constant(0),
    endS: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({
    type: fc.constant('step' as const),
    toRps: fc.integer({ min: 0, max: 5000 }),
    atS: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({
    type: fc.constant('spike' as const),
    factor: fc.double({ min: 0, max: 10, noNaN: true }),
    atS: fc.nat(100),
    forS: fc.nat(100),
  }),
  fc.record({
    type: fc.constant('diurnal' as const),
    amplitude: fc.double({ min: 0, max: 1, noNaN: true }),
    periodS: fc.integer({ min: 1, max: 1000 }),
  }),
);

const clientConfig = fc.record(
  {
    rps: fc.double({ min: 0, max: 100_000, noNaN: true }),
    arrival: fc.constantFrom('poisson', 'deterministic'),
    pattern,
    readRatio: fc.double({ min: 0, max: 1, noNaN: true }),
    keys: fc.integer({ min: 1, max: 1_000_000 }),
    zipf: fc.double({ min: 0, max: 4, noNaN: true }),
    sessions: fc.integer({ min: 1, max: 100_000 }),
    timeoutMs: fc.option(ms, { nil: null }),
    strategy,
    retries: fc.integer({ min: 0, max: 10 }),
    ejectAfterFailures: fc.integer({ min: 1, max: 100 }),
    ejectForMs: fc.double({ min: 0, max: 100_000, noNaN: true }),
  },
  { requiredKeys: [] },
);
const lbConfig = fc.record(
  {
    strategy,
    overheadMs: fc.double({ min: 0, max: 100, noNaN: true }),
    profile: fc.constantFrom('software', 'hardware'),
    capacityRps: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    healthCheck: fc.record(
      {
        enabled: fc.boolean(),
        intervalMs: fc.integer({ min: 10, max: 60_000 }),
        unhealthyThreshold: fc.integer({ min: 1, max: 10 }),
        healthyThreshold: fc.integer({ min: 1, max: 10 }),
      },
      { requiredKeys: [] },
    ),
    retries: fc.integer({ min: 0, max: 10 }),
    virtualNodes: fc.integer({ min: 1, max: 1000 }),
    costPerMonth: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
    standby: fc.boolean(),
    failoverMs: fc.integer({ min: 0, max: 60_000 }),
  },
  { requiredKeys: [] },
);
const cacheConfig = fc.record(
  {
    capacity: fc.integer({ min: 1, max: 100_000 }),
    eviction: fc.constantFrom('lru', 'lfu', 'fifo', 'random'),
    ttlMs: fc.option(ms, { nil: null }),
    writePolicy: fc.constantFrom('invalidate', 'write-through', 'ttl-only'),
    workers: fc.integer({ min: 1, max: 64 }),
    hitTimeMs: ms,
  },
  { requiredKeys: [] },
);
const serverConfig = fc.record(
  {
    role: fc.constantFrom('web', 'api', 'platform'),
    workers: fc.integer({ min: 1, max: 1000 }),
    serviceTimeMs: ms,
    serviceDistribution: fc.constantFrom('exponential', 'deterministic', 'lognormal'),
    serviceCv: fc.double({ min: 0.05, max: 10, noNaN: true }),
    queueLimit: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    weight: fc.integer({ min: 1, max: 100 }),
    profile: fc.constantFrom('standard', 'cpu-optimized', 'io-optimized'),
    strategy,
    retries: fc.integer({ min: 0, max: 10 }),
  },
  { requiredKeys: [] },
);
const dbConfig = fc.record(
  {
    connections: fc.integer({ min: 1, max: 1000 }),
    readTimeMs: ms,
    writeTimeMs: ms,
    serviceDistribution: fc.constantFrom('exponential', 'deterministic', 'lognormal'),
    queueLimit: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    readReplicas: fc.integer({ min: 0, max: 10 }),
    profile: fc.constantFrom('ssd', 'hdd'),
    rowCache: fc.record(
      {
        capacity: fc.integer({ min: 0, max: 50_000 }),
        eviction: fc.constantFrom('lru', 'lfu', 'fifo', 'random'),
        hitTimeMs: ms,
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);
const position = fc.oneof(
  fc.record({
    x: fc.integer({ min: -50, max: 50 }).map((v) => v * 20),
    y: fc.integer({ min: -50, max: 50 }).map((v) => v * 20),
  }),
  fc.record({
    x: fc.double({ min: -5000, max: 5000, noNaN: true }),
    y: fc.double({ min: -5000, max: 5000, noNaN: true }),
  }),
);

export const scenarioDocument: fc.Arbitrary<ScenarioInput> = fc
  .record({
    title: maybe(text),
    description: maybe(text),
    seed: maybe(fc.integer({ min: 0, max: 2 ** 32 - 1 })),
    duration: maybe(fc.integer({ min: 10, max: 3600 })),
    warmup: maybe(fc.integer({ min: 0, max: 9 })),
    clients: fc.array(fc.record({ label: maybe(text), position: maybe(position), config: clientConfig }), {
      minLength: 1,
      maxLength: 3,
    }),
    lbs: fc.array(fc.record({ label: maybe(text), position: maybe(position), config: lbConfig }), {
      maxLength: 3,
    }),
    servers: fc.array(fc.record({ label: maybe(text), position: maybe(position), config: serverConfig }), {
      minLength: 1,
      maxLength: 8,
    }),
    dbs: fc.array(fc.record({ label: maybe(text), position: maybe(position), config: dbConfig }), {
      maxLength: 3,
    }),
    caches: fc.array(fc.record({ label: maybe(text), position: maybe(position), config: cacheConfig }), {
      maxLength: 2,
    }),
    wiring: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
    shuffleEdges: fc.boolean(),
    events: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 10 }),
        kind: fc.nat(5),
        pick: fc.nat(100),
        factor: fc.double({ min: 0.1, max: 50, noNaN: true }),
      }),
      { maxLength: 4 },
    ),
  })
  .map((g) => {
    type Node = NonNullable<ScenarioInput['nodes']>[number];
    const nodes: Node[] = [];
    const add = (
      type: Node['type'],
      stem: string,
      list: Array<{
        label?: string | undefined;
        position?: { x: number; y: number } | undefined;
        config: object;
      }>,
    ) =>
      list.forEach((n, i) => {
        const node: Record<string, unknown> = { id: `${stem}-${i + 1}`, type, config: n.config };
        if (n.label !== undefined) node.label = n.label.slice(0, 80);
        if (n.position !== undefined) node.position = n.position;
        nodes.push(node as Node);
      });
    add('client', 'client', g.clients);
    add('loadBalancer', 'lb', g.lbs);
    add('server', 'server', g.servers);
    add('database', 'db', g.dbs);
    add('cache', 'cache', g.caches);
    let wi = 0;
    const w = () => g.wiring[wi++ % g.wiring.length] as number;
    const edges: NonNullable<ScenarioInput['edges']> = [];
    const ids = (stem: string, n: number) => Array.from({ length: n }, (_, i) => `${stem}-${i + 1}`);
    const lbs = ids('lb', g.lbs.length);
    const servers = ids('server', g.servers.length);
    const dbs = ids('db', g.dbs.length);
    const caches = ids('cache', g.caches.length);
    for (const c of ids('client', g.clients.length))
      edges.push({
        source: c,
        target: lbs[0] ?? (servers[0] as string),
        latencyMs: w() < 0.5 ? 0 : Math.round(w() * 1000) / 10,
      });
    for (const lb of lbs) for (const s of servers) if (w() < 0.6) edges.push({ source: lb, target: s });
    servers.forEach((s, i) => {
      for (const d of dbs) if (w() < 0.5) edges.push({ source: s, target: d, latencyMs: w() * 3 });
      for (const c of caches) if (w() < 0.5) edges.push({ source: s, target: c });
      for (const t of servers.slice(i + 1)) if (w() < 0.2) edges.push({ source: s, target: t });
    });
    if (g.shuffleEdges) edges.reverse();
    const events: NonNullable<ScenarioInput['events']> = [];
    for (const e of g.events) {
      const node = nodes[e.pick % nodes.length] as Node;
      const edge = edges[e.pick % Math.max(1, edges.length)];
      if (e.kind === 0) events.push({ at: e.at, action: 'fail', node: node.id });
      else if (e.kind === 1) events.push({ at: e.at, action: 'restore', node: node.id });
      else if (e.kind === 2 && node.type !== 'client')
        events.push({ at: e.at, action: 'slow', node: node.id, factor: e.factor });
      else if (e.kind === 3 && edge)
        events.push({ at: e.at, action: 'cut', source: edge.source, target: edge.target });
      else if (e.kind === 4 && edge)
        events.push({ at: e.at, action: 'heal', source: edge.source, target: edge.target });
      else if (e.kind === 5)
        events.push({ at: e.at, action: 'spike', node: 'client-1', factor: e.factor, for: 5 });
    }
    // Half the time the first two balancers are a standby pair (unless one has the built-in
    // twin), its edge anywhere in the list: links must carry its flag wherever it sits.
    const twin = (i: number) => (g.lbs[i]?.config as { standby?: boolean } | undefined)?.standby === true;
    if (lbs.length >= 2 && !twin(0) && !twin(1) && w() < 0.5)
      edges.splice(Math.floor(w() * (edges.length + 1)), 0, { source: 'lb-1', target: 'lb-2', kind: 'pair' });
    const doc: ScenarioInput = { type: 'scalelab-scenario', version: 1, nodes, edges, events };
    if (g.title !== undefined) doc.title = g.title;
    if (g.description !== undefined) doc.description = g.description;
    if (g.seed !== undefined) doc.seed = g.seed;
    if (g.duration !== undefined) doc.duration = g.duration;
    if (g.warmup !== undefined) doc.warmup = g.warmup;
    return doc;
  });
