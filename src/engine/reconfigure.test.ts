import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioInput } from '../scenario/document.ts';
import { restoreOrThrow } from '../scenario/restore.ts';
import { LoadBalancerModel } from './nodes/loadBalancer.ts';
import { Simulation } from './simulation.ts';

function base(servers: number, rps: number, extra: Partial<ScenarioInput> = {}): Scenario {
  return restoreOrThrow({
    type: 'scalelab-scenario',
    version: 1,
    seed: 5,
    duration: 120,
    nodes: [
      { id: 'users', type: 'client', config: { rps } },
      { id: 'lb', type: 'loadBalancer', config: { capacityRps: 0 } },
      ...Array.from({ length: servers }, (_, i) => ({
        id: `web-${i + 1}`,
        type: 'server' as const,
        config: { workers: 1, serviceTimeMs: 10 },
      })),
    ],
    edges: [
      { source: 'users', target: 'lb' },
      ...Array.from({ length: servers }, (_, i) => ({ source: 'lb', target: `web-${i + 1}` })),
    ],
    ...extra,
  });
}

/** Mean of the per-second p99 over [from, to) seconds. */
function p99Between(sim: Simulation, from: number, to: number): number {
  const pts = sim.report().timeline.filter((p) => p.t > from && p.t <= to);
  return pts.reduce((a, p) => a + p.latencyMs.p99, 0) / pts.length;
}

function checkBooks(sim: Simulation): void {
  const r = sim.report();
  expect(r.requests.generated).toBe(r.requests.completed + r.requests.failed + r.requests.inFlight);
  expect(sim.invariantViolations).toBe(0);
  expect(sim.auditInFlight()).toBe(sim.inFlightAll);
  for (const n of sim.nodes) if (n instanceof LoadBalancerModel) expect(n.connectionCountsAgree()).toBe(true);
}

/** Start from the first edit's document, apply each edit at its time, check the books after each and at the end. */
function runEdits<E extends { at: number }>(make: (e: E) => Scenario, edits: readonly E[]): void {
  const sim = new Simulation(make(edits[0] as E));
  for (const e of [...edits].sort((a, b) => a.at - b.at)) {
    sim.runUntil(e.at * 1000);
    sim.reconfigure(make(e));
    checkBooks(sim);
  }
  sim.run();
  checkBooks(sim);
}

describe('edit while running', () => {
  it('a client, balancer or scheduler rebuilt by an edit carries on from now: no replay of the past', () => {
    const scheduled = (extraRps: number) =>
      base(2, 100 + extraRps, {
        nodes: [
          { id: 'users', type: 'client', config: { rps: 100 + extraRps } },
          { id: 'lb', type: 'loadBalancer', config: { capacityRps: 0, retries: extraRps > 0 ? 1 : 0 } },
          { id: 'web-1', type: 'server', config: { workers: 4, serviceTimeMs: 10 } },
          { id: 'web-2', type: 'server', config: { workers: 4, serviceTimeMs: 10 } },
          {
            id: 'cron',
            type: 'scheduler',
            config: { everyS: 10, firstAtS: 5, jobs: 1 + Math.sign(extraRps) },
          },
        ],
        edges: [
          { source: 'users', target: 'lb' },
          { source: 'lb', target: 'web-1' },
          { source: 'lb', target: 'web-2' },
          { source: 'cron', target: 'web-1' },
        ],
      });
    const sim = new Simulation(scheduled(0));
    sim.runUntil(30_000);
    const generatedBefore = sim.allGenerated;
    const summary = sim.reconfigure(scheduled(100)); // users, lb and cron all change
    expect(summary.changed.sort()).toEqual(['cron', 'lb', 'users']);
    // The old way, the new client replayed 30 s of arrivals at once: thousands in the next ms.
    sim.runUntil(30_001);
    expect(sim.allGenerated - generatedBefore).toBeLessThan(10);
    sim.runUntil(40_000);
    // 200 req/s for 10 s, and no event ever scheduled before the clock.
    expect(sim.allGenerated - generatedBefore).toBeGreaterThan(1800);
    expect(sim.allGenerated - generatedBefore).toBeLessThan(2200);
    checkBooks(sim);
    // The old timetable ran at 5, 15 and 25 s; the rebuilt scheduler's first run is at 35 s,
    // not a burst of catch-up runs at 30 s.
    const cron = sim.report().nodes.cron as unknown as { lastRuns: { startS: number }[] };
    expect(cron.lastRuns.map((r) => r.startS)).toEqual([35]);
  });

  it('adding a server mid-run makes p99 fall, without a restart or a failed request', () => {
    const before = base(2, 190); // 95% busy: long queues
    const sim = new Simulation(before);
    sim.runUntil(40_000);
    const after = base(3, 190);
    const summary = sim.reconfigure(after);
    expect(summary.added).toEqual(['web-3']);
    expect(summary.rewired).toEqual(['lb→web-3']);
    sim.runUntil(120_000);
    checkBooks(sim);
    const r = sim.report();
    expect(r.requests.failed).toBe(0);
    expect(r.nodes['web-3']?.served).toBeGreaterThan(4000);
    expect(p99Between(sim, 60, 120)).toBeLessThan(p99Between(sim, 10, 40) / 3);
  });

  it('more workers drain a queue that was growing', () => {
    const sim = new Simulation(base(1, 130)); // overloaded: the queue grows
    sim.runUntil(20_000);
    const queued = sim.report().timeline.at(-1)?.nodes['web-1']?.queue ?? 0;
    expect(queued).toBeGreaterThan(100);
    const next = structuredClone(sim.scenario);
    const web = next.nodes.find((n) => n.id === 'web-1');
    if (web?.type !== 'server') throw new Error('no web-1');
    web.config.workers = 4;
    expect(sim.reconfigure(next).changed).toEqual(['web-1']);
    sim.runUntil(60_000);
    checkBooks(sim);
    expect(sim.report().timeline.at(-1)?.nodes['web-1']?.queue).toBeLessThan(5);
  });

  it('removing a server lets its requests finish and sends it nothing more', () => {
    const sim = new Simulation(base(3, 200));
    sim.runUntil(30_000);
    const sentBefore = sim.report().edges.find((e) => e.target === 'web-3')?.sent ?? 0;
    expect(sim.reconfigure(base(2, 200)).removed).toEqual(['web-3']);
    sim.runUntil(90_000);
    checkBooks(sim);
    const r = sim.report();
    expect(r.requests.failed).toBe(0);
    expect(r.nodes['web-3']).toBeUndefined();
    expect(r.edges.some((e) => e.target === 'web-3')).toBe(false);
    expect(sentBefore).toBeGreaterThan(1000);
  });

  it('an unchanged document changes nothing; the same edits at the same times give the same report', () => {
    const plain = new Simulation(base(2, 150));
    plain.run();
    const touched = new Simulation(base(2, 150));
    touched.runUntil(30_000);
    const s = touched.reconfigure(structuredClone(touched.scenario));
    expect([s.added, s.changed, s.removed, s.rewired]).toEqual([[], [], [], []]);
    expect(touched.run()).toEqual(plain.run());

    const edited = () => {
      const sim = new Simulation(base(2, 180));
      sim.runUntil(25_000);
      sim.reconfigure(base(4, 180));
      sim.runUntil(50_000);
      sim.reconfigure(base(3, 250));
      return sim.run();
    };
    expect(edited()).toEqual(edited());
  });

  it('keeps the books straight under random edits at random times', () => {
    const strategies = [
      'round-robin',
      'least-connections',
      'power-of-two',
      'random',
      'consistent-hash',
    ] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 1, max: 59 }),
            servers: fc.integer({ min: 1, max: 5 }),
            workers: fc.integer({ min: 1, max: 3 }),
            rps: fc.integer({ min: 10, max: 400 }),
            strategy: fc.constantFrom(...strategies),
            latency: fc.constantFrom(0, 0, 2),
            db: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (edits) => {
          const make = (e: (typeof edits)[number]): Scenario =>
            restoreOrThrow({
              type: 'scalelab-scenario',
              version: 1,
              seed: 3,
              duration: 60,
              nodes: [
                { id: 'users', type: 'client', config: { rps: e.rps, timeoutMs: 500 } },
                { id: 'lb', type: 'loadBalancer', config: { strategy: e.strategy, retries: 1 } },
                ...Array.from({ length: e.servers }, (_, i) => ({
                  id: `web-${i + 1}`,
                  type: 'server' as const,
                  config: { workers: e.workers, serviceTimeMs: 8 },
                })),
                ...(e.db ? [{ id: 'db', type: 'database' as const, config: { connections: 2 } }] : []),
              ],
              edges: [
                { source: 'users', target: 'lb', latencyMs: e.latency },
                ...Array.from({ length: e.servers }, (_, i) => ({ source: 'lb', target: `web-${i + 1}` })),
                ...(e.db
                  ? Array.from({ length: e.servers }, (_, i) => ({
                      source: `web-${i + 1}`,
                      target: 'db',
                      latencyMs: 1,
                    }))
                  : []),
              ],
              events: [
                { at: 20, action: 'fail', node: 'web-1' },
                { at: 35, action: 'restore', node: 'web-1' },
              ],
            });
          runEdits(make, edits);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('edit while running, every kind of node', () => {
  it('keeps the books straight when caches, CDN, queue, pool, scheduler, map-reduce and a balancer pair are edited at random times', () => {
    const evictions = ['lru', 'lfu', 'fifo', 'random'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 1, max: 39 }),
            rps: fc.integer({ min: 50, max: 400 }),
            servers: fc.integer({ min: 1, max: 3 }),
            cacheItems: fc.integer({ min: 10, max: 2000 }),
            eviction: fc.constantFrom(...evictions),
            ttlMs: fc.constantFrom(null, 500, 5000),
            cache: fc.boolean(),
            cdnItems: fc.integer({ min: 10, max: 500 }),
            rowCache: fc.boolean(),
            queueCapacity: fc.constantFrom(null, 5, 1000),
            poolWorkers: fc.integer({ min: 1, max: 6 }),
            everyS: fc.integer({ min: 2, max: 15 }),
            mrWorkers: fc.integer({ min: 1, max: 8 }),
            pair: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (edits) => {
          type E = (typeof edits)[number];
          const make = (e: E): Scenario => {
            const webs = Array.from({ length: e.servers }, (_, i) => `web-${i + 1}`);
            return restoreOrThrow({
              type: 'scalelab-scenario',
              version: 1,
              seed: 9,
              duration: 40,
              warmup: 5,
              nodes: [
                {
                  id: 'users',
                  type: 'client',
                  config: {
                    rps: e.rps,
                    readRatio: 0.8,
                    asyncRatio: 0.2,
                    staticRatio: 0.2,
                    keys: 3000,
                    timeoutMs: 2000,
                  },
                },
                { id: 'cdn', type: 'cdn', config: { capacity: e.cdnItems } },
                { id: 'lb', type: 'loadBalancer', config: { failoverMs: 500, retries: 1 } },
                { id: 'lb-2', type: 'loadBalancer' },
                ...webs.map((id) => ({
                  id,
                  type: 'server' as const,
                  config: { workers: 4, serviceTimeMs: 5 },
                })),
                ...(e.cache
                  ? [
                      {
                        id: 'cache',
                        type: 'cache' as const,
                        config: { capacity: e.cacheItems, eviction: e.eviction, ttlMs: e.ttlMs },
                      },
                    ]
                  : []),
                {
                  id: 'db',
                  type: 'database',
                  config: { connections: 8, ...(e.rowCache ? { rowCache: { capacity: 200 } } : {}) },
                },
                { id: 'q', type: 'queue', config: { capacity: e.queueCapacity } },
                { id: 'pool', type: 'workerPool', config: { workers: e.poolWorkers } },
                { id: 'cron', type: 'scheduler', config: { everyS: e.everyS, firstAtS: 1, jobs: 3 } },
                { id: 'mr', type: 'mapReduce', config: { workers: e.mrWorkers, inputMB: 500 } },
              ],
              edges: [
                { source: 'users', target: 'cdn', latencyMs: 5 },
                { source: 'cdn', target: 'lb' },
                ...(e.pair ? [{ source: 'lb', target: 'lb-2', kind: 'pair' as const }] : []),
                ...webs.flatMap((w) => [
                  { source: 'lb', target: w },
                  { source: 'lb-2', target: w },
                  ...(e.cache ? [{ source: w, target: 'cache' }] : []),
                  { source: w, target: 'db', latencyMs: 1 },
                  { source: w, target: 'q' },
                ]),
                { source: 'q', target: 'pool' },
                { source: 'pool', target: 'db' },
                { source: 'cron', target: 'q' },
                { source: 'cron', target: 'mr' },
              ],
              events: [
                { at: 8, action: 'fail', node: 'lb' },
                { at: 12, action: 'restore', node: 'lb' },
                { at: 15, action: 'fail', node: 'pool' },
                { at: 18, action: 'restore', node: 'pool' },
                { at: 20, action: 'flush', node: 'cdn' },
                { at: 22, action: 'fail', node: 'db' },
                { at: 24, action: 'restore', node: 'db' },
              ],
            });
          };
          runEdits(make, edits);
        },
      ),
      { numRuns: 25 },
    );
  });
});
