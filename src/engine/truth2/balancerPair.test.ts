import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../../scenario/restore.ts';
import type { Report } from '../index.ts';
import { Simulation } from '../simulation.ts';
import { type Doc, run, scenario } from './support.ts';

/**
 * A standby pair drawn as an edge: users (400/s) → lb-a → 4 servers, lb-b → the same servers,
 * lb-a ⇢ lb-b (a pair edge, failover 2 s). When lb-a fails, requests sent to it fail for the
 * failover time, then lb-b serves them; a restore of lb-a takes the traffic back at once.
 */
const servers = ['web-1', 'web-2', 'web-3', 'web-4'];
const rps = 400;
const failoverMs = 2000;

function pairFarm(events: Doc[], lbA: Doc = {}): Doc {
  const doc = scenario(
    60,
    10,
    [
      { id: 'users', type: 'client', config: { rps } },
      { id: 'lb-a', type: 'loadBalancer', config: { capacityRps: 0, failoverMs, ...lbA } },
      { id: 'lb-b', type: 'loadBalancer', config: { capacityRps: 0 } },
      ...servers.map((id) => ({ id, type: 'server', config: { workers: 4, serviceTimeMs: 10 } })),
    ],
    [
      ['users', 'lb-a'],
      ...servers.map((s): [string, string] => ['lb-a', s]),
      ...servers.map((s): [string, string] => ['lb-b', s]),
    ],
    events,
  );
  (doc.edges as Doc[]).push({ source: 'lb-a', target: 'lb-b', kind: 'pair' });
  return doc;
}

/** Failed user requests in the timeline points (from, to]: point t holds second (t − 1, t]. */
function failedIn(r: Report, from: number, to: number): number {
  return r.timeline
    .filter((p) => p.t > from && p.t <= to)
    .reduce((a, p) => a + p.errorsPerSecond * p.step, 0);
}

function servedBy(r: Report, node: string, from: number, to: number): number {
  return r.timeline
    .filter((p) => p.t > from && p.t <= to)
    .reduce((a, p) => a + (p.nodes[node]?.served ?? 0) * p.step, 0);
}

describe('a balancer pair edge', () => {
  it('the standby takes over after the failover time, serves, and gives the traffic back on restore', () => {
    const { sim, report: r } = run(
      pairFarm([
        { at: 30, action: 'fail', node: 'lb-a' },
        { at: 45, action: 'restore', node: 'lb-a' },
      ]),
    );
    const fault = r.faults[0];
    console.info(
      `pair edge: ${r.requests.failed} failed between ${fault?.firstFailureS} s and ${fault?.lastFailureS?.toFixed(3)} s; lb-b served ${servedBy(r, 'lb-b', 0, 60)} (before the failure ${servedBy(r, 'lb-b', 0, 30)})`,
    );
    // Requests for lb-a fail for failoverMs: 400/s × 2 s, give or take the Poisson noise.
    const expected = rps * (failoverMs / 1000);
    expect(Math.abs(r.requests.failed / expected - 1)).toBeLessThan(0.1);
    expect(fault?.detections).toEqual([{ by: 'lb-b', afterMs: failoverMs }]);
    expect(fault?.timeToDetectMs).toBe(failoverMs);
    expect(fault?.timeToRecoverMs ?? Number.POSITIVE_INFINITY).toBeLessThan(failoverMs);
    expect(fault?.lastFailureS ?? 0).toBeLessThan(30 + failoverMs / 1000);
    // What killed me: the dead active balancer, refused or crashed with requests inside.
    expect(r.failures.map((b) => [b.node, b.cause, b.fault])).toEqual([
      ['lb-a', 'node-down', 0],
      ['lb-a', 'crash', 0],
    ]);
    expect(failedIn(r, 33, 60)).toBe(0);
    // The standby gets nothing until it takes over, all of it while it serves, nothing after.
    expect(servedBy(r, 'lb-b', 0, 30)).toBe(0);
    expect(servedBy(r, 'lb-a', 33, 45)).toBe(0);
    expect(Math.abs(servedBy(r, 'lb-b', 33, 45) / (rps * 12) - 1)).toBeLessThan(0.1);
    expect(servedBy(r, 'lb-b', 46, 60)).toBe(0);
    expect(Math.abs(servedBy(r, 'lb-a', 46, 60) / (rps * 14) - 1)).toBeLessThan(0.1);
    // The report: who is whose standby, and what happened.
    expect(r.nodes['lb-a']?.standby).toEqual({ partner: 'lb-b', ready: true, serving: false, failovers: 1 });
    expect(r.nodes['lb-b']?.standbyFor).toBe('lb-a');
    expect(r.nodes['lb-a']?.up).toBe(true);
    // The standby is a real balancer with its own price; the active one is not doubled.
    expect(r.nodes['lb-a']?.costPerMonth).toBe(60);
    expect(r.nodes['lb-b']?.costPerMonth).toBe(60);
    // The pair edge is no route: no edge statistics for it.
    expect(r.edges.some((e) => e.source === 'lb-a' && e.target === 'lb-b')).toBe(false);
    // No request lost, none ended twice.
    expect(r.requests.generated).toBe(r.requests.completed + r.requests.failed + r.requests.inFlight);
    expect(sim.auditInFlight()).toBe(sim.inFlightAll);
  });

  it('while the failure lasts the report says the standby serves', () => {
    const r = run(pairFarm([{ at: 30, action: 'fail', node: 'lb-a' }])).report;
    expect(r.nodes['lb-a']?.up).toBe(false);
    expect(r.nodes['lb-a']?.standby).toEqual({ partner: 'lb-b', ready: true, serving: true, failovers: 1 });
    expect(failedIn(r, 33, 60)).toBe(0);
  });

  it('a dead standby refuses the requests it takes over, charged to its own fault', () => {
    const { sim, report: r } = run(
      pairFarm([
        { at: 20, action: 'fail', node: 'lb-b' },
        { at: 30, action: 'fail', node: 'lb-a' },
        { at: 40, action: 'restore', node: 'lb-b' },
      ]),
    );
    const [standbyFault, activeFault] = r.faults;
    // Nobody noticed lb-a die: its standby was dead.
    expect(activeFault?.detections).toEqual([]);
    expect(standbyFault?.errors).toEqual({ 'node-down': expect.any(Number) });
    expect(Math.abs((standbyFault?.failedRequests ?? 0) / (rps * 8) - 1)).toBeLessThan(0.1);
    expect(failedIn(r, 20, 29)).toBe(0); // point 30 holds the requests lb-a crashed with
    expect(failedIn(r, 41, 60)).toBe(0);
    expect(Math.abs(servedBy(r, 'lb-b', 41, 60) / (rps * 19) - 1)).toBeLessThan(0.1);
    expect(r.failures.find((b) => b.node === 'lb-b')).toMatchObject({ cause: 'node-down', fault: 0 });
    expect(sim.auditInFlight()).toBe(sim.inFlightAll);
  });

  it('an upstream balancer keeps sending to a balancer whose standby took over', () => {
    // front → lb-a: front's health checks see lb-a's address answer again once lb-b serves.
    const doc = pairFarm([{ at: 30, action: 'fail', node: 'lb-a' }]);
    (doc.nodes as Doc[]).push({ id: 'front', type: 'loadBalancer', config: { capacityRps: 0 } });
    const edges = doc.edges as Doc[];
    edges.splice(0, 1, { source: 'users', target: 'front' }, { source: 'front', target: 'lb-a' });
    const r = run(doc).report;
    expect(failedIn(r, 33, 60)).toBe(0);
    expect(r.nodes.front?.healthyBackends).toBe(1);
  });

  it('an edit while running adds or removes the pair without rebuilding either balancer', () => {
    const paired = restoreOrThrow(pairFarm([{ at: 30, action: 'fail', node: 'lb-a' }]));
    const unpaired = { ...paired, edges: paired.edges.filter((e) => e.kind !== 'pair') };
    const sim = new Simulation(unpaired);
    sim.runUntil(10_000);
    const lbA = sim.byId.get('lb-a');
    expect(sim.reconfigure(paired)).toMatchObject({ added: [], changed: [], rewired: [] });
    expect(sim.byId.get('lb-a')).toBe(lbA);
    sim.runUntil(40_000);
    expect(failedIn(sim.report(), 33, 40)).toBe(0);
    // Unpaired again while lb-a is down: its requests fail again.
    sim.reconfigure(unpaired);
    const r = sim.run();
    expect(failedIn(r, 41, 60)).toBeGreaterThan(rps * 18);
    expect(r.nodes['lb-a']?.standby).toBeNull();
    expect(r.nodes['lb-b']?.standbyFor).toBeUndefined();
  });

  it('same scenario and seed, however sliced: the identical report', () => {
    const doc = restoreOrThrow(
      pairFarm([
        { at: 12.5, action: 'fail', node: 'lb-a' },
        { at: 20, action: 'restore', node: 'lb-a' },
      ]),
    );
    const whole = new Simulation(doc).run();
    const sliced = new Simulation(doc);
    for (let t = 0; !sliced.finished; t += 333.3) sliced.runUntil(t);
    expect(sliced.report()).toEqual(whole);
  });
});
