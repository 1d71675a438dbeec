import { describe, expect, it } from 'vitest';
import type { Report } from '../engine/index.ts';
import { Simulation } from '../engine/index.ts';
import { singleServer, twoServers } from '../run/testing/scenarios.ts';
import { restoreOrThrow, type Scenario, type ScenarioInput } from '../scenario/index.ts';
import { findings, type WhyInput } from './rules.ts';
import { whySnapshot } from './snapshot.ts';
import { feedOf } from './theory.ts';
import { type RecentNode, slope, WhyTracker } from './tracker.ts';

function run(input: ScenarioInput, untilS?: number, before?: (sim: Simulation) => void) {
  const scenario = restoreOrThrow(input);
  let tracker: WhyTracker | null = null;
  const sim = new Simulation(scenario, { onTick: (s) => tracker?.onSecond(s) });
  tracker = new WhyTracker(sim);
  before?.(sim);
  sim.runUntil((untilS ?? scenario.duration) * 1000);
  return { sim, scenario, snapshot: whySnapshot(sim, scenario, tracker) };
}

describe('theory beside measurement', () => {
  it('M/M/4 at 80%: the measured mean time falls inside its interval around Erlang C', () => {
    // λ = 160/s, 4 workers of 20 ms (μ = 50/s): ρ = 0.8, C(4, 3.2) = 0.596, W = 34.9 ms.
    const { snapshot } = run(
      singleServer(160, { workers: 4, serviceTimeMs: 20 }, { duration: 200, warmup: 10 }),
    );
    const row = snapshot.theory.rows.find((r) => r.subject === 'web' && r.quantity.startsWith('mean time'));
    expect(row?.model).toBe('M/M/4 (Erlang C)');
    expect(row?.exact).toBe(true);
    expect(row?.predicted).toBeGreaterThan(34);
    expect(row?.predicted).toBeLessThan(35.5);
    expect(row?.measured.halfWidth).toBeGreaterThan(0);
    expect(row?.measured.halfWidth).toBeLessThan(5);
    expect(Math.abs((row?.measured.value as number) - (row?.predicted as number))).toBeLessThan(
      Math.max(row?.measured.halfWidth as number, 2),
    );
    expect(row?.agrees).toBe(true);
    // End to end, users → web directly: the same plus no network; p99 too.
    const p99 = snapshot.theory.rows.find((r) => r.subject === 'end-to-end' && r.quantity === 'p99 latency');
    expect(p99).toBeDefined();
    expect(
      Math.abs((p99?.measured.value as number) - (p99?.predicted as number)) / (p99?.predicted as number),
    ).toBeLessThan(0.12);
  });

  it('round-robin over single-worker servers is E_k/M/1, not M/M/1', () => {
    const input: ScenarioInput = {
      type: 'scalelab-scenario',
      version: 1,
      seed: 5,
      duration: 150,
      warmup: 10,
      nodes: [
        { id: 'users', type: 'client', config: { rps: 240 } },
        { id: 'lb', type: 'loadBalancer', config: { strategy: 'round-robin', profile: 'hardware' } },
        { id: 'a', type: 'server', config: { workers: 1, serviceTimeMs: 10 } },
        { id: 'b', type: 'server', config: { workers: 1, serviceTimeMs: 10 } },
        { id: 'c', type: 'server', config: { workers: 1, serviceTimeMs: 10 } },
      ],
      edges: [
        { source: 'users', target: 'lb' },
        { source: 'lb', target: 'a' },
        { source: 'lb', target: 'b' },
        { source: 'lb', target: 'c' },
      ],
    };
    const { snapshot } = run(input);
    const row = snapshot.theory.rows.find((r) => r.subject === 'a');
    expect(row?.model).toBe('E3/M/1');
    expect(row?.agrees).toBe(true);
    const e2e = snapshot.theory.rows.find((r) => r.subject === 'end-to-end' && r.quantity === 'mean latency');
    expect(e2e?.agrees).toBe(true);
  });

  it('says where no closed form applies, and why', () => {
    const { snapshot } = run(twoServers({ duration: 20 }));
    const gaps = Object.fromEntries(snapshot.theory.gaps.map((g) => [g.subject, g.reason]));
    expect(gaps['web-1']).toMatch(/downstream calls/);
    expect(snapshot.theory.rows).toHaveLength(0);
  });

  it('classifies how requests reach a server', () => {
    const sc = restoreOrThrow(twoServers()) as Scenario;
    const byId = new Map(sc.nodes.map((n) => [n.id, n]));
    expect(feedOf(sc, byId, 'web-1')).toMatchObject({ ok: true, kind: 'erlang', k: 2 });
    expect(feedOf(sc, byId, 'db')).toMatchObject({ ok: false });
  });
});

describe('why rules', () => {
  const baseReport = (over: Partial<Report> = {}): Report =>
    ({
      scenario: { title: 't', seed: 1, duration: 60, warmup: 0 },
      requests: { generated: 10_000, completed: 10_000, failed: 0, inFlight: 0 },
      throughput: 100,
      errorRate: 0,
      latencyMs: { mean: 20, p50: 15, p90: 30, p95: 40, p99: 60, p999: 90, max: 120 },
      errors: {},
      nodes: {},
      edges: [],
      costPerMonth: 0,
      faults: [],
      timeline: [],
      engine: { events: 0, simulatedSeconds: 60, invariantViolations: 0 },
      ...over,
    }) as Report;
  const node = (over: Partial<RecentNode>): RecentNode => ({
    util: 0.3,
    queue: 0,
    queueSlope: 0,
    served: 100,
    failed: 0,
    upSeconds: 10,
    ...over,
  });
  const scenario = restoreOrThrow(twoServers()) as Scenario;
  const input = (over: Partial<WhyInput>): WhyInput => ({
    scenario,
    report: baseReport(),
    recent: { seconds: 10, nodes: {}, failedPerS: 0, completedPerS: 100 },
    nowS: 60,
    ...over,
  });

  it('names the bottleneck with its numbers and what to do', () => {
    const f = findings(
      input({
        recent: {
          seconds: 10,
          failedPerS: 0,
          completedPerS: 100,
          nodes: {
            'web-1': node({ util: 0.97, queue: 40, queueSlope: 3.2, served: 198 }),
            'web-2': node({ util: 0.5 }),
          },
        },
      }),
    );
    expect(f[0]?.severity).toBe('critical');
    expect(f[0]?.title).toBe('web-1 is 97% busy and its queue is growing (40 waiting, +3.2 a second).');
    expect(f[0]?.detail).toMatch(/cannot do much more than 204\/s/);
    expect(f[0]?.detail).toMatch(/add a server behind the balancer/);
    // …and that round-robin ignores load.
    expect(f.some((x) => x.id === 'imbalance:lb' && /round-robin, which ignores/.test(x.detail))).toBe(true);
  });

  it('explains failures from a fault: how many, when, and who noticed after how long', () => {
    const f = findings(
      input({
        report: baseReport({
          requests: { generated: 10_000, completed: 8796, failed: 1204, inFlight: 0 },
          faults: [
            {
              action: 'fail',
              target: 'web-1',
              startS: 30,
              endS: 40,
              failedRequests: 1204,
              errors: { 'node-down': 1150, crash: 54 },
              firstFailureS: 30,
              lastFailureS: 32.1,
              detections: [{ by: 'lb', afterMs: 2000 }],
            } as unknown as Report['faults'][number],
          ],
          nodes: {
            'web-1': { errors: { 'node-down': 1150, crash: 54 } } as unknown as Report['nodes'][string],
          },
        }),
      }),
    );
    const fault = f.find((x) => x.id === 'fault:0');
    expect(fault?.title).toBe(
      '1,204 requests failed at web-1 between 30.0 s and 32.1 s: it was down and they were in progress when it crashed.',
    );
    expect(fault?.detail).toBe(
      'lb needed 2 failed health checks every 1.0 s to notice (2.0 s); until then requests kept going to it. It recovered at 40.0 s.',
    );
    // Failures already explained by the fault are not repeated as unexplained errors.
    expect(f.some((x) => x.id.startsWith('errors:web-1'))).toBe(false);
  });

  it('explains rejected requests and timeouts', () => {
    const f = findings(
      input({
        report: baseReport({
          requests: { generated: 10_000, completed: 9470, failed: 530, inFlight: 0 },
          nodes: {
            'web-2': { errors: { 'queue-full': 530 } } as unknown as Report['nodes'][string],
          },
        }),
      }),
    );
    expect(f[0]?.title).toBe('530 requests failed at web-2: its queue was full (5.3% of all).');
  });

  it('says when all is calm, naming the busiest component', () => {
    const f = findings(
      input({
        recent: {
          seconds: 10,
          failedPerS: 0,
          completedPerS: 100,
          nodes: { db: node({ util: 0.34 }), 'web-1': node({ util: 0.2 }) },
        },
      }),
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'ok', node: 'db' });
    expect(f[0]?.title).toBe('Nothing is near its limit: the busiest component is db at 34%.');
  });

  it('finds the real bottleneck in a live overloaded run', () => {
    // 300 requests/s at two servers of 4 workers holding 20 ms + database: web servers saturate.
    const { snapshot } = run(twoServers({ duration: 30 }, 420));
    const top = snapshot.findings[0];
    expect(top?.severity).toBe('critical');
    expect(top?.node).toMatch(/web-/);
  });

  it('explains a failure in a real run, with the health checks that noticed it', () => {
    const { snapshot } = run(
      twoServers({
        duration: 30,
        events: [
          { at: 10, action: 'fail', node: 'web-1' },
          { at: 20, action: 'restore', node: 'web-1' },
        ],
      }),
    );
    const fault = snapshot.findings.find((f) => f.id === 'fault:0');
    expect(fault?.title).toMatch(/requests failed at web-1 between 10\.0 s and 1[0-2]\.\d s/);
    expect(fault?.detail).toMatch(/lb needed 2 failed health checks every 1\.0 s to notice/i);
    // A fault in the window: no steady state to compare with theory.
    expect(snapshot.theory.rows).toHaveLength(0);
  });

  it('a balancer whose standby took over: the standby noticed, not health checks', () => {
    const base = twoServers();
    const { snapshot } = run({
      ...base,
      nodes: [
        ...(base.nodes ?? []),
        { id: 'lb-2', type: 'loadBalancer', config: { strategy: 'round-robin' } },
      ],
      edges: [
        ...(base.edges ?? []),
        { source: 'lb-2', target: 'web-1' },
        { source: 'lb-2', target: 'web-2' },
        { source: 'lb', target: 'lb-2', kind: 'pair' },
      ],
      events: [{ at: 10, action: 'fail', node: 'lb' }],
    });
    const fault = snapshot.findings.find((f) => f.id === 'fault:0');
    expect(fault?.title).toMatch(/requests failed at lb between 10\.0 s and 1[23]\.\d s/);
    expect(fault?.detail).toMatch(/^its standby lb-2 took over after the failover time \(3\.0 s\)/);
  });

  it('measures the slope of a growing queue', () => {
    expect(slope([1, 2, 3, 4])).toBeCloseTo(1);
    expect(slope([5, Number.NaN, 5, 5])).toBe(0);
    expect(slope([1, 2])).toBeNaN();
  });
});
