import { describe, expect, it } from 'vitest';
import { num, run, scenario } from './support.ts';

/** Scheduled batch work: bursts of jobs on a period, into a queue or straight onto servers. */
describe('scheduler', () => {
  it('a run of N jobs on c workers drains in ceil(N / c) × job time (into a queue)', () => {
    // 50 jobs of 200 ms every 60 s, 8 workers: 7 rounds, 1,400 ms; the last job waits 1,200 ms.
    const { report: r } = run(
      scenario(
        250,
        0,
        [
          { id: 'cron', type: 'scheduler', config: { everyS: 60, firstAtS: 5, jobs: 50, jobTimeMs: 200 } },
          { id: 'q', type: 'queue', config: { publishTimeMs: 0 } },
          { id: 'pool', type: 'workerPool', config: { workers: 8, serviceDistribution: 'deterministic' } },
        ],
        [
          ['cron', 'q'],
          ['q', 'pool'],
        ],
      ),
    );
    const lag = r.nodes.q?.jobLagMs as { mean: number; max: number };
    // Lags of one run: 200 ms for the first 8 jobs, 400 ms for the next 8, … 1,400 ms for the last 2.
    const rounds = Math.ceil(50 / 8);
    let sum = 0;
    for (let j = 0; j < 50; j++) sum += 200 * (Math.floor(j / 8) + 1);
    console.info(
      `makespan ${lag.max.toFixed(1)} ms vs ${rounds} × 200 = ${rounds * 200} ms; mean lag ${lag.mean.toFixed(1)} vs ${(sum / 50).toFixed(1)} ms`,
    );
    expect(lag.max).toBeCloseTo(rounds * 200, 6);
    expect(lag.mean).toBeCloseTo(sum / 50, 6);
    expect(num(r, 'cron', 'runs')).toBe(5); // at 5, 65, 125, 185, 245 s
    expect(num(r, 'q', 'completed')).toBe(250);
    expect(num(r, 'cron', 'jobsDone')).toBe(250);
  });

  it('batch work on the web servers uses their capacity and hurts users while it runs', () => {
    // Users keep 4 workers 25% busy; every 20 s, 40 jobs of 500 ms add 40 × 0.5 / (20 × 4) = 25%.
    const doc = (withBatch: boolean) =>
      scenario(
        230,
        30,
        [
          { id: 'users', type: 'client', config: { rps: 50 } },
          { id: 'web', type: 'server', config: { workers: 4, serviceTimeMs: 20 } },
          ...(withBatch
            ? [
                {
                  id: 'cron',
                  type: 'scheduler',
                  config: { everyS: 20, firstAtS: 5, jobs: 40, jobTimeMs: 500 },
                },
              ]
            : []),
        ],
        withBatch
          ? [
              ['users', 'web'],
              ['cron', 'web'],
            ]
          : [['users', 'web']],
      );
    const quiet = run(doc(false)).report;
    const { report: r } = run(doc(true));
    const u = r.nodes.web?.utilization ?? 0;
    console.info(
      `web utilisation ${(100 * (quiet.nodes.web?.utilization ?? 0)).toFixed(1)}% → ${(100 * u).toFixed(1)}% with batch (law: 25% + 25%); user p99 ${quiet.latencyMs.p99.toFixed(0)} → ${r.latencyMs.p99.toFixed(0)} ms`,
    );
    expect(Math.abs(u - 0.5)).toBeLessThan(0.02);
    expect(r.latencyMs.p99).toBeGreaterThan(5 * quiet.latencyMs.p99);
    // Users who arrive during a run queue behind its jobs and are answered when the jobs are
    // done, 5 s after the run starts; users between runs do not wait.
    const during = r.timeline.filter((p) => (p.t - 5) % 20 >= 5 && (p.t - 5) % 20 <= 6 && p.t > 30);
    const between = r.timeline.filter((p) => (p.t - 5) % 20 >= 10 && p.t > 30);
    const mean = (ps: typeof during) => ps.reduce((a, p) => a + p.latencyMs.mean, 0) / ps.length;
    console.info(
      `user latency as a run ends ${mean(during).toFixed(0)} ms, between runs ${mean(between).toFixed(1)} ms`,
    );
    expect(mean(during)).toBeGreaterThan(10 * mean(between));
    // The jobs are not user requests: they are counted at the scheduler only.
    expect(r.requests.generated).toBeLessThan(quiet.requests.generated * 1.05);
    expect(num(r, 'cron', 'jobsDone')).toBe(num(r, 'cron', 'jobsSent'));
  });
});
