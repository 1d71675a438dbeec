/**
 * Shared machinery of the truth tests: build a scenario, run it under several seeds, pool the
 * results, and compare them with a theory value. Each seed is an independent replication with
 * its own warm-up; pooling the latency histograms gives the same precision as one run of the
 * combined length, and the spread between seeds gives an honest standard error to print next
 * to every comparison.
 */
import { restoreOrThrow } from '../../scenario/restore.ts';
import { Histogram, type Report, Simulation } from '../index.ts';

type Doc = Record<string, unknown>;

export interface NodeSpec {
  id: string;
  type: 'client' | 'loadBalancer' | 'server' | 'database';
  config?: Record<string, unknown>;
}

/** A scenario document from nodes and [source, target] edges. Times: s for duration/warmup. */
export function scenario(
  duration: number,
  warmup: number,
  nodes: NodeSpec[],
  edges: Array<[string, string]>,
  events: Doc[] = [],
): Doc {
  return {
    type: 'scalelab-scenario',
    version: 1,
    seed: 1,
    duration,
    warmup,
    nodes,
    edges: edges.map(([source, target]) => ({ source, target })),
    events,
  };
}

/** client → one station: the classic single-queue experiment. `client` adds client config. */
export function singleQueue(
  rps: number,
  server: Record<string, unknown>,
  duration: number,
  warmup: number,
  client: Record<string, unknown> = {},
): Doc {
  return scenario(
    duration,
    warmup,
    [
      { id: 'users', type: 'client', config: { rps, ...client } },
      { id: 'web', type: 'server', config: server },
    ],
    [['users', 'web']],
  );
}

/** client → ideal balancer (no processing delay) → n identical servers web-0 … web-(n−1). */
export function balanced(
  n: number,
  rps: number,
  balancer: Record<string, unknown>,
  server: Record<string, unknown>,
  duration: number,
  warmup: number,
  events: Doc[] = [],
): Doc {
  const servers: NodeSpec[] = Array.from({ length: n }, (_, i) => ({
    id: `web-${i}`,
    type: 'server',
    config: server,
  }));
  return scenario(
    duration,
    warmup,
    [
      { id: 'users', type: 'client', config: { rps } },
      { id: 'lb', type: 'loadBalancer', config: { capacityRps: 0, ...balancer } },
      ...servers,
    ],
    [['users', 'lb'], ...servers.map((s): [string, string] => ['lb', s.id])],
    events,
  );
}

export interface Replicated {
  reports: Report[];
  /** Latency histogram pooled over every seed's measured window (ms). */
  latency: Histogram;
  /** Measured requests over all seeds. */
  generated: number;
}

/** Run `doc` once per seed and pool the latency histograms. */
export function replicate(doc: Doc, seeds: readonly number[]): Replicated {
  const scenarioDoc = restoreOrThrow(doc);
  const latency = new Histogram();
  const reports: Report[] = [];
  let generated = 0;
  for (const seed of seeds) {
    const sim = new Simulation(scenarioDoc, { seed });
    const report = sim.run();
    if (report.engine.invariantViolations !== 0) throw new Error('engine invariant violated');
    latency.merge(sim.latency);
    reports.push(report);
    generated += report.requests.generated;
  }
  return { reports, latency, generated };
}

/**
 * k consecutive seeds from `first`. Each test uses its own range, so that tests are independent
 * replications of one another (with shared seeds, streams with the same name would repeat the
 * same random numbers in every test and their errors would be correlated).
 */
export function seeds(k: number, first: number): number[] {
  return Array.from({ length: k }, (_, i) => first + i);
}

/** Mean of per-seed values and its standard error (sample sd / √k). */
export function meanSe(values: readonly number[]): { mean: number; se: number } {
  const k = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / k;
  if (k < 2) return { mean, se: Number.NaN };
  const v = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1);
  return { mean, se: Math.sqrt(v / k) };
}

export interface Comparison {
  label: string;
  measured: number;
  theory: number;
  /** Relative error (measured − theory)/theory. */
  rel: number;
  /** Relative standard error from the spread between seeds (NaN with one seed). */
  relSe: number;
  tol: number;
  ok: boolean;
}

/** The rows compared so far in this test file, for a verbose summary. */
export const comparisons: Comparison[] = [];

/**
 * Compare a pooled measurement with theory. `perSeed` (optional) are the same quantity per
 * seed, for the standard error printed beside it; the assertion is on the pooled value only.
 */
export function compare(
  label: string,
  measured: number,
  theory: number,
  tol: number,
  perSeed: readonly number[] = [],
): Comparison {
  const rel = measured / theory - 1;
  const relSe = perSeed.length > 1 ? meanSe(perSeed).se / Math.abs(theory) : Number.NaN;
  const c: Comparison = { label, measured, theory, rel, relSe, tol, ok: Math.abs(rel) <= tol };
  comparisons.push(c);
  return c;
}

export function describeComparison(c: Comparison): string {
  const pct = (x: number) =>
    `${Math.abs(x) < 1e-4 && x !== 0 ? (x * 100).toExponential(1) : (x * 100).toFixed(2)}%`;
  const se = Number.isNaN(c.relSe) ? '' : `, SE ${pct(c.relSe)}`;
  return `${c.label}: measured ${fmt(c.measured)} vs theory ${fmt(c.theory)} (${c.rel >= 0 ? '+' : ''}${pct(c.rel)}${se}; tol ±${pct(c.tol)})`;
}

function fmt(x: number): string {
  const a = Math.abs(x);
  return a !== 0 && (a < 0.01 || a >= 1e6) ? x.toExponential(4) : x.toFixed(a < 1 ? 5 : 3);
}

/** Quantiles of a pooled histogram, keyed like report.latencyMs. */
export function pooledQuantiles(h: Histogram): { p50: number; p95: number; p99: number } {
  const [p50, p95, p99] = h.quantiles([0.5, 0.95, 0.99]) as [number, number, number];
  return { p50, p95, p99 };
}
