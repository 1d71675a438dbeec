import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/document.ts';
import { restoreOrThrow } from '../../scenario/restore.ts';
import { Simulation } from '../simulation.ts';

/**
 * Edits while running rebuild a node's model. Nodes that hold state keep it across the swap:
 * a queue its jobs, a cache or CDN its contents (when capacity and eviction are unchanged),
 * a database its rows in memory; a rebuilt worker pool finds the queues that feed it.
 */
const offline = (workers: number, capacity: number | null): ScenarioInput => ({
  type: 'scalelab-scenario',
  version: 1,
  duration: 120,
  nodes: [
    {
      id: 'users',
      type: 'client',
      config: { rps: 200, asyncRatio: 0.5, pattern: { type: 'step', toRps: 0, atS: 20 } },
    },
    { id: 'web', type: 'server', config: { workers: 100, serviceTimeMs: 1, jobTimeMs: 100 } },
    { id: 'q', type: 'queue', config: { capacity, publishTimeMs: 0 } },
    { id: 'pool', type: 'workerPool', config: { workers } },
  ],
  edges: [
    { source: 'users', target: 'web' },
    { source: 'web', target: 'q' },
    { source: 'q', target: 'pool' },
  ],
});

describe('state across edits while running', () => {
  it('a worker pool scaled up mid-run drains the backlog after traffic stopped', () => {
    const sim = new Simulation(restoreOrThrow(offline(2, null)));
    sim.runUntil(25_000);
    const before = sim.report().nodes.q?.depth as number;
    sim.reconfigure(restoreOrThrow(offline(40, null)));
    const r = sim.run();
    console.info(
      `backlog ${before} jobs at 25 s; after scaling the pool to 40 workers: depth ${r.nodes.q?.depth}`,
    );
    expect(before).toBeGreaterThan(1000);
    expect(r.nodes.q?.depth).toBe(0);
    expect(r.nodes.q?.completed).toBe(r.nodes.q?.published);
  });

  it('a queue edited mid-run keeps its jobs: none is lost', () => {
    const sim = new Simulation(restoreOrThrow(offline(2, 100_000)));
    sim.runUntil(25_000);
    sim.reconfigure(restoreOrThrow(offline(2, 50_000)));
    sim.runUntil(30_000);
    sim.reconfigure(restoreOrThrow(offline(40, 50_000)));
    const r = sim.run();
    expect(r.nodes.q?.depth).toBe(0);
    expect(r.nodes.q?.dropped).toBe(0);
    expect(r.nodes.q?.completed).toBe(r.nodes.q?.published);
    expect(r.nodes.q?.published).toBeGreaterThan(1500);
  });

  it('a cache whose operation time changes keeps its contents; one resized starts empty', () => {
    const doc = (hitTimeMs: number, capacity: number): ScenarioInput => ({
      type: 'scalelab-scenario',
      version: 1,
      duration: 40,
      nodes: [
        { id: 'users', type: 'client', config: { rps: 1000, keys: 5000 } },
        { id: 'web', type: 'server', config: { workers: 100, serviceTimeMs: 1 } },
        { id: 'cache', type: 'cache', config: { capacity, hitTimeMs } },
        { id: 'db', type: 'database', config: { connections: 50, readTimeMs: 2 } },
      ],
      edges: [
        { source: 'users', target: 'web' },
        { source: 'web', target: 'cache' },
        { source: 'web', target: 'db' },
      ],
    });
    const hitAt = (sim: Simulation, t: number) =>
      sim.report().timeline.find((p) => p.t === t)?.nodes.cache?.hitRatio as number;
    const same = new Simulation(restoreOrThrow(doc(0.5, 1000)));
    same.runUntil(20_000);
    same.reconfigure(restoreOrThrow(doc(0.2, 1000)));
    same.runUntil(21_000);
    const resized = new Simulation(restoreOrThrow(doc(0.5, 1000)));
    resized.runUntil(20_000);
    resized.reconfigure(restoreOrThrow(doc(0.5, 2000)));
    resized.runUntil(21_000);
    console.info(
      `hit ratio the second after the edit: op time changed ${hitAt(same, 21)} (before ${hitAt(same, 20)}), capacity changed ${hitAt(resized, 21)}`,
    );
    expect(Math.abs(hitAt(same, 21) - hitAt(same, 20))).toBeLessThan(0.06);
    expect(hitAt(resized, 21)).toBeLessThan(hitAt(resized, 20) - 0.1);
  });
});

/** users → lb → web-1, web-2; optionally a second balancer lb-2 (joined as lb's standby by a pair edge). */
const balanced = (opts: {
  workers?: number;
  strategy?: 'round-robin' | 'random';
  lb2?: boolean;
  pair?: boolean;
  twin?: boolean;
}) =>
  restoreOrThrow({
    type: 'scalelab-scenario',
    version: 1,
    duration: 30,
    nodes: [
      { id: 'users', type: 'client', config: { rps: 200 } },
      {
        id: 'lb',
        type: 'loadBalancer',
        config: { strategy: opts.strategy ?? 'round-robin', failoverMs: 2000, standby: opts.twin ?? false },
      },
      ...(opts.lb2 ? [{ id: 'lb-2', type: 'loadBalancer' as const }] : []),
      { id: 'web-1', type: 'server', config: { workers: opts.workers ?? 4, serviceTimeMs: 5 } },
      { id: 'web-2', type: 'server', config: { workers: 4, serviceTimeMs: 5 } },
    ],
    edges: [
      { source: 'users', target: 'lb' },
      { source: 'lb', target: 'web-1' },
      { source: 'lb', target: 'web-2' },
      ...(opts.lb2
        ? [
            { source: 'lb-2', target: 'web-1' },
            { source: 'lb-2', target: 'web-2' },
          ]
        : []),
      ...(opts.pair ? [{ source: 'lb', target: 'lb-2', kind: 'pair' as const }] : []),
    ],
  });

/** Requests answered and failed from now to `to` (no warm-up: every request counts). */
function between(sim: Simulation, to: number): { ok: number; failed: number } {
  const ok = sim.completed;
  const failed = sim.failed;
  sim.runUntil(to);
  return { ok: sim.completed - ok, failed: sim.failed - failed };
}

describe('faults across edits while running', () => {
  it('a failed server stays down when its settings change, until it is restored; a slowed one stays slow', () => {
    const sim = new Simulation(balanced({}));
    sim.runUntil(5_000);
    sim.apply({ at: 5, action: 'fail', node: 'web-1' });
    sim.runUntil(8_000);
    const served = sim.byId.get('web-1')?.stats.served as number;
    sim.reconfigure(balanced({ workers: 8 }));
    sim.runUntil(12_000);
    expect(sim.byId.get('web-1')?.up).toBe(false);
    expect(sim.byId.get('web-1')?.stats.served).toBe(served);
    sim.apply({ at: 12, action: 'restore', node: 'web-1' });
    sim.runUntil(17_000); // the balancer's health checks take it back after two good probes
    expect(sim.byId.get('web-1')?.stats.served).toBeGreaterThan(served + 100);
    sim.apply({ at: 17, action: 'slow', node: 'web-1', factor: 3 });
    const slowed = sim.byId.get('web-1');
    sim.reconfigure(balanced({ workers: 6 }));
    expect(sim.byId.get('web-1')).not.toBe(slowed); // rebuilt
    expect(sim.byId.get('web-1')?.slow).toBe(3);
    sim.run();
    expect(sim.invariantViolations).toBe(0);
  });

  it('a balancer given a standby during its outage fails over after the failover time', () => {
    const sim = new Simulation(balanced({ lb2: true }));
    sim.runUntil(5_000);
    sim.apply({ at: 5, action: 'fail', node: 'lb' });
    sim.runUntil(6_000);
    sim.reconfigure(balanced({ lb2: true, pair: true })); // the pair is drawn at 6 s
    const waiting = between(sim, 7_900); // 200 req/s, all refused until 8 s
    expect(waiting.ok).toBe(0);
    expect(waiting.failed).toBeGreaterThan(300);
    sim.runUntil(8_100);
    const after = between(sim, 12_000);
    expect(after.failed).toBe(0);
    expect(after.ok).toBeGreaterThan(700);
    expect(sim.invariantViolations).toBe(0);
  });

  it('a balancer rebuilt while its twin is taking over still fails over on time; a dead one stays dead', () => {
    const sim = new Simulation(balanced({ twin: true }));
    sim.runUntil(5_000);
    sim.apply({ at: 5, action: 'fail', node: 'lb' });
    sim.runUntil(6_000);
    sim.reconfigure(balanced({ twin: true, strategy: 'random' })); // rebuilds lb mid-failover
    expect(between(sim, 6_900).ok).toBe(0);
    sim.runUntil(7_100); // the twin takes over at 5 s + 2 s, as scheduled before the edit
    expect(between(sim, 10_000).failed).toBe(0);
    expect(sim.byId.get('lb')?.up).toBe(true);
    // The twin fails too: nothing left to take over, and another edit does not revive it.
    sim.apply({ at: 10, action: 'fail', node: 'lb' });
    sim.reconfigure(balanced({ twin: true, strategy: 'round-robin' }));
    expect(between(sim, 15_000).ok).toBe(0);
    expect(sim.byId.get('lb')?.up).toBe(false);
    expect(sim.invariantViolations).toBe(0);
  });
});
