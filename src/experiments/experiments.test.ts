import { describe, expect, it } from 'vitest';
import { twoServers } from '../run/testing/scenarios.ts';
import { restoreOrThrow, restoreScenario, type Scenario } from '../scenario/index.ts';
import { experimentApi } from './experimentApi.ts';
import { type PointJob, runPoint } from './point.ts';
import { ExperimentRun, type PointWorker, type Progress, workerCount } from './runner.ts';
import { applyParameter, METRICS, parameterChoices, sweepValues } from './sweep.ts';

const base = () => restoreOrThrow(twoServers({ duration: 20, warmup: 2 })) as Scenario;

/** A point worker in this thread that answers on the next turn (like a message would). */
function localWorker(log: string[] = []): PointWorker {
  let alive = true;
  return {
    run: (job) =>
      new Promise((resolve, reject) =>
        setImmediate(() => (alive ? resolve(experimentApi.run(job)) : reject(new Error('terminated')))),
      ),
    terminate: () => {
      alive = false;
      log.push('terminate');
    },
  };
}

describe('sweeps', () => {
  it('spaces values evenly, rounding counts without duplicates', () => {
    expect(sweepValues(1, 8, 8, true)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(sweepValues(1, 3, 6, true)).toEqual([1, 2, 3]);
    expect(sweepValues(100, 300, 3, false)).toEqual([100, 200, 300]);
    expect(sweepValues(5, 5, 4, false)).toEqual([5]);
  });

  it('offers the telling settings of the scenario', () => {
    const ids = parameterChoices(base()).map((c) => c.id);
    expect(ids[0]).toBe('servers:lb');
    expect(ids).toEqual(
      expect.arrayContaining(['users.rps', 'web-1.workers', 'lb.healthCheck.intervalMs', 'db.connections']),
    );
  });

  it('sets N identical servers behind the balancer, wired like the first', () => {
    const doc = base();
    for (const n of [1, 3, 8]) {
      const next = applyParameter(doc, { kind: 'servers', template: 'web-1' }, n);
      const servers = next.nodes.filter((x) => x.type === 'server');
      expect(servers).toHaveLength(n);
      for (const s of servers) {
        expect(next.edges.filter((e) => e.source === 'lb' && e.target === s.id)).toHaveLength(1);
        expect(next.edges.filter((e) => e.source === s.id && e.target === 'db')).toHaveLength(1);
      }
      // Still a valid document.
      expect(restoreScenario(next).ok).toBe(true);
    }
    expect(doc.nodes.filter((x) => x.type === 'server')).toHaveLength(2); // unchanged input
  });

  it('sets a config value, nested ones too', () => {
    const doc = base();
    const a = applyParameter(doc, { kind: 'config', node: 'users', path: 'rps' }, 321);
    expect(a.nodes.find((n) => n.id === 'users')?.config).toMatchObject({ rps: 321 });
    const b = applyParameter(doc, { kind: 'config', node: 'lb', path: 'healthCheck.intervalMs' }, 250);
    expect(b.nodes.find((n) => n.id === 'lb')?.config).toMatchObject({
      healthCheck: { intervalMs: 250, unhealthyThreshold: 2 },
    });
  });

  it('reads every metric from a report', () => {
    const r = runPoint({ index: 0, seed: 1, scenario: base() });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.values).sort()).toEqual(METRICS.map((m) => m.id).sort());
    expect(r.values.throughput).toBeGreaterThan(100);
    expect(r.values.p99).toBeGreaterThan(r.values.p50);
    expect(r.values.hitRatio).toBeNaN(); // no cache
  });

  it('a point that cannot run says why', () => {
    const r = runPoint({ index: 3, seed: 1, scenario: { type: 'nope' } });
    expect(r).toMatchObject({ index: 3, ok: false });
  });
});

describe('experiment runs', () => {
  it('uses one worker per core, never more than points', () => {
    expect(workerCount(8, 2)).toBe(2);
    expect(workerCount(3, 16)).toBe(3);
    expect(workerCount(40, 32)).toBe(8);
    expect(workerCount(5, undefined)).toBe(2);
  });

  it('spreads points over workers and shows linear scaling of capacity', async () => {
    // Overloaded: 1,200 requests/s at servers that each carry about 200/s.
    const doc = restoreOrThrow(twoServers({ duration: 20, warmup: 5 }, 1200)) as Scenario;
    const xs = [1, 2, 3, 4];
    const jobs: PointJob[] = xs.map((x, index) => ({
      index,
      seed: doc.seed,
      scenario: applyParameter(doc, { kind: 'servers', template: 'web-1' }, x),
    }));
    const progress: Progress[] = [];
    const run = new ExperimentRun(jobs, () => localWorker(), 2);
    expect(await run.start((p) => progress.push(p))).toBe('done');
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    const last = progress[3] as Progress;
    const throughput = last.results.map((r) => (r?.ok ? r.values.throughput : Number.NaN));
    // Each server adds about the same capacity.
    const perServer = throughput.map((t, i) => t / (xs[i] as number));
    for (const p of perServer)
      expect(Math.abs(p - (perServer[0] as number)) / (perServer[0] as number)).toBeLessThan(0.1);
  });

  it('cancel stops every worker and reports what was done', async () => {
    const log: string[] = [];
    const jobs: PointJob[] = [0, 1, 2, 3, 4, 5].map((index) => ({ index, seed: 1, scenario: base() }));
    const run = new ExperimentRun(jobs, () => localWorker(log), 2);
    const seen: number[] = [];
    const outcome = run.start((p) => {
      seen.push(p.done);
      if (p.done === 1) run.cancel();
    });
    expect(await outcome).toBe('cancelled');
    expect(log).toEqual(['terminate', 'terminate']);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([1]);
  });
});
