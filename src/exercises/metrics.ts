import type { Report } from '../engine/index.ts';
import { isNodeType, type NodeType } from '../scenario/components/index.ts';

/**
 * The metric registry: every figure a goal may set a target on, where it is read in the
 * engine's report, how several nodes combine, and how it is shown. A goal names a metric by
 * id (`"p99"`, `"hitRatio"` …); nothing else in the exercise code knows what the ids mean.
 *
 * Adding a metric when the engine grows: one entry in `metrics` below (and, if goals were
 * allowed to name it early, remove its line from `plannedMetrics`: until the engine has the
 * component type it needs, restore refuses such goals with a message that says what is missing).
 */

/** How a figure is shown. Ratios are stored 0–1 and shown as percentages. */
export type Unit = 'ms' | 'ratio' | 'rps' | 'usd' | 'count';

/** Which node(s) a condition is about: one by id, or every node of a type (combined). */
export interface NodeScope {
  node?: string | undefined;
  type?: NodeType | undefined;
}

/** A measurement, or why there is none. */
export type Measured = { value: number } | { value: null; why: string };

export interface MetricDef {
  /** Short noun phrase: "p99 latency", "hit ratio". */
  label: string;
  /** How a label names the node: "hit ratio of db", "jobs dropped at jobs". Default "of". */
  preposition?: 'of' | 'at';
  unit: Unit;
  /** Which way is good: used to phrase hints ("too high"). */
  better: 'lower' | 'higher';
  /**
   * `run`: the whole run (a node may narrow it, see `nodeTypes`); `node`: needs a node or a type;
   * `fault`: needs the node (or edge "source→target") a fault was applied to.
   */
  scope: 'run' | 'node' | 'fault';
  /** Node types the metric can be read from (for `run` metrics: the optional narrowing). */
  nodeTypes?: readonly NodeType[];
  /** Needs a `cause` (errors only). */
  takesCause?: boolean;
  /** A short general hint shown when a condition on it fails and the author gave none. */
  hint: string;
  measure(report: Report, scope: NodeScope, cause: string | undefined): Measured;
}

type NodeReport = Report['nodes'][string];

function windowSeconds(r: Report): number {
  return Math.max(0, r.engine.simulatedSeconds - r.scenario.warmup);
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function rec(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** The report entries a scope selects, or why it selects none. */
function nodesOf(
  r: Report,
  scope: NodeScope,
  allowed: readonly NodeType[] | undefined,
): { nodes: Array<[string, NodeReport]> } | { why: string } {
  if (scope.node !== undefined) {
    const n = r.nodes[scope.node];
    if (!n) return { why: `there is no node "${scope.node}" in this design` };
    if (allowed && !allowed.includes(n.type as NodeType))
      return { why: `"${scope.node}" is a ${n.type}; this is measured on ${list(allowed)}` };
    return { nodes: [[scope.node, n]] };
  }
  if (scope.type !== undefined) {
    const found = Object.entries(r.nodes).filter(([, n]) => n.type === scope.type);
    if (found.length === 0) return { why: `this design has no ${scope.type} node` };
    return { nodes: found };
  }
  return { why: 'no node was named' };
}

function list(types: readonly string[]): string {
  return types.length === 1 ? `a ${types[0]}` : `a ${types.slice(0, -1).join(', a ')} or a ${types.at(-1)}`;
}

/** A node metric: one value per node, combined over several (max, sum or pooled ratio). */
function perNode(
  allowed: readonly NodeType[],
  read: (n: NodeReport) => { num: number; den: number } | number | null,
  combine: 'max' | 'sum' | 'pooled',
  r: Report,
  scope: NodeScope,
  none = 'nothing was measured there',
): Measured {
  const sel = nodesOf(r, scope, allowed);
  if ('why' in sel) return { value: null, why: sel.why };
  let best = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let numSum = 0;
  let denSum = 0;
  let any = false;
  for (const [, n] of sel.nodes) {
    const v = read(n);
    if (v === null) continue;
    any = true;
    if (typeof v === 'number') {
      best = Math.max(best, v);
      sum += v;
    } else {
      numSum += v.num;
      denSum += v.den;
    }
  }
  if (!any) return { value: null, why: none };
  if (combine === 'pooled')
    return denSum > 0 ? { value: numSum / denSum } : { value: null, why: 'nothing was looked up' };
  if (combine === 'max') return { value: best };
  return { value: sum };
}

function latency(stat: 'p50' | 'p95' | 'p99' | 'mean'): MetricDef['measure'] {
  return (r, scope) => {
    if (scope.node === undefined && scope.type === undefined) {
      if (r.requests.completed === 0) return { value: null, why: 'no request was answered' };
      return { value: r.latencyMs[stat] };
    }
    const sel = nodesOf(r, scope, ['client']);
    if ('why' in sel) return { value: null, why: sel.why };
    if (sel.nodes.length !== 1)
      return { value: null, why: 'name one client: latency is per client or for the whole run' };
    const l = rec((sel.nodes[0] as [string, NodeReport])[1].latencyMs);
    const v = num(l?.[stat]);
    return v === null || (sel.nodes[0] as [string, NodeReport])[1].served === 0
      ? { value: null, why: 'none of its requests was answered' }
      : { value: v };
  };
}

function jobLag(stat: 'p50' | 'p95' | 'p99' | 'max'): MetricDef['measure'] {
  return (r, scope) =>
    perNode(
      ['queue'],
      (n) => {
        const done = num(n.completed) ?? 0;
        return done > 0 ? num(rec(n.jobLagMs)?.[stat]) : null;
      },
      'max',
      r,
      scope,
      'no job finished before the end',
    );
}

const CACHE_TYPES = ['cache', 'cdn', 'database'] as const satisfies readonly NodeType[];
const BUSY_TYPES = [
  'loadBalancer',
  'server',
  'database',
  'cache',
  'workerPool',
] as const satisfies readonly NodeType[];
const LOAD_TYPES = [
  'loadBalancer',
  'server',
  'database',
  'cache',
  'cdn',
  'queue',
  'workerPool',
] as const satisfies readonly NodeType[];

/** Hits and look-ups of a node's cache: a cache or CDN, or a database's row cache. */
function cacheCounts(n: NodeReport): { num: number; den: number } | null {
  const holder = n.type === 'database' ? rec(n.rowCache) : n;
  if (!holder) return null;
  const hits = num(holder.hits);
  const misses = num(holder.misses);
  if (hits === null || misses === null) return null;
  return { num: hits, den: hits + misses };
}

export const metrics = {
  p50: {
    label: 'median latency (p50)',
    unit: 'ms',
    better: 'lower',
    scope: 'run',
    nodeTypes: ['client'],
    hint: 'Half of all answers take longer than this. Look for the slowest hop most requests pass through.',
    measure: latency('p50'),
  },
  p95: {
    label: 'p95 latency',
    unit: 'ms',
    better: 'lower',
    scope: 'run',
    nodeTypes: ['client'],
    hint: 'One answer in twenty is slower than this: queues near saturation are the usual cause.',
    measure: latency('p95'),
  },
  p99: {
    label: 'p99 latency',
    unit: 'ms',
    better: 'lower',
    scope: 'run',
    nodeTypes: ['client'],
    hint: 'The slowest 1% of answers: watch the utilisation chart for a node near 100% — queues there make the tail.',
    measure: latency('p99'),
  },
  meanLatency: {
    label: 'mean latency',
    unit: 'ms',
    better: 'lower',
    scope: 'run',
    nodeTypes: ['client'],
    hint: 'Add up the hops: edge latencies both ways, service times, and waiting in queues.',
    measure: latency('mean'),
  },
  errorRate: {
    label: 'error rate',
    unit: 'ratio',
    better: 'lower',
    scope: 'run',
    hint: 'The errors chart shows each failure’s cause: node-down (a dead node still gets traffic), queue-full (too little capacity), timeout (too slow).',
    measure: (r) =>
      r.requests.generated > 0 ? { value: r.errorRate } : { value: null, why: 'no request was sent' },
  },
  errors: {
    label: 'failed requests',
    unit: 'count',
    better: 'lower',
    scope: 'run',
    takesCause: true,
    hint: 'The errors chart shows when they happened and why.',
    measure: (r, _scope, cause) => ({
      value: cause === undefined ? r.requests.failed : (r.errors[cause] ?? 0),
    }),
  },
  throughput: {
    label: 'throughput',
    unit: 'rps',
    better: 'higher',
    scope: 'run',
    hint: 'Requests still queued or failed at the end do not count: the system must keep up with the traffic.',
    measure: (r) => ({ value: r.throughput }),
  },
  costPerMonth: {
    label: 'cost per month',
    unit: 'usd',
    better: 'lower',
    scope: 'run',
    hint: 'Every machine has a monthly price (see each component’s cost field). Buy capacity where the bottleneck is, nowhere else.',
    measure: (r) => ({ value: r.costPerMonth }),
  },
  utilization: {
    label: 'utilisation',
    unit: 'ratio',
    better: 'lower',
    scope: 'node',
    nodeTypes: BUSY_TYPES,
    hint: 'Busy share of the node’s workers or connections. Near 100% its queue grows: give it more capacity, or send it less work.',
    measure: (r, scope) => perNode(BUSY_TYPES, (n) => n.utilization, 'max', r, scope),
  },
  load: {
    label: 'load on',
    unit: 'rps',
    better: 'lower',
    scope: 'node',
    nodeTypes: LOAD_TYPES,
    hint: 'Work that never reaches a node costs it nothing: a cache or CDN in front takes load off what is behind it.',
    measure: (r, scope) => {
      const w = windowSeconds(r);
      return perNode(LOAD_TYPES, (n) => (w > 0 ? n.arrivals / w : null), 'sum', r, scope);
    },
  },
  hitRatio: {
    label: 'hit ratio',
    unit: 'ratio',
    better: 'higher',
    scope: 'node',
    nodeTypes: CACHE_TYPES,
    hint: 'The hit ratio grows with the share of popular keys that fit: a bigger cache, a better eviction policy, or fewer writes that invalidate.',
    measure: (r, scope) => perNode(CACHE_TYPES, cacheCounts, 'pooled', r, scope),
  },
  staleRatio: {
    preposition: 'at',
    label: 'stale reads',
    unit: 'ratio',
    better: 'lower',
    scope: 'node',
    nodeTypes: ['cache'],
    hint: 'A stale read returns a value the database has since changed. Deleting or updating the cached key on every write keeps the cache honest.',
    measure: (r, scope) =>
      perNode(
        ['cache'],
        (n) => {
          const hits = num(n.hits);
          const misses = num(n.misses);
          const stale = num(n.staleReads);
          return hits === null || misses === null || stale === null
            ? null
            : { num: stale, den: hits + misses };
        },
        'pooled',
        r,
        scope,
      ),
  },
  offload: {
    label: 'origin offload',
    unit: 'ratio',
    better: 'higher',
    scope: 'node',
    nodeTypes: ['cdn'],
    hint: 'Share of requests the edge answered without the origin. Only static files can be kept at the edge, and only those that fit.',
    measure: (r, scope) =>
      perNode(
        ['cdn'],
        (n) => {
          const all = (num(n.staticRequests) ?? 0) + (num(n.dynamicRequests) ?? 0);
          const origin = num(n.originRequests);
          return origin === null ? null : { num: all - origin, den: all };
        },
        'pooled',
        r,
        scope,
      ),
  },
  jobLagP50: {
    preposition: 'at',
    label: 'median job lag',
    unit: 'ms',
    better: 'lower',
    scope: 'node',
    nodeTypes: ['queue'],
    hint: 'Time from publish to done. It grows without limit when the workers drain the queue slower than jobs arrive.',
    measure: jobLag('p50'),
  },
  jobLagP99: {
    preposition: 'at',
    label: 'p99 job lag',
    unit: 'ms',
    better: 'lower',
    scope: 'node',
    nodeTypes: ['queue'],
    hint: 'Time from publish to done. Workers drain workers ÷ job time jobs per second; below the publish rate the backlog, and the lag, grow.',
    measure: jobLag('p99'),
  },
  queueDepth: {
    preposition: 'at',
    label: 'deepest backlog',
    unit: 'count',
    better: 'lower',
    scope: 'node',
    nodeTypes: ['queue'],
    hint: 'Jobs waiting at the worst moment. A backlog that only grows means the workers are too few.',
    measure: (r, scope) => perNode(['queue'], (n) => num(n.maxDepth), 'max', r, scope),
  },
  droppedJobs: {
    preposition: 'at',
    label: 'jobs dropped',
    unit: 'count',
    better: 'lower',
    scope: 'node',
    nodeTypes: ['queue'],
    hint: 'A full queue refuses new jobs. More workers drain it; a bigger capacity only buys time.',
    measure: (r, scope) => perNode(['queue'], (n) => num(n.dropped), 'sum', r, scope),
  },
  batchRunMs: {
    label: 'mean batch run time',
    preposition: 'at',
    unit: 'ms',
    better: 'lower',
    scope: 'node',
    nodeTypes: ['scheduler'],
    hint: 'From a run’s start to its last job done. Jobs that share workers with users wait longer when the users are busy.',
    measure: (r, scope) =>
      perNode(
        ['scheduler'],
        (n) => {
          const runs = Array.isArray(n.lastRuns) ? (n.lastRuns as Array<{ endS: number | null }>) : [];
          return runs.some((x) => x.endS !== null) ? num(n.meanRunMs) : null;
        },
        'max',
        r,
        scope,
        'no run finished before the end',
      ),
  },
  mapReduceJobMs: {
    label: 'mean map-reduce job time',
    preposition: 'at',
    unit: 'ms',
    better: 'lower',
    scope: 'node',
    nodeTypes: ['mapReduce'],
    hint: 'Map time falls with workers (ceil(splits ÷ workers) waves); the shuffle and the slowest tasks do not. Look at each phase’s time in the report.',
    measure: (r, scope) =>
      perNode(
        ['mapReduce'],
        (n) => ((num(n.jobsDone) ?? 0) > 0 ? num(n.meanJobMs) : null),
        'max',
        r,
        scope,
        'no job finished before the end',
      ),
  },
  faultFailures: {
    label: 'requests failed by the fault on',
    unit: 'count',
    better: 'lower',
    scope: 'fault',
    hint: 'Requests keep going to a dead node until someone notices: faster health checks shrink that window, retries hide it.',
    measure: (r, scope) => {
      const records = r.faults.filter((f) => f.target === scope.node && f.action !== 'spike');
      if (records.length === 0) return { value: null, why: `nothing failed "${scope.node}" in this run` };
      return { value: records.reduce((a, f) => a + f.failedRequests, 0) };
    },
  },
  recoveryMs: {
    label: 'time until requests stopped failing after the fault on',
    unit: 'ms',
    better: 'lower',
    scope: 'fault',
    hint: 'Failures stop once every caller has routed around the dead node: detection, then retries or a standby taking over.',
    measure: (r, scope) => {
      const f = r.faults.find((x) => x.target === scope.node && x.action !== 'spike' && x.action !== 'run');
      if (!f) return { value: null, why: `nothing failed "${scope.node}" in this run` };
      return { value: f.timeToRecoverMs ?? 0 };
    },
  },
  detectionMs: {
    label: 'time to notice the fault on',
    unit: 'ms',
    better: 'lower',
    scope: 'fault',
    hint: 'A balancer notices a dead backend after “down after” failed checks, one every “check every” ms; a smart client only after “eject after failures” failed or timed-out requests in a row.',
    measure: (r, scope) => {
      const f = r.faults.find(
        (x) => x.target === scope.node && (x.action === 'fail' || x.action === 'cut' || x.action === 'slow'),
      );
      if (!f) return { value: null, why: `nothing failed or slowed "${scope.node}" in this run` };
      if (f.detections.length === 0)
        return { value: null, why: 'nobody noticed it before the end of the run' };
      return { value: Math.min(...f.detections.map((d) => d.afterMs)) };
    },
  },
} satisfies Record<string, MetricDef>;

export type MetricId = keyof typeof metrics;
export const metricIds = Object.keys(metrics) as MetricId[];

export function isMetricId(id: string): id is MetricId {
  return Object.hasOwn(metrics, id);
}

export function metricDef(id: MetricId): MetricDef {
  return metrics[id] as MetricDef;
}

/**
 * Metrics a goal may name once the engine simulates what they measure. A goal naming one is
 * refused with a message that says what is missing, not "unknown metric".
 */
export const plannedMetrics: Readonly<Record<string, { label: string; needs: string; what: string }>> = {
  // e.g. replicationLagMs: { label: 'replication lag', needs: 'replicatedDatabase', what: 'replication' },
};

/** Why `id` cannot be used, or null when it can. */
export function metricProblem(id: string): string | null {
  if (isMetricId(id)) return null;
  const planned = plannedMetrics[id];
  if (planned && !isNodeType(planned.needs))
    return `"${id}" (${planned.label}) needs ${planned.what}, which this version of ScaleLab does not simulate yet`;
  return `unknown metric "${id}"; known: ${metricIds.join(', ')}`;
}

// ——— Showing values ———

const thousands = (v: number, digits: number) => v.toLocaleString('en-US', { maximumFractionDigits: digits });

/** A value in its unit, for people: "182 ms", "0.85%", "1,200 req/s", "$1,100/month". */
export function formatValue(v: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      if (Math.abs(v) >= 10_000) return `${thousands(v / 1000, 1)} s`;
      return `${thousands(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2)} ms`;
    case 'ratio': {
      const p = v * 100;
      const a = Math.abs(p);
      return `${p.toLocaleString('en-US', { maximumFractionDigits: a === 0 || a >= 10 ? 1 : 2 })}%`;
    }
    case 'rps':
      return `${thousands(v, Math.abs(v) >= 100 ? 0 : 1)} req/s`;
    case 'usd':
      return `$${thousands(v, Number.isInteger(v) ? 0 : 2)}/month`;
    case 'count':
      return thousands(v, Number.isInteger(v) ? 0 : 1);
  }
}
