import type { Report } from '../engine/index.ts';
import { requestEdges } from '../scenario/edgeKinds.ts';
import type { Scenario, ScenarioNode } from '../scenario/index.ts';

/**
 * An experiment varies one setting over a range and plots a result against it, each point a
 * full seeded run. This file is the pure part: which settings can vary, how a value becomes a
 * scenario, and which results can be read from a report.
 */
export type Parameter =
  /** How many copies of a server sit behind its balancer (the others are replaced). */
  | { kind: 'servers'; template: string }
  /** A number in a node's config; `path` may go one level deep ("healthCheck.intervalMs"). */
  | { kind: 'config'; node: string; path: string };

export interface ParameterChoice {
  id: string;
  label: string;
  parameter: Parameter;
  /** A sensible default range. */
  from: number;
  to: number;
  integer: boolean;
  unit: string;
}

export type MetricId =
  | 'throughput'
  | 'maxThroughput'
  | 'p50'
  | 'p99'
  | 'mean'
  | 'errorRate'
  | 'hitRatio'
  | 'cost';

export interface Metric {
  id: MetricId;
  label: string;
  unit: string;
  read(report: Report): number;
}

/**
 * Answers per second after warm-up, whoever sent them: from the timeline, so an overloaded
 * system (whose later requests never finish) still shows what it really served.
 */
export function answeredPerSecond(r: Report): number {
  let answered = 0;
  let seconds = 0;
  for (const p of r.timeline) {
    if (p.t <= r.scenario.warmup) continue;
    answered += p.throughput * p.step;
    seconds += p.step;
  }
  return seconds > 0 ? answered / seconds : r.throughput;
}

function latency(r: Report, v: number): number {
  return r.requests.completed > 0 ? v : Number.NaN;
}

export const METRICS: readonly Metric[] = [
  { id: 'throughput', label: 'Throughput', unit: 'requests/s', read: answeredPerSecond },
  {
    id: 'maxThroughput',
    label: 'Max throughput (bottleneck law)',
    unit: 'requests/s',
    read: (r) => {
      // X_max ≈ X / U_bottleneck: what the system could carry if the busiest part ran at 100%.
      let u = 0;
      for (const n of Object.values(r.nodes)) if (n.utilization > u) u = n.utilization;
      return u > 0 ? answeredPerSecond(r) / u : Number.NaN;
    },
  },
  // No measured request finished (a hopelessly overloaded system): no latency to show, not 0.
  { id: 'p50', label: 'Median latency', unit: 'ms', read: (r) => latency(r, r.latencyMs.p50) },
  { id: 'p99', label: 'p99 latency', unit: 'ms', read: (r) => latency(r, r.latencyMs.p99) },
  { id: 'mean', label: 'Mean latency', unit: 'ms', read: (r) => latency(r, r.latencyMs.mean) },
  { id: 'errorRate', label: 'Error rate', unit: '%', read: (r) => r.errorRate * 100 },
  {
    id: 'hitRatio',
    label: 'Cache hit ratio',
    unit: '%',
    read: (r) => {
      let hits = 0;
      let lookups = 0;
      for (const n of Object.values(r.nodes)) {
        const h = n.hits as number | undefined;
        const m = n.misses as number | undefined;
        if (typeof h === 'number' && typeof m === 'number') {
          hits += h;
          lookups += h + m;
        }
      }
      return lookups > 0 ? (100 * hits) / lookups : Number.NaN;
    },
  },
  { id: 'cost', label: 'Cost per month', unit: '$', read: (r) => r.costPerMonth },
];

export const metricById = Object.fromEntries(METRICS.map((m) => [m.id, m])) as Record<MetricId, Metric>;

/** `steps` values from `from` to `to`, evenly spaced (rounded and de-duplicated for counts). */
export function sweepValues(from: number, to: number, steps: number, integer: boolean): number[] {
  const n = Math.max(1, Math.floor(steps));
  if (n === 1 || from === to) return [integer ? Math.round(from) : from];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = from + ((to - from) * i) / (n - 1);
    out.push(integer ? Math.round(v) : Number(v.toPrecision(6)));
  }
  return [...new Set(out)];
}

/** The settings worth sweeping in this scenario, most telling first. */
export function parameterChoices(doc: Scenario): ParameterChoice[] {
  const out: ParameterChoice[] = [];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const lb of doc.nodes) {
    if (lb.type !== 'loadBalancer') continue;
    const servers = requestEdges(doc).filter(
      (e) => e.source === lb.id && byId.get(e.target)?.type === 'server',
    );
    const first = servers[0];
    if (first)
      out.push({
        id: `servers:${lb.id}`,
        label: `Servers behind ${name(lb)}`,
        parameter: { kind: 'servers', template: first.target },
        from: 1,
        to: 8,
        integer: true,
        unit: 'servers',
      });
  }
  const add = (
    node: ScenarioNode,
    path: string,
    label: string,
    unit: string,
    from: number,
    to: number,
    integer: boolean,
  ) =>
    out.push({
      id: `${node.id}.${path}`,
      label: `${label} of ${name(node)}`,
      parameter: { kind: 'config', node: node.id, path },
      from,
      to,
      integer,
      unit,
    });
  for (const n of doc.nodes) {
    switch (n.type) {
      case 'client':
        add(
          n,
          'rps',
          'Traffic',
          'requests/s',
          Math.max(1, Math.round(n.config.rps / 4)),
          n.config.rps * 3,
          false,
        );
        break;
      case 'server':
        add(n, 'workers', 'Workers', 'workers', 1, Math.max(8, n.config.workers * 2), true);
        add(
          n,
          'serviceTimeMs',
          'Service time',
          'ms',
          Math.max(1, n.config.serviceTimeMs / 4),
          n.config.serviceTimeMs * 3,
          false,
        );
        break;
      case 'cache':
        add(
          n,
          'capacity',
          'Cache size',
          'items',
          Math.max(1, Math.round(n.config.capacity / 10)),
          n.config.capacity * 4,
          true,
        );
        break;
      case 'loadBalancer':
        if (n.config.healthCheck.enabled)
          add(n, 'healthCheck.intervalMs', 'Health-check interval', 'ms', 100, 5000, false);
        break;
      case 'database':
        add(n, 'connections', 'Connections', 'connections', 1, Math.max(20, n.config.connections * 2), true);
        break;
      default:
        break;
    }
  }
  return out;
}

function name(n: ScenarioNode): string {
  return n.label?.trim() ? n.label : n.id;
}

/** The scenario with the parameter set to `value`. Pure: the input is not changed. */
export function applyParameter(doc: Scenario, p: Parameter, value: number): Scenario {
  if (p.kind === 'config') {
    const nodes = doc.nodes.map((n) => {
      if (n.id !== p.node) return n;
      const [head, tail] = p.path.split('.') as [string, string | undefined];
      const config = n.config as Record<string, unknown>;
      const next =
        tail === undefined
          ? { ...config, [head]: value }
          : { ...config, [head]: { ...(config[head] as Record<string, unknown>), [tail]: value } };
      return { ...n, config: next } as ScenarioNode;
    });
    return { ...doc, nodes };
  }
  return withServers(doc, p.template, Math.max(1, Math.round(value)));
}

/**
 * `count` identical servers where the template's balancer had its servers: copies of the
 * template with its downstream connections, fed by the same balancer(s).
 */
function withServers(doc: Scenario, templateId: string, count: number): Scenario {
  const template = doc.nodes.find((n) => n.id === templateId);
  if (template?.type !== 'server') return doc;
  // Requests reach the servers over request edges; pair edges (balancer ⇢ balancer) stay as they are.
  const routes = requestEdges(doc);
  const feeders = routes.filter((e) => e.target === templateId);
  const feederIds = new Set(feeders.map((e) => e.source));
  // The pool: every server fed by the same balancer(s).
  const pool = new Set(
    routes
      .filter((e) => feederIds.has(e.source) && doc.nodes.find((n) => n.id === e.target)?.type === 'server')
      .map((e) => e.target),
  );
  const outgoing = routes.filter((e) => e.source === templateId);
  const taken = new Set(doc.nodes.map((n) => n.id));
  const ids = [templateId];
  for (let k = 2; ids.length < count; k++) {
    const id = `${templateId}-x${k}`;
    if (!taken.has(id) || pool.has(id)) ids.push(id);
  }
  const keep = doc.nodes.filter((n) => !pool.has(n.id));
  const clones = ids.map((id, i) => ({
    ...template,
    id,
    label: i === 0 ? template.label : `${template.label ?? templateId} ${i + 1}`,
  })) as ScenarioNode[];
  const edges = [
    ...doc.edges.filter((e) => !pool.has(e.source) && !pool.has(e.target)),
    ...ids.flatMap((id) => [
      ...feeders.map((e) => ({ ...e, id: undefined, target: id })),
      ...outgoing.map((e) => ({ ...e, id: undefined, source: id })),
    ]),
  ].map(({ id, ...e }) => (id === undefined ? e : { id, ...e }));
  const events = doc.events.filter(
    (ev) => ev.node === undefined || !pool.has(ev.node) || ev.node === templateId,
  );
  return { ...doc, nodes: [...keep, ...clones], edges: edges as Scenario['edges'], events };
}
