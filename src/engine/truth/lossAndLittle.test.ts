/**
 * Finite waiting rooms and the operational laws: M/M/1/K blocking (queueLimit), Erlang B loss
 * (queueLimit 0) and its insensitivity to the service distribution, Little's law per node and
 * the utilisation law, for a server and for the database behind it.
 *
 * Run lengths (REFERENCE §11, batch-means figures; n = arrivals for ±2% at ~95%):
 *   M/M/1/10 blocking ~1.8e6 (W only ~8e4)   → we pool 3e6 (blocking tolerance ±3%: e95 ≈ 1.6%).
 *   Erlang B blocking a=7 ~2e5, a=10 ~5e4     → we pool 1e6 per case (e95 ≤ 0.9% and ≤ 0.5%).
 * Little's law is a sample-path identity, off only by edge effects (jobs present when the
 * window opens or closes), of order W/T ≈ 1e-5 here: tolerance 0.1%.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  erlangLoss,
  type FiniteQueueMetrics,
  littleL,
  mm1k,
  mm1kResponseTimeQuantile,
  mmck,
  utilization as utilizationLaw,
} from '../theory/index.ts';
import {
  type Comparison,
  compare,
  comparisons,
  describeComparison,
  pooledQuantiles,
  replicate,
  scenario,
  seeds,
  singleQueue,
} from './support.ts';

function check(c: Comparison): void {
  expect(Math.abs(c.rel), describeComparison(c)).toBeLessThanOrEqual(c.tol);
}

afterAll(() => {
  if (process.env.TRUTH_VERBOSE) console.log(comparisons.map(describeComparison).join('\n'));
});

type Run = ReturnType<typeof replicate>;
const node = (r: Run['reports'][number], id: string) => r.nodes[id] as NonNullable<(typeof r.nodes)[string]>;
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const queueFull = (r: Run['reports'][number]) => r.errors['queue-full'] ?? 0;

/** Rows of [label, pooled measurement, theory, tolerance, the same per seed]. */
type Row = [string, number, number, number, number[]];

/** Blocking (pooled over seeds), throughput, utilisation, L and mean T of a finite station. */
function finiteRows(run: Run, th: FiniteQueueMetrics): Row[] {
  const web = run.reports.map((r) => node(r, 'web'));
  const col = (f: (n: (typeof web)[number]) => number) => web.map(f);
  const rejected = run.reports.reduce((a, r) => a + queueFull(r), 0);
  return [
    [
      'P(block)',
      rejected / run.generated,
      th.pBlock,
      0.03,
      run.reports.map((r) => queueFull(r) / r.requests.generated),
    ],
    ['throughput (/s)', avg(col((n) => n.throughput)), th.throughput, 0.01, col((n) => n.throughput)],
    ['utilisation', avg(col((n) => n.utilization)), th.utilization, 0.01, col((n) => n.utilization)],
    ['L', avg(col((n) => n.meanInSystem)), th.L, 0.03, col((n) => n.meanInSystem)],
    ['mean T (ms)', run.latency.mean(), th.W * 1000, 0.03, run.reports.map((r) => r.latencyMs.mean)],
  ];
}

function checkRows(name: string, rows: Row[]): void {
  for (const [label, measured, expected, tol, perSeed] of rows)
    check(compare(`${name} ${label}`, measured, expected, tol, perSeed));
}

describe('finite queues agree with M/M/1/K, M/M/c/K and Erlang B', () => {
  it('M/M/1/K: λ = 90/s, S = 10 ms, queueLimit 9 (K = 10): blocking, throughput, W, L, p95/p99', () => {
    const lambda = 90;
    const mu = 100;
    const K = 10;
    // 4 seeds × 7.5e5 arrivals (+ 9e3 warm-up arrivals each).
    const run = replicate(
      singleQueue(lambda, { workers: 1, serviceTimeMs: 10, queueLimit: K - 1 }, 8433, 100),
      seeds(4, 7001),
    );
    const q = pooledQuantiles(run.latency);
    const lat = run.reports.map((r) => r.latencyMs);
    checkRows('M/M/1/10', [
      ...finiteRows(run, mm1k(lambda, mu, K)),
      [
        'p95 T (ms)',
        q.p95,
        mm1kResponseTimeQuantile(lambda, mu, K, 0.95) * 1000,
        0.05,
        lat.map((l) => l.p95),
      ],
      [
        'p99 T (ms)',
        q.p99,
        mm1kResponseTimeQuantile(lambda, mu, K, 0.99) * 1000,
        0.05,
        lat.map((l) => l.p99),
      ],
    ]);
    // Every failure is a rejection at the full queue.
    expect(run.reports.every((r) => r.requests.failed === queueFull(r))).toBe(true);
  });

  it('M/M/c/K: 4 workers, queueLimit 6 (K = 10), offered load 1 (λ = 400/s): blocking, throughput, W, L', () => {
    const lambda = 400;
    // 4 seeds × 2.5e5 arrivals (+ 8e3 warm-up arrivals each).
    const run = replicate(
      singleQueue(lambda, { workers: 4, serviceTimeMs: 10, queueLimit: 6 }, 645, 20),
      seeds(4, 8001),
    );
    checkRows('M/M/4/10', finiteRows(run, mmck(lambda, 100, 4, 10)));
  });

  for (const { a, dist, base } of [
    { a: 7, dist: 'exponential', base: 0 },
    { a: 10, dist: 'exponential', base: 100 },
    { a: 10, dist: 'deterministic', base: 200 },
  ] as const) {
    it(`Erlang B: c = 10 workers, queueLimit 0, offered ${a} Erlangs, ${dist} service: blocking and carried load`, () => {
      const c = 10;
      const mu = 100;
      const lambda = a * mu;
      // 4 seeds × 2.5e5 arrivals (+ 2e4 warm-up arrivals each).
      const server = { workers: c, serviceTimeMs: 10, queueLimit: 0, serviceDistribution: dist };
      const run = replicate(singleQueue(lambda, server, 2.5e5 / lambda + 20, 20), seeds(4, 9001 + base));
      const th = erlangLoss(lambda, mu, c);
      const blocked = run.reports.reduce((sum, r) => sum + queueFull(r), 0);
      const web = run.reports.map((r) => node(r, 'web'));
      const util = web.map((n) => n.utilization);
      checkRows(`Erlang B a=${a} ${dist}`, [
        [
          'P(block)',
          blocked / run.generated,
          th.blocking,
          0.03,
          run.reports.map((r) => queueFull(r) / r.requests.generated),
        ],
        // Utilisation = carried traffic / c = a(1 − B)/c.
        ['utilisation', avg(util), th.utilization, 0.01, util],
      ]);
      // Nobody waits in a loss system.
      expect(Math.max(...web.map((n) => n.meanWaitMs))).toBe(0);
    });
  }
});

describe("Little's law and the utilisation law hold per node", () => {
  it('client → server (8 workers, 10 ms) → database (8 connections, 20 ms reads), λ = 150/s', () => {
    const lambda = 150;
    // 2 seeds × 4.5e5 requests.
    const run = replicate(
      scenario(
        3050,
        50,
        [
          { id: 'users', type: 'client', config: { rps: lambda } },
          { id: 'app', type: 'server', config: { workers: 8, serviceTimeMs: 10 } },
          { id: 'db', type: 'database', config: { connections: 8, readTimeMs: 20 } },
        ],
        [
          ['users', 'app'],
          ['app', 'db'],
        ],
      ),
      seeds(2, 10001),
    );
    run.reports.forEach((r, i) => {
      for (const id of ['app', 'db']) {
        const n = node(r, id);
        // L (time-average number at the node) = X (completions/s) × W (mean time at the node, s).
        check(
          compare(
            `Little ${id} (seed ${i + 1}): L vs X·W`,
            n.meanInSystem,
            littleL(n.throughput, n.meanTimeMs / 1000),
            0.001,
          ),
        );
      }
      const app = node(r, 'app');
      const db = node(r, 'db');
      // Utilisation law U = X·S/c. The database holds a connection for its service time only.
      check(compare(`utilisation db (seed ${i + 1})`, db.utilization, utilizationLaw(lambda, 0.02, 8), 0.01));
      // A server worker is held for its own service *and* the database call it waits on.
      const hold = 0.01 + db.meanTimeMs / 1000;
      check(
        compare(
          `utilisation app (seed ${i + 1})`,
          app.utilization,
          utilizationLaw(app.throughput, hold, 8),
          0.01,
        ),
      );
      // With no network latency the user's response time is the server's time.
      check(compare(`end-to-end mean = app time (seed ${i + 1})`, r.latencyMs.mean, app.meanTimeMs, 0.001));
    });
  });
});
