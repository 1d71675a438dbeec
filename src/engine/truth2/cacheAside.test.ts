import { describe, expect, it } from 'vitest';
import { createPicker } from '../balancing/pickers.ts';
import { cheLru } from '../cache/theory.ts';
import { Rng } from '../core/random.ts';
import { zipfProbabilities } from '../core/zipf.ts';
import { mmc } from '../theory/index.ts';
import ref from './fixtures/cacheReference.json';
import { num, pct, run, scenario } from './support.ts';

/**
 * Cache-aside through the whole engine: users → server → (cache, database). The hit ratio
 * must emerge from the keys, the capacity and LRU; the database must see exactly the misses;
 * the latency must compose as theory says: R = look-up + 1{miss}·T_db with the database an
 * M/M/8 at the miss rate (the oracle's §9, fixture `cacheAside`).
 */
const ca = ref.cacheAside;

/** users → web (no time of its own) → cache + database, as in the oracle's set-up. */
function cacheAsideDoc(duration: number, warmup: number, extra: { cache?: object; events?: object[] } = {}) {
  return scenario(
    duration,
    warmup,
    [
      { id: 'users', type: 'client', config: { rps: ca.lambda, keys: ca.N, zipf: ca.s } },
      {
        id: 'web',
        type: 'server',
        config: { workers: 10_000, serviceTimeMs: 0.001, serviceDistribution: 'deterministic' },
      },
      {
        id: 'cache',
        type: 'cache',
        config: {
          capacity: ca.C,
          eviction: 'lru',
          workers: 1000,
          hitTimeMs: ca.lookupMs,
          serviceDistribution: 'deterministic',
          ...extra.cache,
        },
      },
      { id: 'db', type: 'database', config: { connections: ca.dbConnections, readTimeMs: ca.dbServiceMs } },
    ],
    [
      ['users', 'web'],
      ['web', 'cache'],
      ['web', 'db'],
    ],
    (extra.events ?? []) as Record<string, unknown>[],
  );
}

describe('cache-aside composition (λ = 500/s, LRU 1,000 of 10,000 keys, Zipf 1, DB M/M/8 × 20 ms)', () => {
  // 400 s measured ≈ 200,000 requests: the oracle needs ~5·10^4 for the mean within 2%.
  const { sim, report: r } = run(cacheAsideDoc(420, 20));
  const h = num(r, 'cache', 'hitRatio');
  const reads = r.requests.generated;
  const dbArrivals = num(r, 'db', 'arrivals');
  const windowS = 400;

  it('the hit ratio emerges from keys, capacity and LRU: Che within 1 point', () => {
    console.info(`hit ratio ${pct(h)} vs Che ${pct(ca.hitRatio)}`);
    expect(Math.abs(h - ca.hitRatio)).toBeLessThan(0.01);
    expect(num(r, 'cache', 'size')).toBe(ca.C);
    expect(num(r, 'cache', 'evictions')).toBeGreaterThan(0);
  });

  it('database load = (1 − h) × read rate: it sees exactly the misses', () => {
    const misses = num(r, 'cache', 'misses');
    // Requests in flight at either end of the window make the only difference.
    expect(Math.abs(dbArrivals - misses)).toBeLessThanOrEqual(5);
    const predicted = (1 - h) * (reads / windowS);
    console.info(`database ${(dbArrivals / windowS).toFixed(2)}/s vs (1 − h)·λ = ${predicted.toFixed(2)}/s`);
    expect(Math.abs(dbArrivals / windowS / predicted - 1)).toBeLessThan(0.01);
    // The reference composition, with the reference hit ratio: 162.2/s, ρ = 0.405.
    expect(Math.abs(dbArrivals / windowS / ca.dbLambda - 1)).toBeLessThan(0.03);
    expect(Math.abs(r.nodes.db?.utilization ?? 0) / ca.dbRho - 1).toBeLessThan(0.03);
  });

  it('the database behaves as an M/M/8 at the miss rate', () => {
    const theory = mmc(dbArrivals / windowS, 1000 / ca.dbServiceMs, ca.dbConnections).W * 1000;
    const measured = num(r, 'db', 'meanTimeMs');
    console.info(`database mean time ${measured.toFixed(3)} ms vs M/M/8 ${theory.toFixed(3)} ms`);
    expect(Math.abs(measured / theory - 1)).toBeLessThan(0.02);
  });

  it('mean latency composes: look-up + (1 − h)·W_db (variant A), and the percentiles follow', () => {
    const l = r.latencyMs;
    const composedFromMeasured = ca.lookupMs + 0.001 + (1 - h) * num(r, 'db', 'meanTimeMs');
    console.info(
      `latency mean ${l.mean.toFixed(3)} ms (oracle ${ca.meanMs.toFixed(3)}, composed from measured h ${composedFromMeasured.toFixed(3)}) · ` +
        `p50 ${l.p50.toFixed(2)} (${ca.p50Ms.toFixed(2)}) · p90 ${l.p90.toFixed(2)} (${ca.p90Ms.toFixed(2)}) · p95 ${l.p95.toFixed(2)} (${ca.p95Ms.toFixed(2)}) · p99 ${l.p99.toFixed(2)} (${ca.p99Ms.toFixed(2)})`,
    );
    expect(Math.abs(l.mean / ca.meanMs - 1)).toBeLessThan(0.02);
    expect(Math.abs(l.mean / composedFromMeasured - 1)).toBeLessThan(0.005);
    // A hit takes the look-up alone: the median is one look-up (h > 0.5).
    expect(Math.abs(l.p50 - ca.p50Ms)).toBeLessThan(0.05);
    expect(Math.abs(l.p90 / ca.p90Ms - 1)).toBeLessThan(0.05);
    expect(Math.abs(l.p99 / ca.p99Ms - 1)).toBeLessThan(0.05);
    expect(sim.auditInFlight()).toBe(sim.inFlightAll);
  });
});

describe('a cache that restarts comes back empty', () => {
  // Fail at 40 s, restore at 45 s: while it is down every read goes to the database; after
  // it returns it is empty and its hit ratio climbs back from zero to the steady state.
  const { report: r } = run(
    cacheAsideDoc(90, 10, {
      events: [
        { at: 40, action: 'fail', node: 'cache' },
        { at: 45, action: 'restore', node: 'cache' },
      ],
    }),
  );
  const at = (t: number) => r.timeline.find((p) => p.t === t) as (typeof r.timeline)[number];
  const hitAt = (t: number) => at(t).nodes.cache?.hitRatio ?? null;
  const dbAt = (t: number) => at(t).nodes.db?.served ?? 0;
  const steadyHit = [31, 32, 33, 34, 35, 36, 37, 38, 39, 40].map(hitAt) as number[];
  const steady = steadyHit.reduce((a, b) => a + b, 0) / steadyHit.length;
  const steadyDb = [31, 35, 40].map(dbAt).reduce((a, b) => a + b, 0) / 3;

  it('its hit ratio drops to nothing, then climbs back to the steady state', () => {
    const series = [40, 41, 45, 46, 47, 48, 50, 55, 60, 90].map((t) => `${t}s ${hitAt(t) ?? '—'}`);
    console.info(`cache hit ratio: steady ${pct(steady)}; ${series.join(' · ')}`);
    expect(Math.abs(steady - ca.hitRatio)).toBeLessThan(0.03);
    expect(hitAt(43)).toBeNull(); // down: nothing looked up
    expect(hitAt(46) as number).toBeLessThan(steady - 0.1); // the first second back: mostly misses
    // One second holds ~500 look-ups (±2 points of noise): compare ten-second averages.
    const late = [81, 82, 83, 84, 85, 86, 87, 88, 89, 90].map(hitAt) as number[];
    expect(Math.abs(late.reduce((a, b) => a + b, 0) / late.length - steady)).toBeLessThan(0.02);
    expect(r.nodes.cache?.up).toBe(true);
  });

  it('the database takes the load meanwhile: the report shows the spike', () => {
    console.info(
      `database served/s: steady ${steadyDb.toFixed(0)}, down ${dbAt(43)}, back ${dbAt(46)}, later ${dbAt(80)}`,
    );
    // Every read now goes to the database: 500/s offered, more than its 8 × 50/s, so it runs
    // flat out — a stampede — and drains its backlog after the cache is back.
    const dbCapacity = (ca.dbConnections * 1000) / ca.dbServiceMs;
    expect(dbAt(43)).toBeGreaterThan(0.95 * dbCapacity);
    expect(dbAt(43)).toBeGreaterThan(2.2 * steadyDb);
    expect(r.timeline.find((p) => p.t === 44)?.nodes.db?.queue ?? 0).toBeGreaterThan(10);
    expect(dbAt(46)).toBeGreaterThan(1.2 * steadyDb);
    expect(Math.abs(dbAt(80) / steadyDb - 1)).toBeLessThan(0.25);
    // No user request failed: a dead cache is a miss, not an error.
    expect(r.requests.failed).toBe(0);
    const fault = r.faults.find((f) => f.action === 'fail' && f.target === 'cache');
    expect(fault?.endS).toBe(45);
  });

  it('a flush empties it without taking it down', () => {
    const { report: f } = run(
      cacheAsideDoc(40, 10, { events: [{ at: 30, action: 'flush', node: 'cache' }] }),
    );
    const hit = (t: number) => f.timeline.find((p) => p.t === t)?.nodes.cache?.hitRatio as number;
    console.info(`flush at 30 s: ${[29, 30, 31, 32, 35, 40].map((t) => `${t}s ${hit(t)}`).join(' · ')}`);
    expect(hit(31)).toBeLessThan(hit(30) - 0.1);
    expect(Math.abs(hit(40) - hit(30))).toBeLessThan(0.05);
    expect(f.faults.map((x) => [x.action, x.target, x.startS, x.endS])).toEqual([['flush', 'cache', 30, 30]]);
  });
});

describe('several caches behind one server are sharded by consistent hashing', () => {
  const ids = ['cache-0', 'cache-1', 'cache-2'];
  const n = 20_000;
  const s = 0.9;
  const capacity = 800;
  const p = zipfProbabilities(n, s);

  /** Hit ratio theory: each shard is an LRU over its own keys (Che per shard), weighted by its traffic. */
  function shardedChe(down: number[]): number {
    const ring = createPicker({
      strategy: 'consistent-hash',
      ids,
      weights: [1, 1, 1],
      virtualNodes: 100,
      rng: new Rng(1, 'unused'),
    });
    for (const d of down) ring.setHealthy(d, false);
    const shards = ids.map(() => [] as number[]);
    for (let k = 0; k < n; k++) shards[ring.pick(k, 0)]?.push(p[k] as number);
    let h = 0;
    for (const shard of shards) {
      if (shard.length === 0) continue;
      const mass = shard.reduce((a, b) => a + b, 0);
      const q = Float64Array.from(shard, (x) => x / mass);
      h += mass * (shard.length <= capacity ? 1 : cheLru(q, capacity).hitRatio);
    }
    return h;
  }

  function shardedDoc(warmup: number, events: object[]) {
    return scenario(
      warmup + 200,
      warmup,
      [
        { id: 'users', type: 'client', config: { rps: 1000, keys: n, zipf: s } },
        {
          id: 'web',
          type: 'server',
          config: { workers: 1000, serviceTimeMs: 0.01, ejectAfterFailures: 3, ejectForMs: 3_600_000 },
        },
        ...ids.map((id) => ({ id, type: 'cache', config: { capacity, workers: 64, hitTimeMs: 0.2 } })),
        { id: 'db', type: 'database', config: { connections: 64, readTimeMs: 2 } },
      ],
      [['users', 'web'], ...ids.map((id): [string, string] => ['web', id]), ['web', 'db']],
      events as Record<string, unknown>[],
    );
  }

  const aggregate = (r: ReturnType<typeof run>['report']) => {
    let hits = 0;
    let lookups = 0;
    for (const id of ids) {
      hits += num(r, id, 'hits');
      lookups += num(r, id, 'hits') + num(r, id, 'misses');
    }
    return { h: hits / lookups, lookups };
  };

  it('three healthy caches: the hit ratio is Che per shard, weighted by traffic', () => {
    const { report: r } = run(shardedDoc(20, []));
    const { h } = aggregate(r);
    const theory = shardedChe([]);
    const shares = ids.map((id) => (num(r, id, 'hits') + num(r, id, 'misses')) / r.requests.generated);
    console.info(
      `3 shards: hit ${pct(h)} vs sharded Che ${pct(theory)} (one LRU of ${3 * capacity}: ${pct(cheLru(p, 3 * capacity).hitRatio)}); traffic shares ${shares.map(pct).join(' / ')}`,
    );
    expect(Math.abs(h - theory)).toBeLessThan(0.01);
  });

  it('one cache dies: its keys re-map to the others, miss there, and the ratio settles at Che for two shards', () => {
    const { report: r } = run(shardedDoc(40, [{ at: 5, action: 'fail', node: 'cache-1' }]));
    const { h, lookups } = aggregate(r);
    const theory = shardedChe([1]);
    console.info(
      `2 shards after cache-1 died: hit ${pct(h)} vs sharded Che ${pct(theory)} (3 shards: ${pct(shardedChe([]))})`,
    );
    expect(Math.abs(h - theory)).toBeLessThan(0.01);
    expect(num(r, 'cache-1', 'hits') + num(r, 'cache-1', 'misses')).toBe(0);
    expect(lookups).toBeGreaterThan(0.99 * r.requests.generated);
    expect(r.requests.failed).toBe(0);
    const fault = r.faults.find((f) => f.target === 'cache-1');
    expect(fault?.detections.map((d) => d.by)).toEqual(['web']);
  });
});

describe('write policies: stale reads against database load', () => {
  function policyDoc(writePolicy: string, ttlMs: number | null) {
    return scenario(
      130,
      10,
      [
        { id: 'users', type: 'client', config: { rps: 1000, keys: 2000, zipf: 1, readRatio: 0.9 } },
        { id: 'web', type: 'server', config: { workers: 1000, serviceTimeMs: 0.01 } },
        {
          id: 'cache',
          type: 'cache',
          config: { capacity: 400, writePolicy, ttlMs, workers: 32, hitTimeMs: 0.2 },
        },
        { id: 'db', type: 'database', config: { connections: 64, readTimeMs: 2, writeTimeMs: 4 } },
      ],
      [
        ['users', 'web'],
        ['web', 'cache', 0.25],
        ['web', 'db', 0.25],
      ],
    );
  }
  const invalidate = run(policyDoc('invalidate', null)).report;
  const through = run(policyDoc('write-through', null)).report;
  const ttlOnly = run(policyDoc('ttl-only', 2000)).report;

  it('invalidate and write-through rarely serve stale data; TTL-only serves it until expiry', () => {
    const stale = (r: typeof invalidate) => num(r, 'cache', 'staleReads') / num(r, 'cache', 'hits');
    console.info(
      `stale share of hits: invalidate ${pct(stale(invalidate))}, write-through ${pct(stale(through))}, ttl-only (2 s) ${pct(stale(ttlOnly))}`,
    );
    expect(stale(ttlOnly)).toBeGreaterThan(0.05);
    expect(stale(invalidate)).toBeLessThan(stale(ttlOnly) / 10);
    expect(stale(through)).toBeLessThan(stale(ttlOnly) / 10);
    expect(num(invalidate, 'cache', 'deletes')).toBeGreaterThan(0);
    expect(num(ttlOnly, 'cache', 'deletes')).toBe(0);
    expect(num(ttlOnly, 'cache', 'expired')).toBeGreaterThan(0);
  });

  it('write-through keeps written keys warm: more hits and fewer database reads than invalidate', () => {
    const dbReads = (r: typeof invalidate) => num(r, 'db', 'reads');
    console.info(
      `hit ratio / database reads: invalidate ${pct(num(invalidate, 'cache', 'hitRatio'))} / ${dbReads(invalidate)}, ` +
        `write-through ${pct(num(through, 'cache', 'hitRatio'))} / ${dbReads(through)}`,
    );
    expect(num(through, 'cache', 'hitRatio')).toBeGreaterThan(num(invalidate, 'cache', 'hitRatio'));
    expect(dbReads(through)).toBeLessThan(dbReads(invalidate));
  });
});
