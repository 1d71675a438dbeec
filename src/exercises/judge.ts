import type { Report } from '../engine/index.ts';
import type { Condition } from './goals.ts';
import { formatValue, type MetricId, metricDef } from './metrics.ts';

/** One condition of a goal, measured. */
export interface ConditionResult {
  label: string;
  metric: MetricId;
  node?: string;
  type?: string;
  /** The measured value (ratios 0–1, times in ms), or null when it could not be measured. */
  measured: number | null;
  /** "182 ms", "0.85%", or why nothing was measured. */
  measuredText: string;
  target: { min?: number; max?: number };
  /** "≤ 150 ms", "≥ 60%", "between 200 and 260 ms". */
  targetText: string;
  passed: boolean;
  /** For a failed condition: the author's hint, or the metric's general one. */
  hint: string | null;
}

export function targetText(c: Pick<Condition, 'metric' | 'min' | 'max'>): string {
  const unit = metricDef(c.metric as MetricId).unit;
  if (c.min !== undefined && c.max !== undefined)
    return `between ${formatValue(c.min, unit)} and ${formatValue(c.max, unit)}`;
  if (c.max === 0 && unit === 'count') return '= 0';
  if (c.max !== undefined) return `≤ ${formatValue(c.max, unit)}`;
  return `≥ ${formatValue(c.min as number, unit)}`;
}

/** "p99 latency ≤ 150 ms", "hit ratio of the caches ≥ 60%", "time to notice the fault on web-1 ≤ 1,000 ms". */
export function conditionLabel(c: Condition): string {
  if (c.label) return c.label;
  const def = metricDef(c.metric as MetricId);
  let subject = def.label;
  if (c.metric === 'errors' && c.cause) subject = `${subject} (${c.cause})`;
  if (def.scope === 'fault') subject = `${subject} ${c.node}`;
  else if (c.metric === 'load') subject = `${subject} ${c.node ?? `the ${plural(c.type as string)}`}`;
  else if (c.node !== undefined) subject = `${subject} ${def.preposition ?? 'of'} ${c.node}`;
  else if (c.type !== undefined)
    subject =
      c.metric === 'utilization'
        ? `${subject} of the busiest ${typeName(c.type)}`
        : `${subject} ${def.preposition ?? 'of'} the ${plural(c.type)}`;
  return `${capitalise(subject)} ${targetText(c)}`;
}

export function measureCondition(c: Condition, report: Report): ConditionResult {
  const metric = c.metric as MetricId;
  const def = metricDef(metric);
  const m = def.measure(report, { node: c.node, type: c.type }, c.cause);
  const passed =
    m.value !== null &&
    (c.min === undefined || m.value >= c.min) &&
    (c.max === undefined || m.value <= c.max);
  const target: ConditionResult['target'] = {};
  if (c.min !== undefined) target.min = c.min;
  if (c.max !== undefined) target.max = c.max;
  const result: ConditionResult = {
    label: conditionLabel(c),
    metric,
    measured: m.value,
    measuredText: m.value === null ? `not measured: ${m.why}` : formatValue(m.value, def.unit),
    target,
    targetText: targetText(c),
    passed,
    hint: passed ? null : (c.hint ?? def.hint),
  };
  if (c.node !== undefined) result.node = c.node;
  if (c.type !== undefined) result.type = c.type;
  return result;
}

/** A condition that could not be measured because the run never happened. */
export function unmeasured(c: Condition, why: string): ConditionResult {
  const result: ConditionResult = {
    label: conditionLabel(c),
    metric: c.metric as MetricId,
    measured: null,
    measuredText: `not measured: ${why}`,
    target: {
      ...(c.min === undefined ? {} : { min: c.min }),
      ...(c.max === undefined ? {} : { max: c.max }),
    },
    targetText: targetText(c),
    passed: false,
    hint: null,
  };
  if (c.node !== undefined) result.node = c.node;
  if (c.type !== undefined) result.type = c.type;
  return result;
}

const PLURALS: Record<string, string> = {
  client: 'clients',
  loadBalancer: 'load balancers',
  server: 'servers',
  database: 'databases',
  cache: 'caches',
  cdn: 'CDNs',
  queue: 'queues',
  workerPool: 'worker pools',
};

export function plural(type: string): string {
  return PLURALS[type] ?? `${type} nodes`;
}

/** "load balancer", "worker pool", "CDN". */
export function typeName(type: string): string {
  const p = PLURALS[type];
  return p ? p.replace(/s$/, '') : type;
}

function capitalise(s: string): string {
  // "p99 latency" stays lower-case: that is how percentiles are written.
  return /^p\d/.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1);
}
