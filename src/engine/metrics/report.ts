import { CAUSE_COUNT, causes } from '../core/request.ts';
import type { NodeModel } from '../nodes/nodeModel.ts';
import type { Simulation } from '../simulation.ts';
import type { FailureBlame, FaultRecord } from './faultLog.ts';

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

export interface NodeReport {
  type: NodeModel['kind'];
  up: boolean;
  /** Busy share of capacity over the measured window, 0–1. */
  utilization: number;
  /** Calls arriving at the node in the window. */
  arrivals: number;
  /** Calls the node finished successfully in the window. */
  served: number;
  /** Served per second. */
  throughput: number;
  /** Time-average number waiting for a worker. */
  meanQueueLength: number;
  /** Time-average number at the node (waiting + holding a worker). */
  meanInSystem: number;
  /** Mean wait for a worker, ms. */
  meanWaitMs: number;
  /** Mean time from arrival to answer at this node (downstream calls included), ms. */
  meanTimeMs: number;
  rejected: number;
  /** Failures that arose at this node, by cause. */
  errors: Record<string, number>;
  costPerMonth: number;
  [extra: string]: unknown;
}

export interface TimelinePoint {
  /** End of the interval, simulated seconds. */
  t: number;
  /** Interval length, seconds (1 unless a long run was coarsened). */
  step: number;
  throughput: number;
  errorsPerSecond: number;
  errors: Record<string, number>;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  nodes: Record<
    string,
    {
      utilization: number;
      queue: number;
      served: number;
      failed: number;
      /** Caches only: hits ÷ look-ups in this interval; null when nothing was looked up. */
      hitRatio?: number | null;
    }
  >;
}

/** The result of a run: the CLI's JSON, the UI's summary, the tests' subject. */
export interface Report {
  scenario: { title: string; seed: number; duration: number; warmup: number };
  /** Requests that arrived after warm-up: generated = completed + failed + inFlight. */
  requests: { generated: number; completed: number; failed: number; inFlight: number };
  /** Completed requests per simulated second after warm-up. */
  throughput: number;
  errorRate: number;
  latencyMs: LatencySummary;
  errors: Record<string, number>;
  nodes: Record<string, NodeReport>;
  edges: Array<{ source: string; target: string; sent: number; failed: number }>;
  costPerMonth: number;
  /**
   * Every scenario event (fault, restore, spike, flush, run) and what it caused: user
   * requests failed by cause, who noticed and when, and how long until failures stopped.
   */
  faults: Array<
    FaultRecord & {
      /** First detection (a balancer's health checks, a smart client, a standby), ms after the start. */
      timeToDetectMs: number | null;
      /** From the start until the last user request failed because of it, ms; null if none failed. */
      timeToRecoverMs: number | null;
    }
  >;
  /** What killed me: measured failed user requests by the node where they failed, cause and fault. */
  failures: FailureBlame[];
  timeline: TimelinePoint[];
  engine: { events: number; simulatedSeconds: number; invariantViolations: number };
}

export function buildReport(sim: Simulation): Report {
  const windowMs = sim.windowMs();
  const windowS = windowMs / 1000;
  for (const node of sim.nodes) node.stats.advance(sim.now);
  const [p50, p90, p95, p99, p999] = sim.latency.quantiles([0.5, 0.9, 0.95, 0.99, 0.999]) as number[];
  const errors: Record<string, number> = {};
  causes.forEach((c, i) => {
    errors[c] = sim.failedByCause[i] as number;
  });
  const nodes: Record<string, NodeReport> = {};
  let cost = 0;
  for (const node of sim.nodes) {
    if (node.removed) continue;
    const s = node.stats;
    const cap = node.capacity();
    const nodeErrors: Record<string, number> = {};
    for (let c = 0; c < CAUSE_COUNT; c++)
      if ((s.failed[c] as number) > 0) nodeErrors[causes[c] as string] = s.failed[c] as number;
    const nodeCost = node.costPerMonth();
    cost += nodeCost;
    nodes[node.id] = {
      type: node.kind,
      up: node.up,
      utilization: cap > 0 && windowMs > 0 ? Math.min(1, s.busyArea / (cap * windowMs)) : 0,
      arrivals: s.arrivals,
      served: s.served,
      throughput: windowS > 0 ? s.served / windowS : 0,
      meanQueueLength: windowMs > 0 ? s.queueArea / windowMs : 0,
      meanInSystem: windowMs > 0 ? (s.queueArea + s.busyArea) / windowMs : 0,
      meanWaitMs: s.started > 0 ? s.waitSum / s.started : 0,
      meanTimeMs: s.served > 0 ? s.timeInNodeSum / s.served : 0,
      rejected: s.rejected,
      errors: nodeErrors,
      costPerMonth: nodeCost,
      ...node.extraReport(windowMs),
    };
  }
  return {
    scenario: {
      title: sim.scenario.title,
      seed: sim.seed,
      duration: sim.durationMs / 1000,
      warmup: sim.warmupMs / 1000,
    },
    requests: {
      generated: sim.generated,
      completed: sim.completed,
      failed: sim.failed,
      inFlight: sim.generated - sim.completed - sim.failed,
    },
    throughput: windowS > 0 ? sim.completed / windowS : 0,
    errorRate: sim.generated > 0 ? sim.failed / sim.generated : 0,
    latencyMs: {
      mean: sim.latency.mean(),
      p50: p50 as number,
      p90: p90 as number,
      p95: p95 as number,
      p99: p99 as number,
      p999: p999 as number,
      max: sim.latency.max,
    },
    errors,
    nodes,
    edges: sim.links
      .filter((l) => !l.removed)
      .map((l) => ({
        source: l.source.id,
        target: l.target.id,
        sent: l.sent,
        failed: l.failed,
      })),
    costPerMonth: cost,
    faults: sim.faults.records.map((r) => ({
      ...r,
      errors: { ...r.errors },
      detections: [...r.detections],
      timeToDetectMs: r.detections.length > 0 ? Math.min(...r.detections.map((d) => d.afterMs)) : null,
      timeToRecoverMs: r.lastFailureS === null ? null : (r.lastFailureS - r.startS) * 1000,
    })),
    failures: sim.faults.blameRows(),
    timeline: timelinePoints(sim),
    engine: {
      events: sim.events,
      simulatedSeconds: sim.now / 1000,
      invariantViolations: sim.invariantViolations,
    },
  };
}

function timelinePoints(sim: Simulation): TimelinePoint[] {
  const tl = sim.timeline;
  const out: TimelinePoint[] = [];
  for (let i = 0; i < tl.length; i++) {
    const step = tl.stepOf(i);
    const errs: Record<string, number> = {};
    for (let c = 0; c < CAUSE_COUNT; c++) {
      const v = tl.failedByCause[i * CAUSE_COUNT + c] as number;
      if (v > 0) errs[causes[c] as string] = v;
    }
    const nodes: TimelinePoint['nodes'] = {};
    sim.nodes.forEach((node, k) => {
      if (node.removed || k >= tl.nodeCount) return;
      const j = i * tl.nodeCount + k;
      const point: TimelinePoint['nodes'][string] = {
        utilization: round4(tl.nodeUtil[j] as number),
        queue: round4(tl.nodeQueue[j] as number),
        served: round4(tl.nodeServed[j] as number),
        failed: round4(tl.nodeFailed[j] as number),
      };
      if (node.hasHitRatio) {
        const lookups = tl.nodeLookups[j] as number;
        point.hitRatio = lookups > 0 ? round4((tl.nodeHits[j] as number) / lookups) : null;
      }
      nodes[node.id] = point;
    });
    out.push({
      t: tl.end[i] as number,
      step,
      throughput: (tl.completed[i] as number) / step,
      errorsPerSecond: (tl.failed[i] as number) / step,
      errors: errs,
      latencyMs: {
        mean: tl.mean[i] as number,
        p50: tl.p50[i] as number,
        p95: tl.p95[i] as number,
        p99: tl.p99[i] as number,
        max: tl.max[i] as number,
      },
      nodes,
    });
  }
  return out;
}

function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
