import { describe, expect, it } from 'vitest';
import { num, run, scenario } from './support.ts';

type JobReport = { mapMs: number; shuffleMs: number; reduceMs: number; totalMs: number; tasksRerun: number };

const jobsOf = (r: ReturnType<typeof run>['report']) => r.nodes.mr?.jobs as JobReport[];

/** A cluster started by "run" events at the given times (s). */
function cluster(config: Record<string, unknown>, runsAt: number[], duration: number, events: object[] = []) {
  return scenario(duration, 0, [{ id: 'mr', type: 'mapReduce', config }], [], [
    ...runsAt.map((at) => ({ at, action: 'run', node: 'mr' })),
    ...events,
  ] as Record<string, unknown>[]);
}

describe('map-reduce', () => {
  // 10,240 MB in 128 MB splits = 80 map tasks of 6.4 s; output 5,120 MB over a 500 MB/s
  // network; 4 reducers of 1,280 MB at 20 MB/s = 64 s each.
  const base = { inputMB: 10_240, splitMB: 128, mapMBps: 20, outputRatio: 0.5, networkMBps: 500, fetchMs: 5 };
  const T = 6400;
  const theory = (workers: number, reducers: number) => {
    const map = Math.ceil(80 / workers) * T;
    const shuffle = (1000 * 5120) / 500 + (5 * 80 * reducers) / workers;
    const reduce = Math.ceil(reducers / workers) * ((1000 * 5120) / reducers / 20);
    return { map, shuffle, reduce, total: map + shuffle + reduce };
  };

  it('with no stragglers the map phase takes ceil(splits / workers) × task time, and every phase is as the model says', () => {
    const rows: string[] = [];
    let previous = Number.POSITIVE_INFINITY;
    for (const workers of [1, 2, 5, 10, 20, 40, 80, 160]) {
      const { report: r } = run(
        cluster({ ...base, workers, reducers: 8, stragglerProbability: 0 }, [1], 3000),
      );
      const job = jobsOf(r)[0] as JobReport;
      const t = theory(workers, 8);
      rows.push(`${workers}: ${(job.totalMs / 1000).toFixed(1)} s (map ${(job.mapMs / 1000).toFixed(1)})`);
      expect(job.mapMs).toBeCloseTo(t.map, 6);
      expect(job.shuffleMs).toBeCloseTo(t.shuffle, 6);
      expect(job.reduceMs).toBeCloseTo(t.reduce, 6);
      expect(job.totalMs).toBeCloseTo(t.total, 6);
      // More workers never hurt, but the gain fades: shuffle and reduce do not shrink with them.
      expect(job.totalMs).toBeLessThanOrEqual(previous);
      previous = job.totalMs;
    }
    console.info(`job time by workers: ${rows.join(' · ')}`);
    const at80 = theory(80, 8).total;
    const at160 = theory(160, 8).total;
    expect((at80 - at160) / at80).toBeLessThan(0.01);
  });

  it('more reducers make the shuffle slower (splits × reducers fetches)', () => {
    const a = jobsOf(
      run(cluster({ ...base, workers: 20, reducers: 2, fetchMs: 50, stragglerProbability: 0 }, [1], 2000))
        .report,
    )[0];
    const b = jobsOf(
      run(cluster({ ...base, workers: 20, reducers: 200, fetchMs: 50, stragglerProbability: 0 }, [1], 2000))
        .report,
    )[0];
    console.info(
      `shuffle with 2 reducers ${((a?.shuffleMs ?? 0) / 1000).toFixed(1)} s, with 200 ${((b?.shuffleMs ?? 0) / 1000).toFixed(1)} s`,
    );
    expect(b?.shuffleMs).toBeCloseTo(10_240 + (50 * 80 * 200) / 20, 6);
    expect(b?.shuffleMs ?? 0).toBeGreaterThan(4 * (a?.shuffleMs ?? 0));
  });

  it('stragglers: a one-wave phase ends with its slowest task, E = T·(1 + (k − 1)·(1 − (1 − p)^S))', () => {
    // 10 splits on 10 workers: one wave of 1 s tasks; p = 0.05, k = 4.
    const runs = Array.from({ length: 400 }, (_, i) => 1 + i * 10);
    const config = {
      ...base,
      inputMB: 1280,
      mapMBps: 128,
      reduceMBps: 2000,
      workers: 10,
      reducers: 1,
      stragglerProbability: 0.05,
      stragglerSlowdown: 4,
    };
    const { report: r } = run(cluster(config, runs, 4100));
    const expectedMap = 1000 * (1 + 3 * (1 - 0.95 ** 10));
    const meanMap = num(r, 'mr', 'meanMapMs');
    console.info(
      `map phase mean over ${num(r, 'mr', 'jobsDone')} jobs ${meanMap.toFixed(0)} ms vs ${expectedMap.toFixed(0)} ms; ${num(r, 'mr', 'stragglers')} stragglers in ${num(r, 'mr', 'jobsDone')} jobs (expected ${(0.05 * 11 * 400).toFixed(0)})`,
    );
    expect(num(r, 'mr', 'jobsDone')).toBe(400);
    expect(Math.abs(num(r, 'mr', 'stragglers') / (0.05 * 11 * 400) - 1)).toBeLessThan(0.15);
    // The straggler indicator of a job has sd √(0.4·0.6) ≈ 0.49: over 400 jobs the mean is
    // within 3 × 3000 × 0.49 / √400 ≈ 220 ms of theory (10%) with 99.7% confidence.
    expect(Math.abs(meanMap / expectedMap - 1)).toBeLessThan(0.1);
  });

  it('a worker that dies mid-map takes its running task and the map output it held with it: they run again', () => {
    // 10 workers, 80 tasks of 6.4 s. At 2.5 T worker 9 dies having done 2 tasks and holding a
    // third: 3 re-runs. 9 workers finish the rest: 9 tasks at 3 T, then ceil(53 / 9) = 6 waves.
    const config = { ...base, workers: 10, reducers: 8, stragglerProbability: 0 };
    const { report: r } = run(cluster(config, [0], 2000, [{ at: 2.5 * 6.4, action: 'fail', node: 'mr' }]));
    const job = jobsOf(r)[0] as JobReport;
    console.info(
      `map ${job.mapMs / 1000} s with a failure (9 T = ${(9 * T) / 1000} s), ${job.tasksRerun} tasks re-run`,
    );
    expect(job.tasksRerun).toBe(3);
    expect(job.mapMs).toBeCloseTo(9 * T, 6);
    expect(num(r, 'mr', 'liveWorkers')).toBe(9);
    expect(r.nodes.mr?.up).toBe(true);
  });

  it('a failure during the shuffle loses map output: back to map for those tasks, then the shuffle again', () => {
    const config = { ...base, workers: 10, reducers: 8, stragglerProbability: 0 };
    const shuffleStart = 8 * 6.4;
    const { report: r } = run(
      cluster(config, [0], 2000, [
        { at: shuffleStart + 5, action: 'fail', node: 'mr' },
        { at: shuffleStart + 6, action: 'restore', node: 'mr' },
      ]),
    );
    const job = jobsOf(r)[0] as JobReport;
    const t = theory(10, 8);
    console.info(
      `shuffle interrupted: ${job.tasksRerun} tasks re-run; total ${(job.totalMs / 1000).toFixed(1)} s vs ${(t.total / 1000).toFixed(1)} s without`,
    );
    expect(job.tasksRerun).toBe(8); // worker 9 held 8 map outputs
    // 5 s of shuffle lost, 1 s with 9 workers, then one wave of 6.4 s, then the whole shuffle.
    expect(job.totalMs).toBeCloseTo(t.total + 5000 + T, 0);
    expect(num(r, 'mr', 'liveWorkers')).toBe(10);
  });

  it('the same analytics as heavy queries on the primary database slow user requests; on the cluster they do not', () => {
    const doc = (target: 'db' | 'mr') =>
      scenario(
        200,
        20,
        [
          { id: 'users', type: 'client', config: { rps: 100 } },
          { id: 'web', type: 'server', config: { workers: 50, serviceTimeMs: 5 } },
          { id: 'db', type: 'database', config: { connections: 8, readTimeMs: 10 } },
          {
            id: 'cron',
            type: 'scheduler',
            config: { everyS: 30, firstAtS: 25, jobs: 16, jobTimeMs: 3000, inputMB: 4096 },
          },
          { id: 'mr', type: 'mapReduce', config: { ...base, workers: 16, stragglerProbability: 0 } },
        ],
        [
          ['users', 'web'],
          ['web', 'db'],
          ['cron', target],
        ],
      );
    const onDb = run(doc('db')).report;
    const onCluster = run(doc('mr')).report;
    console.info(
      `user p99 with analytics on the database ${onDb.latencyMs.p99.toFixed(0)} ms, on the cluster ${onCluster.latencyMs.p99.toFixed(0)} ms`,
    );
    expect(onDb.latencyMs.p99).toBeGreaterThan(10 * onCluster.latencyMs.p99);
    expect(num(onCluster, 'mr', 'jobsDone')).toBeGreaterThan(0);
    expect(num(onDb, 'db', 'batchQueries')).toBeGreaterThan(0);
  });
});
