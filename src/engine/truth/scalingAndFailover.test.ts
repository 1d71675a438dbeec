/**
 * Capacity and failure behaviour:
 *  - Horizontal scaling: with offered load far above capacity (bounded by a queue limit), a
 *    station of N single-worker servers completes N·μ·(1 − π₀) per second; doubling N doubles
 *    throughput. Completions from a saturated exponential server are a Poisson stream, so over
 *    300 s the relative sd is 1/√(Nμ·300) ≤ 0.26%: the 2% tolerance on the ratio is > 6 sd.
 *  - Failover: a backend killed behind a balancer that probes every I ms and marks a backend
 *    down after k failed probes in a row is detected between (k−1)·I and k·I after the kill
 *    (depending on where the kill falls between probes). Requests fail only in that window —
 *    the backend's share of arrivals, λ/N per second — and not afterwards while the others have
 *    capacity. With one retry on another backend, users see no failure at all.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mm1k } from '../theory/index.ts';
import {
  balanced,
  type Comparison,
  compare,
  comparisons,
  describeComparison,
  replicate,
  seeds,
} from './support.ts';

function check(c: Comparison): void {
  expect(Math.abs(c.rel), describeComparison(c)).toBeLessThanOrEqual(c.tol);
}

afterAll(() => {
  if (process.env.TRUTH_VERBOSE) console.log(comparisons.map(describeComparison).join('\n'));
});

describe('horizontal scaling under saturating traffic', () => {
  it('2N servers complete twice the requests of N (within 2%), each at N·μ', () => {
    const mu = 100;
    const queueLimit = 20;
    const offered = 3000; // 6× the capacity of 5 servers, 3× that of 10
    const throughput = (n: number) => {
      const run = replicate(
        balanced(
          n,
          offered,
          { strategy: 'round-robin' },
          { workers: 1, serviceTimeMs: 10, queueLimit },
          310,
          10,
        ),
        seeds(1, 20000 + n),
      );
      const r = run.reports[0] as (typeof run.reports)[number];
      // Saturated: almost everything beyond capacity is turned away at the full queues.
      expect(r.errors['queue-full']).toBeGreaterThan(0.5 * r.requests.generated);
      // Theory: each server is an M/M/1/K (K = queueLimit + 1) at λ/n; throughput μ(1 − π₀).
      const th = n * mm1k(offered / n, mu, queueLimit + 1).throughput;
      check(compare(`throughput, ${n} servers (/s)`, r.throughput, th, 0.01));
      return r.throughput;
    };
    const x5 = throughput(5);
    const x10 = throughput(10);
    check(compare('throughput ratio 10 vs 5 servers', x10 / x5, 2, 0.02));
  });
});

describe('failover behind a health-checking balancer', () => {
  const N = 4;
  const rps = 400; // 100/s per backend; each backend has 4 workers × 10 ms = 400/s of capacity
  const server = { workers: 4, serviceTimeMs: 10 };

  for (const { intervalMs, threshold, killAt } of [
    { intervalMs: 500, threshold: 3, killAt: 30.2 },
    { intervalMs: 1000, threshold: 2, killAt: 30.7 },
    { intervalMs: 250, threshold: 4, killAt: 30.33 },
  ]) {
    it(`interval ${intervalMs} ms, down after ${threshold} failed probes: failures only until detection`, () => {
      const doc = balanced(
        N,
        rps,
        {
          strategy: 'round-robin',
          healthCheck: { intervalMs, unhealthyThreshold: threshold, healthyThreshold: 2 },
        },
        server,
        60,
        10,
        [{ at: killAt, action: 'fail', node: 'web-1' }],
      );
      const r = replicate(doc, seeds(1, 30000 + intervalMs)).reports[0] as ReturnType<
        typeof replicate
      >['reports'][number];
      const fault = r.faults[0];
      if (fault === undefined) throw new Error('no fault recorded');
      expect(fault.target).toBe('web-1');

      // Detection: the k-th failed probe after the kill, so within [(k−1)·I, k·I] (the low end
      // when the kill lands exactly on a probe).
      const detection = fault.detections[0];
      if (detection === undefined) throw new Error('the balancer never detected the failure');
      expect(detection.by).toBe('lb');
      expect(detection.afterMs).toBeGreaterThanOrEqual((threshold - 1) * intervalMs);
      expect(detection.afterMs).toBeLessThanOrEqual(threshold * intervalMs);
      const detectedS = killAt + detection.afterMs / 1000;

      // Failures start at the kill and stop at detection.
      if (fault.firstFailureS === null || fault.lastFailureS === null) throw new Error('no failures');
      expect(fault.firstFailureS).toBeGreaterThanOrEqual(killAt);
      expect(fault.firstFailureS).toBeLessThan(killAt + 0.1);
      expect(fault.lastFailureS).toBeLessThanOrEqual(detectedS + 1e-9);
      expect(fault.lastFailureS).toBeGreaterThan(detectedS - 0.1);

      // How many: the dead backend's share of arrivals during detection, λ/N · d (round-robin
      // sends it every N-th of a Poisson stream: sd = √(λ·d)/N), plus the requests in service
      // at the kill, λ/N · S on average (Little). Allow 4 sd. (30 other seeds of the first
      // case averaged 131.3 failures against 131.0 expected.)
      const d = detection.afterMs / 1000;
      const expected = (rps / N) * (d + server.serviceTimeMs / 1000);
      const sd = Math.sqrt(rps * d) / N;
      check(
        compare(
          `failed requests, I=${intervalMs} k=${threshold}`,
          fault.failedRequests,
          expected,
          (4 * sd) / expected,
        ),
      );
      // Every user-visible failure is this fault's: refused (node-down) or lost in service (crash).
      expect(r.requests.failed).toBe(fault.failedRequests);
      expect((r.errors['node-down'] ?? 0) + (r.errors.crash ?? 0)).toBe(r.requests.failed);

      // The per-second series: errors only in the seconds that overlap [kill, detection].
      for (const p of r.timeline) {
        const from = p.t - p.step;
        const overlaps = p.t > killAt && from < detectedS;
        if (!overlaps) expect(p.errorsPerSecond, `errors in second ending at ${p.t} s`).toBe(0);
      }
      const inWindow = r.timeline.filter((p) => p.t > killAt && p.t - p.step < detectedS);
      expect(inWindow.reduce((a, p) => a + p.errorsPerSecond * p.step, 0)).toBe(fault.failedRequests);

      // The survivors had capacity: nothing queued out, nothing timed out, nothing left over.
      expect(r.errors['queue-full'] ?? 0).toBe(0);
      for (const id of ['web-0', 'web-2', 'web-3']) expect(r.nodes[id]?.utilization ?? 1).toBeLessThan(0.5);
    });
  }

  it('with one retry on another backend, users see no failure at all', () => {
    const doc = balanced(
      N,
      rps,
      {
        strategy: 'round-robin',
        retries: 1,
        healthCheck: { intervalMs: 500, unhealthyThreshold: 3, healthyThreshold: 2 },
      },
      server,
      60,
      10,
      [{ at: 30.2, action: 'fail', node: 'web-1' }],
    );
    const r = replicate(doc, seeds(1, 40001)).reports[0] as ReturnType<typeof replicate>['reports'][number];
    const fault = r.faults[0];
    if (fault === undefined) throw new Error('no fault recorded');
    expect(fault.detections.length).toBe(1);
    expect(r.requests.failed).toBe(0);
    expect(fault.failedRequests).toBe(0);
    expect(r.timeline.every((p) => p.errorsPerSecond === 0)).toBe(true);
    // The dead backend still refused requests until detection; the balancer retried them.
    expect(r.edges.find((e) => e.target === 'web-1')?.failed ?? 0).toBeGreaterThan(0);
  });
});
