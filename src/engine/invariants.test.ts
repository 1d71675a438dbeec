import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/document.ts';
import { restoreScenario } from '../scenario/restore.ts';
import type { Job } from './core/job.ts';
import type { Report } from './metrics/report.ts';
import { LoadBalancerModel } from './nodes/loadBalancer.ts';
import { QueueModel } from './nodes/queue.ts';
import { WorkerPoolModel } from './nodes/workerPool.ts';
import { Simulation } from './simulation.ts';

/**
 * Invariants over many random scenarios: every request ends exactly once (answered, failed
 * with a cause, or still in flight at the end), utilisation stays in [0, 1], nothing is NaN,
 * and the same scenario and seed give the same report — however the run is sliced.
 */
const strategies = [
  'round-robin',
  'weighted-round-robin',
  'random',
  'least-connections',
  'power-of-two',
  'ip-hash',
  'consistent-hash',
] as const;

const evictions = ['lru', 'lfu', 'fifo', 'random'] as const;

const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    clients: fc.integer({ min: 1, max: 2 }),
    lbs: fc.integer({ min: 0, max: 2 }),
    servers: fc.integer({ min: 1, max: 5 }),
    dbs: fc.integer({ min: 0, max: 2 }),
    caches: fc.integer({ min: 0, max: 3 }),
    cdns: fc.integer({ min: 0, max: 1 }),
    queues: fc.integer({ min: 0, max: 2 }),
    pools: fc.integer({ min: 0, max: 2 }),
    schedulers: fc.integer({ min: 0, max: 1 }),
    clusters: fc.integer({ min: 0, max: 1 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    duration: fc.integer({ min: 2, max: 15 }),
    warmup: fc.constantFrom(0, 0.5, 1),
    wiring: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }),
    cfg: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }),
    events: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 15, noNaN: true }),
        action: fc.constantFrom('fail', 'restore', 'slow', 'cut', 'heal', 'spike', 'flush', 'run'),
        pick: fc.double({ min: 0, max: 1, noNaN: true }),
        factor: fc.double({ min: 0.5, max: 8, noNaN: true }),
      }),
      { maxLength: 6 },
    ),
  })
  .map((g) => {
    let ci = 0;
    const r = () => g.cfg[ci++ % g.cfg.length] as number;
    let wi = 0;
    const w = () => g.wiring[wi++ % g.wiring.length] as number;
    const pick = <T>(xs: readonly T[]) => xs[Math.min(xs.length - 1, Math.floor(r() * xs.length))] as T;
    const nodes: NonNullable<ScenarioInput['nodes']> = [];
    const edges: NonNullable<ScenarioInput['edges']> = [];
    const clients = Array.from({ length: g.clients }, (_, i) => `c${i}`);
    const lbs = Array.from({ length: g.lbs }, (_, i) => `lb${i}`);
    const servers = Array.from({ length: g.servers }, (_, i) => `s${i}`);
    const dbs = Array.from({ length: g.dbs }, (_, i) => `db${i}`);
    const caches = Array.from({ length: g.caches }, (_, i) => `cache${i}`);
    const cdns = Array.from({ length: g.cdns }, (_, i) => `cdn${i}`);
    const queues = Array.from({ length: g.queues }, (_, i) => `q${i}`);
    const pools = Array.from({ length: g.pools }, (_, i) => `pool${i}`);
    const schedulers = Array.from({ length: g.schedulers }, (_, i) => `cron${i}`);
    const clusters = Array.from({ length: g.clusters }, (_, i) => `mr${i}`);
    for (const id of clients)
      nodes.push({
        id,
        type: 'client',
        config: {
          rps: 20 + r() * 1500,
          readRatio: r(),
          keys: 1 + Math.floor(r() * 1000),
          zipf: r() * 1.5,
          staticRatio: r() < 0.5 ? 0 : r(),
          staticKeys: 1 + Math.floor(r() * 200),
          asyncRatio: r() < 0.5 ? 0 : r(),
          timeoutMs: r() < 0.4 ? 5 + r() * 200 : null,
          strategy: pick(strategies),
          retries: Math.floor(r() * 3),
          arrival: r() < 0.8 ? 'poisson' : 'deterministic',
          pattern: pick([
            { type: 'constant' },
            { type: 'ramp', toRps: r() * 2000, startS: 0, endS: 5 },
            { type: 'spike', factor: 3, atS: 1, forS: 2 },
            { type: 'diurnal', amplitude: r(), periodS: 4 },
            { type: 'step', toRps: r() * 1000, atS: 2 },
          ] as const),
        },
      });
    for (const id of lbs)
      nodes.push({
        id,
        type: 'loadBalancer',
        config: {
          strategy: pick(strategies),
          retries: Math.floor(r() * 3),
          standby: r() < 0.3,
          failoverMs: r() * 2000,
          capacityRps: pick([null, 0, 500, 5000]),
          overheadMs: r() < 0.5 ? 0 : r() * 2,
          healthCheck: {
            enabled: r() < 0.8,
            intervalMs: 50 + r() * 1000,
            unhealthyThreshold: 1 + Math.floor(r() * 3),
            healthyThreshold: 1 + Math.floor(r() * 3),
          },
        },
      });
    for (const id of servers)
      nodes.push({
        id,
        type: 'server',
        config: {
          workers: 1 + Math.floor(r() * 4),
          serviceTimeMs: 0.5 + r() * 30,
          serviceDistribution: pick(['exponential', 'deterministic', 'lognormal'] as const),
          serviceCv: 0.2 + r() * 3,
          queueLimit: r() < 0.5 ? null : Math.floor(r() * 20),
          weight: 1 + Math.floor(r() * 5),
          jobTimeMs: 1 + r() * 100,
          strategy: pick(strategies),
          retries: Math.floor(r() * 2),
        },
      });
    for (const id of dbs)
      nodes.push({
        id,
        type: 'database',
        config: {
          connections: 1 + Math.floor(r() * 10),
          readTimeMs: 0.5 + r() * 10,
          writeTimeMs: 0.5 + r() * 20,
          readReplicas: Math.floor(r() * 3),
          queueLimit: r() < 0.7 ? null : Math.floor(r() * 30),
          rowCache: {
            capacity: r() < 0.5 ? 0 : 1 + Math.floor(r() * 300),
            eviction: pick(evictions),
            hitTimeMs: 0.1 + r(),
          },
        },
      });
    for (const id of caches)
      nodes.push({
        id,
        type: 'cache',
        config: {
          capacity: 1 + Math.floor(r() * 400),
          eviction: pick(evictions),
          ttlMs: r() < 0.6 ? null : 1 + r() * 2000,
          writePolicy: pick(['invalidate', 'write-through', 'ttl-only'] as const),
          workers: 1 + Math.floor(r() * 4),
          hitTimeMs: 0.05 + r() * 2,
          queueLimit: r() < 0.7 ? null : Math.floor(r() * 10),
        },
      });
    for (const id of cdns)
      nodes.push({
        id,
        type: 'cdn',
        config: {
          capacity: 1 + Math.floor(r() * 100),
          eviction: pick(evictions),
          ttlMs: r() < 0.6 ? null : 1 + r() * 2000,
          edgeLatencyMs: r() < 0.3 ? 0 : r() * 20,
        },
      });
    for (const id of queues)
      nodes.push({
        id,
        type: 'queue',
        config: {
          capacity: r() < 0.5 ? null : 1 + Math.floor(r() * 50),
          publishTimeMs: r() < 0.3 ? 0 : r() * 3,
        },
      });
    for (const id of pools)
      nodes.push({
        id,
        type: 'workerPool',
        config: {
          workers: 1 + Math.floor(r() * 6),
          serviceDistribution: pick(['exponential', 'deterministic', 'lognormal'] as const),
        },
      });
    for (const id of schedulers)
      nodes.push({
        id,
        type: 'scheduler',
        config: {
          everyS: 0.5 + r() * 4,
          firstAtS: r() * 3,
          jobs: 1 + Math.floor(r() * 30),
          jobTimeMs: 1 + r() * 50,
        },
      });
    for (const id of clusters)
      nodes.push({
        id,
        type: 'mapReduce',
        config: {
          workers: 1 + Math.floor(r() * 8),
          inputMB: 1 + r() * 2000,
          splitMB: 16 + r() * 200,
          mapMBps: 50 + r() * 500,
          outputRatio: r(),
          networkMBps: 100 + r() * 1000,
          fetchMs: r() * 5,
          reducers: 1 + Math.floor(r() * 6),
          reduceMBps: 50 + r() * 500,
          stragglerProbability: r() < 0.5 ? 0 : r() * 0.3,
          stragglerSlowdown: 1 + r() * 5,
        },
      });
    const lat = () => (w() < 0.6 ? 0 : w() * 5);
    const connect = (source: string, target: string) => edges.push({ source, target, latencyMs: lat() });
    const origins = [...lbs, ...servers];
    const front = [...origins, ...cdns];
    for (const c of clients) {
      const chosen = front.filter(() => w() < 0.4);
      for (const t of chosen.length > 0
        ? chosen
        : [front[Math.min(front.length - 1, Math.floor(w() * front.length))] as string])
        connect(c, t);
    }
    for (const cdn of cdns) {
      const chosen = origins.filter(() => w() < 0.4);
      for (const t of chosen.length > 0 ? chosen : [origins[Math.floor(w() * origins.length)] as string])
        connect(cdn, t);
    }
    // Balancers feed servers, and a later balancer may feed an earlier one's pool; keep it a DAG.
    lbs.forEach((lb, i) => {
      for (const s of servers) if (w() < 0.6) connect(lb, s);
      for (const other of lbs.slice(i + 1)) if (w() < 0.2) connect(lb, other);
    });
    servers.forEach((s, i) => {
      for (const d of dbs) if (w() < 0.5) connect(s, d);
      for (const c of caches) if (w() < 0.4) connect(s, c);
      for (const q of queues) if (w() < 0.4) connect(s, q);
      for (const t of servers.slice(i + 1)) if (w() < 0.15) connect(s, t);
      // A server may call a balancer (a platform tier) only if that balancer feeds later servers alone.
      for (const lb of lbs) {
        const targets = edges.filter((e) => e.source === lb).map((e) => e.target);
        const downstreamOnly = targets.every((t) => servers.indexOf(t) > i);
        if (w() < 0.2 && downstreamOnly) connect(s, lb);
      }
    });
    // Queues feed pools; pools write to databases (a DAG: no pool calls a server).
    for (const q of queues) for (const p of pools) if (w() < 0.7) connect(q, p);
    for (const p of pools) for (const d of dbs) if (w() < 0.5) connect(p, d);
    for (const s of schedulers)
      for (const t of [...queues, ...servers, ...lbs, ...dbs, ...clusters]) if (w() < 0.3) connect(s, t);
    const failable = [
      ...lbs,
      ...servers,
      ...dbs,
      ...caches,
      ...cdns,
      ...queues,
      ...pools,
      ...schedulers,
      ...clusters,
      ...clients,
    ];
    const flushable = [
      ...caches,
      ...cdns,
      ...nodes
        .filter((n) => n.type === 'database' && (n.config?.rowCache?.capacity ?? 0) > 0)
        .map((n) => n.id),
    ];
    const events: NonNullable<ScenarioInput['events']> = [];
    const choose = <T>(xs: readonly T[], u: number) =>
      xs[Math.min(xs.length - 1, Math.floor(u * xs.length))] as T;
    for (const e of g.events) {
      const when = Math.min(e.at, g.duration);
      if (e.action === 'cut' || e.action === 'heal') {
        if (edges.length === 0) continue;
        const edge = choose(edges, e.pick);
        if (edge) events.push({ at: when, action: e.action, source: edge.source, target: edge.target });
      } else if (e.action === 'flush') {
        if (flushable.length > 0) events.push({ at: when, action: 'flush', node: choose(flushable, e.pick) });
      } else if (e.action === 'run') {
        if (clusters.length > 0) events.push({ at: when, action: 'run', node: choose(clusters, e.pick) });
      } else if (e.action === 'spike') {
        events.push({
          at: when,
          action: 'spike',
          node: choose(clients, e.pick),
          factor: e.factor,
          for: 1 + e.pick * 3,
        });
      } else {
        // `slow` applies to servers, databases and balancers; fail/restore to anything.
        const node = choose(e.action === 'slow' ? [...lbs, ...servers, ...dbs] : failable, e.pick);
        events.push({
          at: when,
          action: e.action,
          node,
          ...(e.action === 'slow' ? { factor: e.factor } : {}),
        });
      }
    }
    const doc: ScenarioInput = {
      type: 'scalelab-scenario',
      version: 1,
      seed: g.seed,
      duration: g.duration,
      warmup: g.warmup,
      nodes,
      edges,
      events,
    };
    // A third of the time the first two balancers become a standby pair: neither keeps the
    // built-in standby nor a request edge to the other; kept when the rest allows it (no loop).
    if (lbs.length === 2 && g.seed % 3 === 0) {
      const isPairMember = (id: string) => id === 'lb0' || id === 'lb1';
      const withPair: ScenarioInput = {
        ...doc,
        nodes: nodes.map((n) =>
          n.type === 'loadBalancer' ? { ...n, config: { ...n.config, standby: false } } : n,
        ),
        edges: [
          ...edges.filter((e) => !(isPairMember(e.source) && isPairMember(e.target))),
          { source: 'lb0', target: 'lb1', kind: 'pair' },
        ],
      };
      if (restoreScenario(withPair).ok) return withPair;
    }
    return doc;
  });

function assertFinite(value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      assertFinite(v, `${path}[${i}]`);
    });
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (v !== null) assertFinite(v, `${path}.${k}`);
}

function checkInvariants(sim: Simulation, r: Report): void {
  const q = r.requests;
  expect(q.inFlight).toBeGreaterThanOrEqual(0);
  expect(q.generated).toBe(q.completed + q.failed + q.inFlight);
  expect(Object.values(r.errors).reduce((a, b) => a + b, 0)).toBe(q.failed);
  // "What killed me" accounts for every failed request, each charged to an existing fault or none.
  expect(r.failures.reduce((a, b) => a + b.count, 0)).toBe(q.failed);
  for (const b of r.failures) if (b.fault !== null) expect(r.faults[b.fault]).toBeDefined();
  expect(sim.invariantViolations).toBe(0);
  expect(sim.inFlightAll).toBeGreaterThanOrEqual(0);
  expect(sim.inFlightAll).toBeGreaterThanOrEqual(q.inFlight);
  // No request is lost: every one not yet ended is held by a node or a pending event.
  expect(sim.auditInFlight()).toBe(sim.inFlightAll);
  // No job is lost either: every job a queue accepted is done, waiting, or held by a pool.
  const held = new Map<QueueModel, Set<Job>>();
  const hold = (job: Job) => {
    const set = held.get(job.queue as QueueModel) ?? new Set<Job>();
    expect(set.has(job)).toBe(false);
    set.add(job);
    held.set(job.queue as QueueModel, set);
  };
  for (const node of sim.nodes) {
    if (node instanceof QueueModel) node.forEachWaitingJob(hold);
    if (node instanceof WorkerPoolModel) node.forEachHeldJob(hold);
  }
  for (const node of sim.nodes)
    if (node instanceof QueueModel)
      expect(node.acceptedEver - node.completedEver, node.id).toBe(held.get(node)?.size ?? 0);
  // A balancer's connection counts (least-connections, power-of-two) never drift from the truth.
  for (const node of sim.nodes)
    if (node instanceof LoadBalancerModel) expect(node.connectionCountsAgree(), node.id).toBe(true);
  for (const [id, n] of Object.entries(r.nodes)) {
    expect(n.utilization, id).toBeGreaterThanOrEqual(0);
    expect(n.utilization, id).toBeLessThanOrEqual(1 + 1e-9);
    expect(n.meanQueueLength, id).toBeGreaterThanOrEqual(-1e-9);
  }
  for (const p of r.timeline)
    for (const n of Object.values(p.nodes)) {
      expect(n.utilization).toBeGreaterThanOrEqual(0);
      expect(n.utilization).toBeLessThanOrEqual(1 + 1e-6);
    }
  assertFinite(r, 'report');
}

describe('engine invariants over random scenarios', () => {
  it('every request ends exactly once; utilisation in [0, 1]; no NaN; same seed, same report', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const restored = restoreScenario(input);
        if (!restored.ok) throw new Error(`generator made an invalid scenario: ${restored.error}`);
        const a = new Simulation(restored.scenario);
        const ra = a.run();
        checkInvariants(a, ra);
        // Same scenario and seed, run in uneven slices: the identical report.
        const b = new Simulation(restored.scenario);
        for (let t = 0; !b.finished; t += 137.5) b.runUntil(t);
        expect(b.report()).toEqual(ra);
      }),
      { numRuns: Number(process.env.INVARIANT_RUNS ?? 120) },
    );
  });

  it('a different seed gives a different run', () => {
    const s = restoreScenario({
      type: 'scalelab-scenario',
      version: 1,
      duration: 5,
      nodes: [
        { id: 'u', type: 'client', config: { rps: 200 } },
        { id: 'w', type: 'server' },
      ],
      edges: [{ source: 'u', target: 'w' }],
    });
    if (!s.ok) throw new Error(s.error);
    const a = new Simulation(s.scenario).run();
    const b = new Simulation(s.scenario, { seed: 99 }).run();
    expect(b.latencyMs.mean).not.toBe(a.latencyMs.mean);
  });
});

describe('bounded memory', () => {
  it('the timeline halves its resolution instead of growing', () => {
    const s = restoreScenario({
      type: 'scalelab-scenario',
      version: 1,
      duration: 3600,
      nodes: [
        { id: 'u', type: 'client', config: { rps: 5 } },
        { id: 'w', type: 'server' },
      ],
      edges: [{ source: 'u', target: 'w' }],
    });
    if (!s.ok) throw new Error(s.error);
    const sim = new Simulation(s.scenario, { maxTimelinePoints: 100 });
    const r = sim.run();
    expect(r.timeline.length).toBeLessThanOrEqual(100);
    expect(r.timeline.length).toBeGreaterThan(40);
    const step = r.timeline[0]?.step ?? 0;
    expect(step).toBe(64);
    expect(r.timeline.at(-1)?.t).toBe(3600);
    // Throughput per point stays a per-second rate after merging.
    const mean = r.timeline.slice(0, -1).reduce((a, p) => a + p.throughput, 0) / (r.timeline.length - 1);
    expect(mean).toBeGreaterThan(4.5);
    expect(mean).toBeLessThan(5.5);
  });
});
