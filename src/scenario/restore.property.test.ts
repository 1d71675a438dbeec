import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { components, type NodeType, nodeTypes } from './components/index.ts';
import { canConnect } from './connections.ts';
import { eventActions, LIMITS } from './document.ts';
import { clone, issueExample, type Loose, type LooseDoc } from './fixtures/build.ts';
import { type RestoreResult, restoreScenario } from './restore.ts';

// Every property here is about the one promise of the restore funnel: whatever it is given, it
// answers — a scenario, or a non-empty message with problems — and never throws.

const fixtureTexts = import.meta.glob<string>('./fixtures/v1/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const fixtureDocs = Object.values(fixtureTexts).map((t) => JSON.parse(t) as Loose);

/** Restores and checks the shape of the answer; a throw fails the property with the input. */
function answer(input: unknown): RestoreResult {
  const r = restoreScenario(input);
  if (r.ok) {
    if (typeof r.scenario !== 'object' || r.scenario === null) throw new Error('ok without a scenario');
  } else {
    if (typeof r.error !== 'string' || r.error.trim().length === 0) throw new Error('empty error');
    if (!Array.isArray(r.problems) || r.problems.length === 0) throw new Error('no problems');
    for (const p of r.problems) {
      if (typeof p.path !== 'string') throw new Error('problem without a path');
      if (typeof p.message !== 'string' || p.message.length === 0)
        throw new Error('problem without a message');
    }
  }
  return r;
}

const envelope = (rest: Loose): Loose => ({ type: 'scalelab-scenario', version: 1, ...rest });
const topKeys = ['title', 'description', 'seed', 'duration', 'warmup', 'nodes', 'edges', 'events', 'extra'];

// fc.anything() with every kind of value except BigInt (a BigInt in "type" is a known bug, see
// restore.test.ts "BUG: a BigInt or circular "type" does not throw").
const anythingArb = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
});

describe('never throws on arbitrary input', () => {
  it('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void answer(v)),
      { numRuns: 6000 },
    );
  });

  it('arbitrary JS values, including Maps, Dates, typed arrays and null-prototype objects', () => {
    fc.assert(
      fc.property(anythingArb, (v) => void answer(v)),
      { numRuns: 4000 },
    );
  });

  it('arbitrary JSON inside a valid envelope, at the top level and inside nodes, edges and events', () => {
    const small = fc.jsonValue({ maxDepth: 2 });
    const nodeish = fc.record(
      {
        id: fc.oneof(fc.constantFrom('a', 'b', 'web-1'), small),
        type: fc.oneof(fc.constantFrom(...nodeTypes), small),
        config: fc.oneof(fc.dictionary(fc.string({ maxLength: 12 }), small, { maxKeys: 4 }), small),
        position: small,
      },
      { requiredKeys: [] },
    );
    const arb = fc.record({
      top: fc.dictionary(fc.constantFrom(...topKeys), small, { maxKeys: 4 }),
      nodes: fc.array(fc.oneof(nodeish, small), { maxLength: 4 }),
      edges: fc.array(fc.dictionary(fc.constantFrom('source', 'target', 'latencyMs', 'id'), small), {
        maxLength: 3,
      }),
      events: fc.array(fc.dictionary(fc.constantFrom('at', 'action', 'node', 'source', 'target'), small), {
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(
        arb,
        ({ top, nodes, edges, events }) => void answer(envelope({ nodes, edges, events, ...top })),
      ),
      { numRuns: 4000 },
    );
  });

  it('arbitrary JS values inside a valid envelope', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...topKeys),
        anythingArb,
        (key, value) => void answer(envelope({ [key]: value })),
      ),
      { numRuns: 3000 },
    );
  });

  it('arbitrary "type" and "version" values (no BigInt: known bug)', () => {
    const arb = fc.record({
      type: fc.oneof(fc.constant('scalelab-scenario'), anythingArb),
      version: fc.oneof(fc.constant(1), anythingArb),
    });
    fc.assert(
      fc.property(arb, (v) => void answer({ ...v, nodes: [] })),
      { numRuns: 2000 },
    );
  });

  it('arbitrary strings, JSON texts and unicode', () => {
    fc.assert(
      fc.property(fc.string(), (s) => void answer(s)),
      { numRuns: 4000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => void answer(s)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.json(), (s) => void answer(s)),
      { numRuns: 3000 },
    );
  });

  it('a valid JSON text cut, spliced or with characters inserted', () => {
    const texts = Object.values(fixtureTexts);
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 5 }),
        (text, a, b, insert) => {
          const i = a % (text.length + 1);
          const j = i + (b % 20);
          void answer(text.slice(0, i) + insert + text.slice(j));
          void answer(text.slice(0, i));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations of valid documents

type Path = Array<string | number>;

function allPaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) allPaths(v, [...prefix, i], out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) allPaths(v, [...prefix, k], out);
  if (prefix.length > 0) out.push(prefix);
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let cursor = root;
  for (const key of path.slice(0, -1)) {
    if (cursor === null || typeof cursor !== 'object') return undefined;
    cursor = (cursor as Record<string | number, unknown>)[key];
  }
  return cursor !== null && typeof cursor === 'object'
    ? (cursor as Record<string | number, unknown>)
    : undefined;
}

/** A value of another JSON type with the "same" content: 5 → "5", "5" → 5, {…} → […], … */
function swapType(v: unknown): unknown {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v === '' ? 0 : Number.isNaN(Number(v)) ? [v] : Number(v);
  if (typeof v === 'boolean') return v ? 1 : 'false';
  if (v === null) return 0;
  if (Array.isArray(v)) return { ...v };
  return Object.values(v as object);
}

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'set'; at: number; value: unknown }
  | { op: 'swap'; at: number }
  | { op: 'duplicate'; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({
    op: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.oneof(
      fc.constantFrom(...nodeTypes, ...eventActions, 'users', 'lb', 'web-1', 'db', -1, 0, 1e9, '', null),
      fc.double(),
    ),
  }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
);

function mutate(root: Loose, m: Mutation): void {
  const paths = allPaths(root);
  if (paths.length === 0) return;
  const path = paths[m.at % paths.length] as Path;
  const parent = parentOf(root, path);
  const key = path[path.length - 1] as string | number;
  if (!parent) return;
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (m.op === 'set') parent[key] = m.value;
  else if (m.op === 'swap') parent[key] = swapType(parent[key]);
  else if (Array.isArray(parent)) parent.splice(key as number, 0, clone(parent[key]));
  else parent[`${String(key)}2`] = clone(parent[key]);
}

describe('mutations of valid documents never throw', () => {
  it('1 to 4 random deletions, replacements, type swaps and duplications', () => {
    fc.assert(
      fc.property(
        // validDocArb is defined below; this runs later, when the test runs.
        fc.oneof(
          fc.constantFrom(...fixtureDocs),
          fc.constant(null).chain(() => validDocArb),
        ),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        (base, ms) => {
          const d = clone(base);
          for (const m of ms) mutate(d, m);
          void answer(d);
          void answer(JSON.stringify(d));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('deleting any one config field (or label, or position) keeps a document valid: defaults fill in', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtureDocs), fc.nat(), fc.nat(), (base, a, b) => {
        const d = clone(base) as LooseDoc;
        const node = d.nodes[a % d.nodes.length];
        if (!node) return;
        const keys = [
          ...Object.keys(node.config ?? {}).map((k) => ['config', k]),
          ['label'],
          ['position'],
          ['config'],
        ];
        const [first, second] = keys[b % keys.length] as string[];
        if (second && node.config) delete node.config[second];
        else delete node[first as string];
        const r = answer(d);
        expect(r.ok, r.ok ? '' : r.error).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('a numeric config field set to text is refused, naming the node and the field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtureDocs), fc.nat(), fc.nat(), fc.string(), (base, a, b, text) => {
        const d = clone(base) as LooseDoc;
        const node = d.nodes[a % d.nodes.length];
        if (!node?.config) return;
        const numeric = Object.keys(node.config).filter((k) => typeof node.config[k] === 'number');
        const field = numeric[b % Math.max(1, numeric.length)];
        if (!field) return;
        node.config[field] = text;
        const r = answer(d);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const p = r.problems.find((x) => x.path.endsWith(`.config.${field}`));
        expect(p, JSON.stringify(r.problems)).toBeDefined();
        expect(p?.path).toContain(`"${node.id}"`);
        expect(p?.message).toMatch(/number/);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Generated valid documents

const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const positive = (max: number) => fc.double({ min: 0, minExcluded: true, max, noNaN: true });
const int = (min: number, max: number) => fc.integer({ min, max });
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const optional = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) =>
  fc.record(shape, { requiredKeys: [] }) as fc.Arbitrary<Loose>;

const strategyArb = fc.constantFrom(
  'round-robin',
  'weighted-round-robin',
  'random',
  'least-connections',
  'power-of-two',
  'ip-hash',
  'consistent-hash',
);
const smartClient = {
  strategy: strategyArb,
  retries: int(0, 10),
  ejectAfterFailures: int(1, 1000),
  ejectForMs: finite(0, 3_600_000),
};
const service = {
  serviceDistribution: fc.constantFrom('exponential', 'deterministic', 'lognormal'),
  serviceCv: finite(0.05, 10),
  queueLimit: nullable(int(0, 1_000_000)),
  costPerMonth: nullable(finite(0, 10_000_000)),
};
const patternArb = fc.oneof(
  fc.constant({ type: 'constant' }),
  // A ramp must end no earlier than it starts (restore refuses the reverse).
  optional({ toRps: finite(0, 1e7), startS: finite(0, 1000), endS: finite(0, 1000) }).map((p) => {
    const ramp: { type: string; toRps: number; endS: number; startS?: number } = {
      type: 'ramp',
      toRps: 10,
      endS: 30,
      ...p,
    };
    const start = ramp.startS ?? 0;
    return ramp.endS < start ? { ...ramp, endS: start } : ramp;
  }),
  fc.record({ type: fc.constant('step'), toRps: finite(0, 1e7), atS: finite(0, 1e4) }),
  fc.record({
    type: fc.constant('spike'),
    factor: finite(0, 1000),
    atS: finite(0, 1e4),
    forS: finite(0, 1e4),
  }),
  optional({ amplitude: finite(0, 1), periodS: positive(1e5) }).map((p) => ({ type: 'diurnal', ...p })),
);

const evictionArb = fc.constantFrom('lru', 'lfu', 'fifo', 'random');

const configArbs: Record<NodeType, fc.Arbitrary<Loose>> = {
  client: optional({
    rps: finite(0, 1e7),
    arrival: fc.constantFrom('poisson', 'deterministic'),
    pattern: patternArb,
    readRatio: finite(0, 1),
    keys: int(1, 1e8),
    zipf: finite(0, 4),
    staticRatio: finite(0, 1),
    staticKeys: int(1, 1e7),
    asyncRatio: finite(0, 1),
    sessions: int(1, 1e7),
    timeoutMs: nullable(positive(3_600_000)),
    ...smartClient,
  }),
  loadBalancer: optional({
    strategy: strategyArb,
    overheadMs: finite(0, 10_000),
    profile: fc.constantFrom('software', 'hardware'),
    capacityRps: nullable(finite(0, 1e8)),
    healthCheck: optional({
      enabled: fc.boolean(),
      intervalMs: finite(10, 3_600_000),
      unhealthyThreshold: int(1, 100),
      healthyThreshold: int(1, 100),
    }),
    retries: int(0, 10),
    virtualNodes: int(1, 1000),
    standby: fc.boolean(),
    failoverMs: finite(0, 600_000),
    costPerMonth: nullable(finite(0, 1e7)),
  }),
  server: optional({
    role: fc.constantFrom('web', 'api', 'platform'),
    workers: int(1, 100_000),
    serviceTimeMs: positive(3_600_000),
    jobTimeMs: positive(3_600_000),
    ...service,
    weight: int(1, 100),
    profile: fc.constantFrom('standard', 'cpu-optimized', 'io-optimized'),
    ...smartClient,
  }),
  database: optional({
    connections: int(1, 100_000),
    readTimeMs: positive(3_600_000),
    writeTimeMs: positive(3_600_000),
    ...service,
    readReplicas: int(0, 100),
    profile: fc.constantFrom('ssd', 'hdd'),
    rowCache: optional({
      capacity: int(0, 5_000_000),
      eviction: evictionArb,
      hitTimeMs: positive(3_600_000),
    }),
  }),
  cache: optional({
    capacity: int(1, 5_000_000),
    eviction: evictionArb,
    ttlMs: nullable(positive(86_400_000)),
    writePolicy: fc.constantFrom('invalidate', 'write-through', 'ttl-only'),
    workers: int(1, 100_000),
    hitTimeMs: positive(10_000),
    ...service,
  }),
  cdn: optional({
    capacity: int(1, 5_000_000),
    eviction: evictionArb,
    ttlMs: nullable(positive(86_400_000)),
    edgeLatencyMs: finite(0, 10_000),
    costPerMonth: nullable(finite(0, 1e7)),
  }),
  queue: optional({
    capacity: nullable(int(1, 10_000_000)),
    publishTimeMs: finite(0, 10_000),
    costPerMonth: nullable(finite(0, 1e7)),
  }),
  scheduler: optional({
    everyS: positive(86_400),
    firstAtS: finite(0, 86_400),
    jobs: int(1, 100_000),
    jobTimeMs: positive(3_600_000),
    inputMB: positive(1e9),
    costPerMonth: nullable(finite(0, 1e7)),
  }),
  mapReduce: optional({
    workers: int(1, 10_000),
    inputMB: positive(1e9),
    splitMB: positive(1e6),
    mapMBps: positive(1e6),
    outputRatio: finite(0, 100),
    networkMBps: positive(1e6),
    fetchMs: finite(0, 60_000),
    reducers: int(1, 100_000),
    reduceMBps: positive(1e6),
    stragglerProbability: finite(0, 1),
    stragglerSlowdown: finite(1, 100),
    costPerMonth: nullable(finite(0, 1e7)),
  }),
  workerPool: optional({
    workers: int(1, 100_000),
    serviceDistribution: fc.constantFrom('exponential', 'deterministic', 'lognormal'),
    serviceCv: finite(0.05, 10),
    costPerMonth: nullable(finite(0, 1e7)),
  }),
};

const nodeSpecArb = fc.constantFrom(...nodeTypes).chain((type) =>
  fc.record({
    type: fc.constant(type),
    suffix: fc.stringMatching(/^[A-Za-z0-9_.:-]{0,12}$/),
    config: fc.option(configArbs[type], { nil: undefined }),
    extras: optional({
      label: fc.string({ maxLength: 40, unit: 'binary' }),
      position: fc.record({ x: finite(-1e6, 1e6), y: finite(-1e6, 1e6) }),
    }),
  }),
);

/** A valid document: edges only where connections.ts allows them, from lower to higher index (a DAG). */
const validDocArb: fc.Arbitrary<Loose> = fc
  .record({
    header: fc.record({
      title: fc.string({ maxLength: LIMITS.titleChars }),
      seed: int(0, 2 ** 32 - 1),
      duration: finite(0.001, LIMITS.durationS),
      warmupShare: finite(0, 0.99),
    }),
    optionalHeader: optional({ description: fc.string({ maxLength: 200 }) }),
    specs: fc.array(nodeSpecArb, { maxLength: 24, size: 'large' }),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(finite(0, 60_000), { nil: undefined })), {
      maxLength: 80,
      size: 'large',
    }),
    eventSeeds: fc.array(
      fc.record({
        kind: fc.nat(),
        target: fc.nat(),
        at: finite(0, 1),
        factor: positive(1000),
        for: positive(1e4),
      }),
      { maxLength: 8 },
    ),
    order: fc.nat(),
  })
  .map(({ header, optionalHeader, specs, pairs, eventSeeds, order }) => {
    const nodes = specs.map((s, i) => ({
      id: `${i}_${s.suffix}`,
      type: s.type,
      ...s.extras,
      ...(s.config === undefined ? {} : { config: s.config }),
    }));
    const seen = new Set<string>();
    const edges: Loose[] = [];
    for (const [a, b, latencyMs] of pairs) {
      if (nodes.length < 2) break;
      const i = a % nodes.length;
      const j = b % nodes.length;
      const [lo, hi] = i < j ? [i, j] : [j, i];
      const from = nodes[lo] as (typeof nodes)[number];
      const to = nodes[hi] as (typeof nodes)[number];
      if (lo === hi || !canConnect(from.type, to.type) || seen.has(`${lo}>${hi}`)) continue;
      seen.add(`${lo}>${hi}`);
      edges.push({ source: from.id, target: to.id, ...(latencyMs === undefined ? {} : { latencyMs }) });
    }
    const clients = nodes.filter((n) => n.type === 'client');
    const events: Loose[] = [];
    for (const e of eventSeeds) {
      const at = e.at * header.duration;
      const kind = e.kind % 3;
      if (kind === 0 && nodes.length > 0) {
        const node = nodes[e.target % nodes.length] as (typeof nodes)[number];
        // `slow` is for servers, databases and balancers, never a client.
        const action = (['fail', 'restore', node.type === 'client' ? 'fail' : 'slow'] as const)[e.target % 3];
        events.push({ at, action, node: node.id, ...(action === 'slow' ? { factor: e.factor } : {}) });
      } else if (kind === 1 && edges.length > 0) {
        const ed = edges[e.target % edges.length] as Loose;
        events.push({ at, action: e.target % 2 ? 'cut' : 'heal', source: ed.source, target: ed.target });
      } else if (kind === 2 && clients.length > 0) {
        const c = clients[e.target % clients.length] as (typeof nodes)[number];
        events.push({ at, action: 'spike', node: c.id, factor: e.factor, for: e.for });
      }
    }
    // Nodes in any order: edge direction, not list order, makes the DAG.
    const rotated = nodes.length
      ? [...nodes.slice(order % nodes.length), ...nodes.slice(0, order % nodes.length)]
      : [];
    return {
      type: 'scalelab-scenario',
      version: 1,
      title: header.title,
      seed: header.seed,
      duration: header.duration,
      warmup: header.warmupShare * header.duration,
      ...optionalHeader,
      nodes: order % 2 ? rotated.reverse() : rotated,
      edges,
      events,
    };
  });

describe('generated valid documents', () => {
  it('restore, fill every default, keep every given value, and restore again unchanged', () => {
    fc.assert(
      fc.property(validDocArb, (generated) => {
        const text = JSON.stringify(generated);
        const input = JSON.parse(text) as LooseDoc;
        const r = answer(text);
        expect(r.ok, r.ok ? '' : r.error).toBe(true);
        if (!r.ok) return;
        const s = r.scenario;
        expect(s.nodes).toHaveLength(input.nodes.length);
        s.nodes.forEach((n, i) => {
          const given = input.nodes[i] as LooseDoc['nodes'][number];
          expect(n.id).toBe(given.id);
          const config = n.config as Record<string, unknown>;
          for (const key of Object.keys(components[n.type].config.shape))
            expect(config[key], `${n.id}.config.${key}`).not.toBeUndefined();
          expect(config).toMatchObject(given.config ?? {});
        });
        expect(s.edges.map((e) => [e.source, e.target])).toEqual(
          input.edges.map((e) => [e.source, e.target]),
        );
        for (const e of s.edges) expect(e.latencyMs).toBeGreaterThanOrEqual(0);
        // idempotent: restoring what was restored gives the same scenario, via JSON or directly
        const again = restoreScenario(JSON.parse(JSON.stringify(s)));
        expect(again.ok && again.scenario).toEqual(s);
        const direct = restoreScenario(s);
        expect(direct.ok && direct.scenario).toEqual(s);
      }),
      { numRuns: 400 },
    );
  });

  it('an edge the rules forbid, added to a valid document, is refused', () => {
    const forbidden = nodeTypes.flatMap((s) => nodeTypes.filter((t) => !canConnect(s, t)).map((t) => [s, t]));
    fc.assert(
      fc.property(validDocArb, fc.constantFrom(...forbidden), (generated, [s, t]) => {
        const d = clone(generated) as LooseDoc;
        d.nodes.push(
          { id: 'extra-src', type: s as string, config: {} },
          { id: 'extra-dst', type: t as string, config: {} },
        );
        d.edges.push({ source: 'extra-src', target: 'extra-dst' });
        const r = answer(d);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.problems.some((p) => p.path === `edges[${d.edges.length - 1}]`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('closing a loop of servers in a valid document is refused as a loop', () => {
    fc.assert(
      fc.property(validDocArb, fc.integer({ min: 2, max: 6 }), (generated, length) => {
        const d = clone(generated) as LooseDoc;
        const ring = Array.from({ length }, (_, i) => `ring-${i}`);
        for (const id of ring) d.nodes.push({ id, type: 'server', config: {} });
        for (const [i, id] of ring.entries())
          d.edges.push({ source: id, target: ring[(i + 1) % length] as string });
        const r = answer(d);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.problems.some((p) => p.path === 'edges' && /loop/.test(p.message))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the issue example survives the properties too', () => {
  it('is one of the mutation bases', () => {
    expect(fixtureDocs).toContainEqual(issueExample());
  });
});
