import type { Simulation } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { Estimate } from './batchMeans.ts';
import { type Finding, findings } from './rules.ts';
import { type TheoryResult, theoryFor } from './theory.ts';
import type { WhyTracker } from './tracker.ts';

/** What the Why panel shows: computed in the worker, small enough to post as JSON. */
export interface WhySnapshot {
  /** Simulated second it describes. */
  atS: number;
  /** Seconds of measured window (after warm-up). */
  windowS: number;
  warmupS: number;
  findings: Finding[];
  theory: TheoryResult;
  latency: { mean: Estimate; p99: Estimate; count: number };
}

export function whySnapshot(sim: Simulation, scenario: Scenario, tracker: WhyTracker): WhySnapshot {
  const report = sim.report();
  const windowS = sim.windowMs() / 1000;
  const nowS = sim.now / 1000;
  const warmupS = sim.warmupMs / 1000;
  const arrivalRate: Record<string, number> = {};
  for (const [id, n] of Object.entries(report.nodes))
    arrivalRate[id] = windowS > 0 ? n.arrivals / windowS : 0;
  // Any fault inside the measured window leaves no steady state to compare with theory.
  const disturbed = new Set<string>();
  const faulty = report.faults.some((f) => f.endS === null || f.endS > warmupS);
  if (faulty) for (const n of scenario.nodes) disturbed.add(n.id);
  const hasHit = new Set(sim.nodes.filter((n) => n.hasHitRatio).map((n) => n.id));
  const e2e = tracker.endToEnd();
  const theory =
    windowS >= 5
      ? theoryFor(scenario, {
          windowS,
          arrivalRate,
          nodeTimeMs: tracker.nodeTime(),
          hitRatio: tracker.hitRatio((id) => hasHit.has(id)),
          endToEnd: e2e,
          disturbed,
        })
      : { rows: [], gaps: [] };
  return {
    atS: nowS,
    windowS,
    warmupS,
    findings: findings({ scenario, report, recent: tracker.recent(), nowS }),
    theory,
    latency: e2e,
  };
}
