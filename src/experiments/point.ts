import { Simulation } from '../engine/index.ts';
import { restoreScenario } from '../scenario/index.ts';
import { METRICS, type MetricId } from './sweep.ts';

/** One point of an experiment: a full seeded run at full speed, reduced to its results. */
export interface PointJob {
  index: number;
  /** The scenario with the parameter applied (restored again in the worker). */
  scenario: unknown;
  seed: number;
}

export type PointResult =
  | { index: number; ok: true; values: Record<MetricId, number>; simulatedS: number; wallMs: number }
  | { index: number; ok: false; reason: string };

/** Run one point. Pure apart from the clock it reads for `wallMs`. */
export function runPoint(job: PointJob, now: () => number = () => performance.now()): PointResult {
  const restored = restoreScenario(job.scenario);
  if (!restored.ok) return { index: job.index, ok: false, reason: restored.error };
  const start = now();
  try {
    const report = new Simulation(restored.scenario, { seed: job.seed }).run();
    const values = Object.fromEntries(METRICS.map((m) => [m.id, m.read(report)])) as Record<MetricId, number>;
    return {
      index: job.index,
      ok: true,
      values,
      simulatedS: report.engine.simulatedSeconds,
      wallMs: now() - start,
    };
  } catch (e) {
    return { index: job.index, ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
