import { describe, expect, it } from 'vitest';
import { cheLru } from '../cache/theory.ts';
import { zipfProbabilities } from '../core/zipf.ts';
import { num, pct, run, scenario } from './support.ts';

/**
 * A CDN in front of a far-away origin. Users → CDN (10 ms round trip to the edge) → web
 * server 40 ms away (80 ms there and back). 60% of requests are static files over 5,000
 * files with Zipf 1; the edge keeps 500 of them (LRU). Everything is deterministic except
 * which file is asked for, so the latencies are exact: a hit costs the edge round trip, a
 * miss or a dynamic request adds the trip to the origin and its 5 ms of work.
 */
describe('CDN: static files at the edge, the rest at the origin', () => {
  const files = 5000;
  const capacity = 500;
  const staticRatio = 0.6;
  const edge = 10;
  const far = 40;
  const work = 5;
  const users = { rps: 1000, staticRatio, staticKeys: files, zipf: 1 };
  const web = { workers: 200, serviceTimeMs: work, serviceDistribution: 'deterministic' };
  const withCdn = (events: object[] = []) =>
    scenario(
      230,
      30,
      [
        { id: 'users', type: 'client', config: users },
        { id: 'cdn', type: 'cdn', config: { capacity, eviction: 'lru', edgeLatencyMs: edge } },
        { id: 'web', type: 'server', config: web },
      ],
      [
        ['users', 'cdn'],
        ['cdn', 'web', far],
      ],
      events as Record<string, unknown>[],
    );
  const { report: r } = run(withCdn());
  const h = num(r, 'cdn', 'hitRatio');

  it('the edge hit ratio emerges from the static key space: Che within 1 point', () => {
    const che = cheLru(zipfProbabilities(files, 1), capacity).hitRatio;
    console.info(`CDN hit ratio ${pct(h)} vs Che ${pct(che)}`);
    expect(Math.abs(h - che)).toBeLessThan(0.01);
    expect(num(r, 'cdn', 'size')).toBe(capacity);
  });

  it('origin offload = static share × hit ratio; the origin sees the rest', () => {
    const offload = num(r, 'cdn', 'offload');
    const expected =
      num(r, 'cdn', 'staticRequests') / (num(r, 'cdn', 'staticRequests') + num(r, 'cdn', 'dynamicRequests'));
    console.info(`offload ${pct(offload)} vs ${pct(expected * h)} (static share ${pct(expected)})`);
    expect(Math.abs(expected - staticRatio)).toBeLessThan(0.01);
    expect(offload).toBeCloseTo(expected * h, 9);
    expect(Math.abs(num(r, 'web', 'arrivals') - num(r, 'cdn', 'originRequests'))).toBeLessThanOrEqual(200);
  });

  it('latency: a hit pays the edge round trip only; the mean mixes the three paths exactly', () => {
    const origin = edge + 2 * far + work;
    const mean = staticRatio * (h * edge + (1 - h) * origin) + (1 - staticRatio) * origin;
    console.info(
      `mean ${r.latencyMs.mean.toFixed(2)} ms vs ${mean.toFixed(2)} ms; p50 ${r.latencyMs.p50.toFixed(2)}`,
    );
    expect(Math.abs(r.latencyMs.mean / mean - 1)).toBeLessThan(0.01);
    // Without a CDN, the same static file costs the whole trip to the origin.
    const direct = run(
      scenario(
        60,
        10,
        [
          { id: 'users', type: 'client', config: users },
          { id: 'web', type: 'server', config: web },
        ],
        [['users', 'web', far]],
      ),
    ).report;
    console.info(`without a CDN: every request ${direct.latencyMs.mean.toFixed(2)} ms`);
    expect(direct.latencyMs.mean).toBeCloseTo(2 * far + work, 6);
    expect(r.latencyMs.mean).toBeLessThan(direct.latencyMs.mean - 20);
    expect(r.latencyMs.max).toBeCloseTo(origin, 6);
  });

  it('a flushed edge misses everything at first and refills', () => {
    const { report: f } = run(withCdn([{ at: 100, action: 'flush', node: 'cdn' }]));
    const hit = (t: number) => f.timeline.find((p) => p.t === t)?.nodes.cdn?.hitRatio as number;
    const origin = (t: number) => f.timeline.find((p) => p.t === t)?.nodes.web?.served as number;
    console.info(
      `flush at 100 s: hit ${hit(100)} → ${hit(101)} → ${hit(110)}; origin ${origin(100)}/s → ${origin(101)}/s`,
    );
    expect(hit(101)).toBeLessThan(hit(100) - 0.2);
    expect(origin(101)).toBeGreaterThan(origin(100) + 50);
    expect(Math.abs(hit(150) - hit(100))).toBeLessThan(0.06);
  });
});
