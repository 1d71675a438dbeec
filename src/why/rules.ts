import type { FaultRecord, Report } from '../engine/index.ts';
import { requestEdges, standbyOf } from '../scenario/edgeKinds.ts';
import type { Scenario, ScenarioNode } from '../scenario/index.ts';
import { count, listOf, ms, percent, plural, rate, seconds } from './format.ts';
import type { RecentState } from './tracker.ts';

/**
 * The Why panel's rules: the bottleneck and the causes of errors, in plain words with the
 * numbers behind them. Pure functions of a report, the scenario and the last few seconds:
 * the worker evaluates them, tests feed them hand-made inputs.
 */
export type Severity = 'critical' | 'warning' | 'info' | 'ok';

export interface Finding {
  /** Stable across updates, for React keys and tests: "overload:web-2". */
  id: string;
  severity: Severity;
  /** One sentence: what is happening, with its numbers. */
  title: string;
  /** Why, and what to do about it. */
  detail: string;
  /** The component it is about, to highlight on the canvas. */
  node?: string;
}

export interface WhyInput {
  scenario: Scenario;
  report: Report;
  recent: RecentState;
  nowS: number;
}

const HOT = 0.95;
const WARM = 0.8;

export function findings(input: WhyInput): Finding[] {
  const out = [
    ...overloads(input),
    ...imbalance(input),
    ...faultFindings(input),
    ...errorFindings(input),
    ...tailFinding(input),
  ];
  if (!out.some((f) => f.severity === 'critical' || f.severity === 'warning')) out.push(...calm(input));
  const rank: Record<Severity, number> = { critical: 0, warning: 1, info: 2, ok: 3 };
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

const nodeIndex = (s: Scenario) => new Map(s.nodes.map((n) => [n.id, n]));

function nameOf(node: ScenarioNode | undefined, id: string): string {
  return node?.label?.trim() ? node.label : id;
}

/** What to do when a component of this type is the bottleneck. */
function advice(node: ScenarioNode | undefined): string {
  switch (node?.type) {
    case 'server':
      return 'add a server behind the balancer or give it more workers';
    case 'database':
      return 'add read replicas or connections, or put a cache in front of it';
    case 'loadBalancer':
      return 'use a hardware balancer or split traffic over two';
    case 'cache':
      return 'give it more threads or shard it over more caches';
    default:
      return 'add capacity';
  }
}

function overloads({ scenario, recent }: WhyInput): Finding[] {
  const byId = nodeIndex(scenario);
  const out: Finding[] = [];
  for (const [id, r] of Object.entries(recent.nodes)) {
    if (!Number.isFinite(r.util) || r.upSeconds === 0) continue;
    const node = byId.get(id);
    const name = nameOf(node, id);
    // Bottleneck law: at utilisation U and throughput X, the node can do about X/U at most.
    const most = r.util > 0.05 ? r.served / r.util : Number.NaN;
    const growing = Number.isFinite(r.queueSlope) && r.queueSlope > 0.5 && r.queue > 1;
    if (r.util >= HOT) {
      out.push({
        id: `overload:${id}`,
        severity: 'critical',
        node: id,
        title: growing
          ? `${name} is ${percent(r.util)} busy and its queue is growing (${count(r.queue)} waiting, +${r.queueSlope.toFixed(1)} a second).`
          : `${name} is ${percent(r.util)} busy: it is the bottleneck (${count(r.queue)} waiting on average).`,
        detail: `It answers ${rate(r.served)}${Number.isFinite(most) ? ` and cannot do much more than ${rate(most)}` : ''}. Requests beyond that wait in its queue, so latency climbs: ${advice(node)}, or balance better.`,
      });
    } else if (r.util >= WARM) {
      out.push({
        id: `warm:${id}`,
        severity: 'warning',
        node: id,
        title: `${name} is ${percent(r.util)} busy.`,
        detail: `Past about 80% busy, waits grow fast: a little more traffic adds a lot of latency (the knee of the queueing curve). ${capitalise(advice(node))} before traffic grows.`,
      });
    }
  }
  return out;
}

function imbalance({ scenario, recent }: WhyInput): Finding[] {
  const out: Finding[] = [];
  for (const lb of scenario.nodes) {
    if (lb.type !== 'loadBalancer' && lb.type !== 'client') continue;
    const targets = requestEdges(scenario)
      .filter((e) => e.source === lb.id)
      .map((e) => e.target);
    const live = targets
      .map((t) => ({ id: t, r: recent.nodes[t] }))
      .filter(
        (x): x is { id: string; r: NonNullable<typeof x.r> } =>
          !!x.r && x.r.upSeconds > 0 && Number.isFinite(x.r.util),
      );
    if (live.length < 2) continue;
    live.sort((a, b) => b.r.util - a.r.util);
    const hot = live[0] as (typeof live)[number];
    const cool = live[live.length - 1] as (typeof live)[number];
    if (hot.r.util - cool.r.util < 0.25 || hot.r.util < 0.5) continue;
    const strategy = (lb.config as { strategy?: string }).strategy ?? 'round-robin';
    const blind = strategy === 'round-robin' || strategy === 'random' || strategy === 'weighted-round-robin';
    out.push({
      id: `imbalance:${lb.id}`,
      severity: 'warning',
      node: hot.id,
      title: `${hot.id} is ${percent(hot.r.util)} busy while ${cool.id} is ${percent(cool.r.util)}.`,
      detail: blind
        ? `${lb.id} uses ${strategy}, which ignores how busy each backend is. With servers of different speed or slow requests, least-connections or power-of-two sends work where there is room.`
        : `${lb.id} uses ${strategy}; the gap comes from the servers themselves (different workers, speed or weight) or from sticky keys.`,
    });
  }
  return out;
}

const causeWords: Record<string, string> = {
  'node-down': 'it was down',
  crash: 'they were in progress when it crashed',
  'queue-full': 'its queue was full',
  timeout: 'users gave up waiting',
  'no-backend': 'no healthy backend was left',
  'edge-cut': 'the connection was cut',
  'no-route': 'there was nowhere to send them',
};

function faultFindings({ scenario, report, nowS }: WhyInput): Finding[] {
  const byId = nodeIndex(scenario);
  const out: Finding[] = [];
  report.faults.forEach((f, i) => {
    if (f.failedRequests === 0 && f.action !== 'fail' && f.action !== 'cut') return;
    const open = f.endS === null || f.endS * 1000 > nowS * 1000;
    const where = f.target;
    const causes = Object.entries(f.errors)
      .sort((a, b) => b[1] - a[1])
      .map(([c]) => causeWords[c] ?? c);
    const span =
      f.firstFailureS !== null && f.lastFailureS !== null
        ? f.lastFailureS - f.firstFailureS < 0.05
          ? `at ${seconds(f.firstFailureS)}`
          : `between ${seconds(f.firstFailureS)} and ${seconds(f.lastFailureS)}`
        : '';
    const noticed = detectionWords(f, byId, scenario);
    if (f.failedRequests === 0) {
      out.push({
        id: `fault:${i}`,
        severity: open ? 'info' : 'ok',
        node: f.action === 'cut' ? undefined : where,
        title: `${where} ${f.action === 'cut' ? 'was cut' : 'went down'} at ${seconds(f.startS)} and no request failed.`,
        detail: noticed
          ? `${noticed} before any request was sent its way, or retries covered for it.`
          : 'Nothing was sent its way, or retries on another backend covered for it.',
      });
      return;
    }
    out.push({
      id: `fault:${i}`,
      severity: open ? 'critical' : 'warning',
      ...(f.action === 'cut' ? {} : { node: where }),
      title: `${plural(f.failedRequests, 'request')} failed at ${where} ${span}: ${listOf(causes)}.`,
      detail: noticed
        ? `${noticed}; until then requests kept going to it.${open ? '' : ` It ${f.action === 'cut' ? 'was healed' : 'recovered'} at ${seconds(f.endS as number)}.`}`
        : open
          ? 'Nothing has stopped sending to it yet: a balancer with health checks, or retries, would route around it.'
          : `It recovered at ${seconds(f.endS as number)}.`,
    });
  });
  return out;
}

function detectionWords(f: FaultRecord, byId: Map<string, ScenarioNode>, scenario: Scenario): string {
  const d = f.detections[0];
  if (!d) return '';
  const by = byId.get(d.by);
  const after = seconds(d.afterMs / 1000);
  // A standby (a pair edge's, or the built-in one) noticed missed heartbeats, not failed checks.
  if (d.by === standbyOf(scenario, f.target) || d.by === `${f.target} standby`)
    return `its standby ${d.by === `${f.target} standby` ? '' : `${d.by} `}took over after the failover time (${after})`;
  if (by?.type === 'loadBalancer') {
    const hc = by.config.healthCheck;
    return `${d.by} needed ${plural(hc.unhealthyThreshold, 'failed health check')} ${hc.unhealthyThreshold === 1 ? 'of' : 'every'} ${seconds(hc.intervalMs / 1000)} to notice (${after})`;
  }
  const threshold = (by?.config as { ejectAfterFailures?: number } | undefined)?.ejectAfterFailures;
  return `${d.by} stopped sending to it after ${threshold ? plural(threshold, 'failure') : 'failures'} in a row (${after})`;
}

function errorFindings({ scenario, report }: WhyInput): Finding[] {
  const byId = nodeIndex(scenario);
  // Failures already explained by a fault, per node and cause.
  const explained = new Map<string, number>();
  for (const f of report.faults)
    for (const [cause, n] of Object.entries(f.errors)) {
      const key = `${f.action === 'cut' ? f.target.split('→')[0] : f.target}|${cause}`;
      explained.set(key, (explained.get(key) ?? 0) + n);
    }
  const out: Finding[] = [];
  for (const [id, node] of Object.entries(report.nodes)) {
    for (const [cause, total] of Object.entries(node.errors)) {
      const n = total - (explained.get(`${id}|${cause}`) ?? 0);
      if (n <= 0) continue;
      const cfg = byId.get(id);
      const name = nameOf(cfg, id);
      const share = report.requests.generated > 0 ? n / report.requests.generated : 0;
      out.push({
        id: `errors:${id}:${cause}`,
        severity: share > 0.01 ? 'critical' : 'warning',
        node: id,
        title: `${plural(n, 'request')} failed at ${name}: ${causeWords[cause] ?? cause} (${percent(share, share < 0.01 ? 2 : 1)} of all).`,
        detail: errorAdvice(cause, cfg, report),
      });
    }
  }
  return out;
}

function errorAdvice(cause: string, node: ScenarioNode | undefined, report: Report): string {
  switch (cause) {
    case 'queue-full': {
      const limit = (node?.config as { queueLimit?: number | null } | undefined)?.queueLimit;
      return `Its queue holds ${limit ?? 'a limited number of'} requests; more are turned away at once. That keeps latency bounded but costs errors: ${advice(node)}.`;
    }
    case 'timeout': {
      const t = node?.type === 'client' ? node.config.timeoutMs : null;
      return `Users wait ${t ? ms(t) : 'a limited time'}; p99 latency is ${ms(report.latencyMs.p99)}. Find the queue that makes answers slow (the busiest component) and relieve it.`;
    }
    case 'no-backend':
      return 'Every backend was down or taken out by health checks. Keep spare servers so one failure leaves others to take the load.';
    case 'no-route':
      return 'It has no connection to a component that can answer: connect it onward.';
    default:
      return 'See the faults above: these failures come from components that were down or cut.';
  }
}

function tailFinding({ scenario, report }: WhyInput): Finding[] {
  const { p50, p99 } = report.latencyMs;
  if (!(p99 > 50 && p50 > 0 && p99 > 5 * p50)) return [];
  const byId = nodeIndex(scenario);
  let worst: { id: string; wait: number } | null = null;
  for (const [id, n] of Object.entries(report.nodes))
    if (n.meanWaitMs > (worst?.wait ?? 0)) worst = { id, wait: n.meanWaitMs };
  return [
    {
      id: 'tail',
      severity: 'info',
      ...(worst ? { node: worst.id } : {}),
      title: `p99 latency (${ms(p99)}) is ${Math.round(p99 / p50)}× the median (${ms(p50)}).`,
      detail: worst
        ? `A few requests wait much longer than most: the longest waits are at ${nameOf(byId.get(worst.id), worst.id)} (${ms(worst.wait)} on average before a worker is free). Queues make tails long.`
        : 'A few requests wait much longer than most: queues make tails long.',
    },
  ];
}

function calm({ scenario, recent }: WhyInput): Finding[] {
  const byId = nodeIndex(scenario);
  let busiest: { id: string; util: number } | null = null;
  for (const [id, r] of Object.entries(recent.nodes))
    if (Number.isFinite(r.util) && r.upSeconds > 0 && r.util > (busiest?.util ?? -1))
      busiest = { id, util: r.util };
  if (!busiest) return [];
  return [
    {
      id: 'calm',
      severity: 'ok',
      node: busiest.id,
      title: `Nothing is near its limit: the busiest component is ${nameOf(byId.get(busiest.id), busiest.id)} at ${percent(busiest.util)}.`,
      detail:
        busiest.util > 0.5
          ? `It is the first to saturate if traffic grows, at about ${percent(1 / busiest.util - 1)} more.`
          : 'There is room for more traffic before anything queues.',
    },
  ];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
