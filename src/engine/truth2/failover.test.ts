import { describe, expect, it } from 'vitest';
import { run, scenario } from './support.ts';

/**
 * Failure as a first-class event: what a crash costs, who noticed and when, and how the
 * system recovers. users (400/s) → round-robin balancer → 4 servers; a server or the
 * balancer fails mid-run.
 */
function farm(lb: Record<string, unknown>, events: object[], duration = 60, edgeMs = 0) {
  const servers = ['web-1', 'web-2', 'web-3', 'web-4'];
  return scenario(
    duration,
    10,
    [
      { id: 'users', type: 'client', config: { rps: 400 } },
      { id: 'lb', type: 'loadBalancer', config: { capacityRps: 0, strategy: 'round-robin', ...lb } },
      ...servers.map((id) => ({ id, type: 'server', config: { workers: 4, serviceTimeMs: 10 } })),
    ],
    [['users', 'lb'], ...servers.map((s): [string, string, number] => ['lb', s, edgeMs])],
    events as Record<string, unknown>[],
  );
}

describe('balancer health checks', () => {
  it('the failure window ≈ check interval × threshold (between (k − 1)·I and k·I), and it shrinks with the interval', () => {
    const rows: string[] = [];
    for (const intervalMs of [250, 1000, 2000]) {
      const k = 2;
      const failAt = 30.1; // between two checks
      const { report: r } = run(
        farm({ healthCheck: { intervalMs, unhealthyThreshold: k, healthyThreshold: 2 } }, [
          { at: failAt, action: 'fail', node: 'web-1' },
        ]),
      );
      const fault = r.faults[0];
      const detectedAfter = fault?.detections.find((d) => d.by === 'lb')?.afterMs ?? Number.NaN;
      // Checks run at multiples of I: the k-th failed one comes ceil(failAt / I) + k − 1 checks in.
      const exact = (Math.ceil((failAt * 1000) / intervalMs) + k - 1) * intervalMs - failAt * 1000;
      const failed = fault?.failedRequests ?? 0;
      rows.push(
        `I = ${intervalMs} ms: noticed after ${detectedAfter.toFixed(0)} ms, ${failed} requests failed`,
      );
      expect(detectedAfter).toBeCloseTo(exact, 6);
      expect(detectedAfter).toBeGreaterThanOrEqual((k - 1) * intervalMs);
      expect(detectedAfter).toBeLessThanOrEqual(k * intervalMs);
      // Round-robin sends every 4th request to the dead server until it is taken out.
      expect(Math.abs(failed / ((400 / 4) * (detectedAfter / 1000)) - 1)).toBeLessThan(0.15);
      expect(fault?.errors).toEqual({ 'node-down': failed });
      expect(fault?.timeToDetectMs).toBeCloseTo(exact, 6);
      // What killed me: every failed user request, at web-1, of node-down, charged to fault 0.
      expect(r.failures).toEqual([{ node: 'web-1', cause: 'node-down', count: r.requests.failed, fault: 0 }]);
      expect(fault?.lastFailureS ?? 0).toBeLessThanOrEqual(failAt + detectedAfter / 1000 + 1e-9);
    }
    console.info(rows.join(' · '));
  });

  it('with retries no user sees the failure, at the cost of extra latency', () => {
    // Balancer → servers is 10 ms each way: a retried request first wastes 20 ms on the dead one.
    const events = [{ at: 30.1, action: 'fail', node: 'web-1' }];
    const hc = { intervalMs: 2000, unhealthyThreshold: 3, healthyThreshold: 2 };
    const plain = run(farm({ healthCheck: hc }, events, 60, 10)).report;
    const retried = run(farm({ healthCheck: hc, retries: 1 }, events, 60, 10)).report;
    const meanIn = (r: typeof plain, from: number, to: number) => {
      const ps = r.timeline.filter((p) => p.t > from && p.t <= to);
      const n = ps.reduce((a, p) => a + p.throughput * p.step, 0);
      return ps.reduce((a, p) => a + p.latencyMs.mean * p.throughput * p.step, 0) / n;
    };
    // Until the balancer notices (at 33.9 s) a quarter of the requests pay the wasted trip.
    const during = meanIn(retried, 31, 33);
    const after = meanIn(retried, 40, 60);
    console.info(
      `without retries ${plain.requests.failed} failed; with 1 retry ${retried.requests.failed} failed, mean latency ${during.toFixed(1)} ms while the dead server is still picked vs ${after.toFixed(1)} ms after; ${retried.edges.find((e) => e.target === 'web-1')?.failed} attempts failed behind the scenes`,
    );
    expect(plain.requests.failed).toBeGreaterThan(300);
    expect(retried.requests.failed).toBe(0);
    expect(during - after).toBeGreaterThan(0.5 * (20 / 4));
    expect(retried.edges.find((e) => e.target === 'web-1')?.failed).toBeGreaterThan(300);
  });
});

describe('balancer standby pair', () => {
  it('the standby takes over after the failover time: failures only in that window', () => {
    const events = [{ at: 30, action: 'fail', node: 'lb' }];
    const single = run(farm({}, events)).report;
    const { report: pair } = run(farm({ standby: true, failoverMs: 2000 }, events));
    const fault = pair.faults[0];
    console.info(
      `single balancer: ${single.requests.failed} failed (down to the end); pair: ${pair.requests.failed} failed between ${fault?.firstFailureS} s and ${fault?.lastFailureS?.toFixed(3)} s, noticed by ${fault?.detections.map((d) => `${d.by} after ${d.afterMs} ms`).join(', ')}`,
    );
    // 400/s for 2 s, give or take the Poisson noise.
    expect(Math.abs(pair.requests.failed / 800 - 1)).toBeLessThan(0.1);
    expect(fault?.detections).toEqual([{ by: 'lb standby', afterMs: 2000 }]);
    expect(fault?.timeToRecoverMs ?? 0).toBeLessThan(2000);
    expect(pair.failures.map((b) => [b.node, b.cause, b.fault])).toEqual([
      ['lb', 'node-down', 0],
      ['lb', 'crash', 0],
    ]);
    expect(fault?.lastFailureS ?? 0).toBeLessThan(32);
    expect(pair.nodes.lb?.up).toBe(true);
    expect(single.requests.failed).toBeGreaterThan(400 * 29);
    expect(pair.nodes.lb?.costPerMonth).toBe(2 * (single.nodes.lb?.costPerMonth ?? 0));
  });

  it('a second failure takes the pair down; a restore repairs both', () => {
    const { report: r } = run(
      farm({ standby: true, failoverMs: 1000 }, [
        { at: 20, action: 'fail', node: 'lb' },
        { at: 30, action: 'fail', node: 'lb' },
        { at: 40, action: 'restore', node: 'lb' },
        { at: 50, action: 'fail', node: 'lb' },
      ]),
    );
    const failedIn = (from: number, to: number) =>
      r.timeline.filter((p) => p.t > from && p.t <= to).reduce((a, p) => a + p.errorsPerSecond * p.step, 0);
    console.info(
      `failures: 20–21 s ${failedIn(20, 21)}, 30–40 s ${failedIn(30, 40)}, 50–51 s ${failedIn(50, 51)}, 52–60 s ${failedIn(52, 60)}`,
    );
    // Point t holds the failures of (t − 1, t]: the crash at 30 s is in point 30.
    expect(failedIn(21, 29)).toBe(0);
    expect(failedIn(29, 40)).toBeGreaterThan(3500);
    expect(failedIn(41, 49)).toBe(0);
    expect(failedIn(50, 51)).toBeGreaterThan(300);
    expect(failedIn(52, 60)).toBe(0);
  });
});
