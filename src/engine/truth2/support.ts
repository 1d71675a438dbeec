/**
 * Small helpers for the truth tests of caches, queues and the rest of issue 3: scenario
 * documents from compact specs, and runs that keep the Simulation for a look inside.
 */
import { restoreOrThrow } from '../../scenario/restore.ts';
import { type Report, Simulation } from '../index.ts';

export type Doc = Record<string, unknown>;

export interface Spec {
  id: string;
  type: string;
  config?: Record<string, unknown>;
}

/** A scenario document: durations in seconds, edges as [source, target] or [source, target, latencyMs]. */
export function scenario(
  duration: number,
  warmup: number,
  nodes: Spec[],
  edges: Array<[string, string] | [string, string, number]>,
  events: Doc[] = [],
  seed = 1,
): Doc {
  return {
    type: 'scalelab-scenario',
    version: 1,
    seed,
    duration,
    warmup,
    nodes,
    edges: edges.map(([source, target, latencyMs]) => ({ source, target, latencyMs: latencyMs ?? 0 })),
    events,
  };
}

export function run(doc: Doc, seed?: number): { sim: Simulation; report: Report } {
  const sim = new Simulation(restoreOrThrow(doc), seed === undefined ? {} : { seed });
  const report = sim.run();
  if (report.engine.invariantViolations !== 0) throw new Error('engine invariant violated');
  return { sim, report };
}

/** A field of a node's report, as a number. */
export function num(report: Report, node: string, field: string): number {
  const v = report.nodes[node]?.[field];
  if (typeof v !== 'number') throw new Error(`${node}.${field} is not a number`);
  return v;
}

export const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
