import { describe, expect, it } from 'vitest';
import { mmc, mmcResponseTimeQuantile } from '../theory/index.ts';
import { num, run, scenario } from './support.ts';

/**
 * Offline processing: users → web → queue → worker pool. A share of requests carries a
 * background job; the web server publishes it and answers at once, and the pool drains the
 * queue. The queue and pool together are an M/M/c: Poisson publishes (a thinned Poisson
 * stream through a server that never queues), exponential job times, c workers, FIFO.
 */
function offline(opts: {
  rps: number;
  asyncRatio: number;
  jobTimeMs: number;
  workers: number;
  pools?: number;
  duration: number;
  warmup: number;
  capacity?: number | null;
  publishTimeMs?: number;
  pattern?: object;
  events?: object[];
  jobDistribution?: string;
}) {
  const pools = Array.from({ length: opts.pools ?? 1 }, (_, i) => `pool-${i + 1}`);
  return scenario(
    opts.duration,
    opts.warmup,
    [
      {
        id: 'users',
        type: 'client',
        config: {
          rps: opts.rps,
          asyncRatio: opts.asyncRatio,
          ...(opts.pattern ? { pattern: opts.pattern } : {}),
        },
      },
      {
        id: 'web',
        type: 'server',
        config: {
          workers: 1000,
          serviceTimeMs: 1,
          serviceDistribution: 'deterministic',
          jobTimeMs: opts.jobTimeMs,
        },
      },
      {
        id: 'q',
        type: 'queue',
        config: {
          capacity: opts.capacity === undefined ? null : opts.capacity,
          publishTimeMs: opts.publishTimeMs ?? 0,
        },
      },
      ...pools.map((id) => ({
        id,
        type: 'workerPool',
        config: { workers: opts.workers, serviceDistribution: opts.jobDistribution ?? 'exponential' },
      })),
      {
        id: 'db',
        type: 'database',
        config: { connections: 100, writeTimeMs: 0.001, serviceDistribution: 'deterministic' },
      },
    ],
    [
      ['users', 'web'],
      ['web', 'q'],
      ...pools.map((p): [string, string] => ['q', p]),
      ...pools.map((p): [string, string] => [p, 'db']),
    ],
    (opts.events ?? []) as Record<string, unknown>[],
  );
}

type Lag = { mean: number; p50: number; p95: number; p99: number };

describe('queue + worker pool', () => {
  it('job lag is the M/M/c time in system of the pool (5 workers, 40 jobs/s of 100 ms: ρ = 0.8)', () => {
    // 5,000 s ≈ 200,000 jobs.
    const { report: r } = run(
      offline({ rps: 80, asyncRatio: 0.5, jobTimeMs: 100, workers: 5, duration: 5050, warmup: 50 }),
    );
    const lag = r.nodes.q?.jobLagMs as Lag;
    const lambda = num(r, 'q', 'publishRate');
    const theory = mmc(lambda, 10, 5);
    const p95 = mmcResponseTimeQuantile(lambda, 10, 5, 0.95) * 1000;
    console.info(
      `job lag mean ${lag.mean.toFixed(2)} ms vs M/M/5 ${(theory.W * 1000).toFixed(2)} ms; p95 ${lag.p95.toFixed(1)} vs ${p95.toFixed(1)} ms (λ = ${lambda.toFixed(2)}/s)`,
    );
    expect(Math.abs(lambda / 40 - 1)).toBeLessThan(0.02);
    expect(Math.abs(lag.mean / (theory.W * 1000) - 1)).toBeLessThan(0.03);
    expect(Math.abs(lag.p95 / p95 - 1)).toBeLessThan(0.05);
    expect(Math.abs((r.nodes['pool-1']?.utilization ?? 0) / 0.8 - 1)).toBeLessThan(0.02);
    // Little's law on the queue: mean depth = λ · mean wait in the queue.
    expect(Math.abs(num(r, 'q', 'meanQueueLength') / (lambda * theory.Wq) - 1)).toBeLessThan(0.06);
  });

  it('with enough workers the lag is just the job time, and users never wait for the job', () => {
    const { report: r } = run(
      offline({
        rps: 200,
        asyncRatio: 0.5,
        jobTimeMs: 100,
        workers: 40,
        duration: 330,
        warmup: 30,
        publishTimeMs: 2,
      }),
    );
    const lag = r.nodes.q?.jobLagMs as Lag;
    console.info(
      `job lag ${lag.mean.toFixed(2)} ms (job time 100 ms); user latency ${r.latencyMs.mean.toFixed(3)} ms`,
    );
    expect(Math.abs(lag.mean / 100 - 1)).toBeLessThan(0.02);
    // A user pays the server's 1 ms, plus the 2 ms confirmation when the request has a job.
    expect(r.latencyMs.mean).toBeCloseTo(1 + 0.5 * 2, 1);
    expect(r.latencyMs.max).toBeCloseTo(3, 6);
  });

  it('without a queue the server does the job inline and the user waits for it', () => {
    const doc = offline({
      rps: 200,
      asyncRatio: 0.5,
      jobTimeMs: 100,
      workers: 40,
      duration: 130,
      warmup: 10,
    });
    const nodes = (doc.nodes as Array<{ id: string }>).filter((n) => n.id === 'users' || n.id === 'web');
    const { report: r } = run({ ...doc, nodes, edges: [{ source: 'users', target: 'web' }] });
    console.info(`inline: user latency ${r.latencyMs.mean.toFixed(2)} ms (1 + 0.5 × 100 = 51)`);
    expect(Math.abs(r.latencyMs.mean / 51 - 1)).toBeLessThan(0.03);
    expect(r.latencyMs.max).toBeCloseTo(101, 6);
  });

  it('with too few workers the backlog grows at (arrival − service) rate, as conservation demands', () => {
    // 100 jobs/s in, 5 workers × 100 ms = 50 jobs/s out: the depth must grow by 50 a second.
    const { report: r } = run(
      offline({
        rps: 200,
        asyncRatio: 0.5,
        jobTimeMs: 100,
        workers: 5,
        duration: 120,
        warmup: 0,
        jobDistribution: 'deterministic',
      }),
    );
    const pts = r.timeline.filter((p) => p.t >= 10);
    const xs = pts.map((p) => p.t);
    const ys = pts.map((p) => p.nodes.q?.queue ?? 0);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const slope =
      xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] as number) - my), 0) /
      xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    const published = num(r, 'q', 'published');
    const completed = num(r, 'q', 'completed');
    console.info(
      `depth grows ${slope.toFixed(2)}/s (publish ${num(r, 'q', 'publishRate').toFixed(1)}/s − consume ${num(r, 'q', 'consumeRate').toFixed(1)}/s); depth ${num(r, 'q', 'depth')} = ${published} − ${completed} − in the workers`,
    );
    const expected = num(r, 'q', 'publishRate') - 50;
    expect(Math.abs(slope / expected - 1)).toBeLessThan(0.05);
    expect(num(r, 'q', 'consumeRate')).toBeCloseTo(50, 0);
    // Conservation, exactly: published = done + waiting + on a worker (5 workers busy).
    expect(published - completed - num(r, 'q', 'depth')).toBe(5);
    expect(num(r, 'q', 'dropped')).toBe(0);
  });

  it('no job is lost across worker failures: the pool gives them back, another takes them', () => {
    // Traffic stops at 100 s so the backlog drains; pool-1 dies twice, pool-2 once.
    const { report: r } = run(
      offline({
        rps: 300,
        asyncRatio: 0.5,
        jobTimeMs: 50,
        workers: 6,
        pools: 2,
        duration: 200,
        warmup: 0,
        pattern: { type: 'step', toRps: 0, atS: 100 },
        events: [
          { at: 20, action: 'fail', node: 'pool-1' },
          { at: 30, action: 'restore', node: 'pool-1' },
          { at: 50, action: 'fail', node: 'pool-1' },
          { at: 50, action: 'fail', node: 'pool-2' },
          { at: 65, action: 'restore', node: 'pool-2' },
          { at: 80, action: 'restore', node: 'pool-1' },
        ],
      }),
    );
    const given = num(r, 'pool-1', 'jobsGivenBack') + num(r, 'pool-2', 'jobsGivenBack');
    console.info(
      `published ${num(r, 'q', 'published')}, completed ${num(r, 'q', 'completed')}, redelivered ${num(r, 'q', 'redelivered')}, dropped ${num(r, 'q', 'dropped')}, max depth ${num(r, 'q', 'maxDepth')}`,
    );
    expect(given).toBeGreaterThan(0);
    expect(num(r, 'q', 'redelivered')).toBe(given);
    expect(num(r, 'q', 'completed')).toBe(num(r, 'q', 'published'));
    expect(num(r, 'q', 'depth')).toBe(0);
    expect(num(r, 'q', 'dropped')).toBe(0);
    expect(r.requests.failed).toBe(0);
    expect(num(r, 'q', 'maxDepth')).toBeGreaterThan(1000);
  });

  it('a full queue drops jobs, the publishing requests fail with "queue-full", and the report says so', () => {
    const { report: r } = run(
      offline({
        rps: 200,
        asyncRatio: 0.5,
        jobTimeMs: 100,
        workers: 5,
        duration: 60,
        warmup: 0,
        capacity: 200,
      }),
    );
    const dropped = num(r, 'q', 'dropped');
    console.info(
      `dropped ${dropped}; errors ${JSON.stringify(r.errors)}; at q: ${JSON.stringify(r.nodes.q?.errors)}`,
    );
    expect(dropped).toBeGreaterThan(1000);
    expect(r.errors['queue-full']).toBe(dropped);
    expect(r.nodes.q?.errors['queue-full']).toBe(dropped);
    expect(num(r, 'q', 'maxDepth')).toBe(200);
  });
});
