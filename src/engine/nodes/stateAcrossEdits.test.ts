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
