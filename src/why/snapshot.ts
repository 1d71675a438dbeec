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
  /** Seconds of measured window (after warm-up, or since the last edit). */
  windowS: number;
  /** Where that window starts, simulated seconds. */
  windowStartS: number;
  warmupS: number;
  findings: Finding[];
  theory: TheoryResult;
  latency: { mean: Estimate; p99: Estimate; count: number };
}

export function whySnapshot(sim: Simulation, scenario: Scenario, tracker: WhyTracker): WhySnapshot {
  const report = sim.report();
  const nowS = sim.now / 1000;
  const warmupS = sim.warmupMs / 1000;
  const window = tracker.window();
  const windowS = window.seconds;
  const arrivalRate = tracker.arrivalRates();
  const hasHit = new Set(sim.nodes.filter((n) => n.hasHitRatio).map((n) => n.id));
  const e2e = tracker.endToEnd();
  // Any fault inside the window leaves no steady state to compare with theory.
  const fault = report.faults.find((f) => f.endS === null || f.endS > window.startS);
  const theory: TheoryResult = fault
    ? {
        rows: [],
        gaps: [
          {
            subject: 'this window',
            reason: `${fault.target} ${faultWords(fault.action)} at ${fault.startS.toFixed(1)} s, and closed forms describe a steady state. Reset (or edit) to measure again`,
          },
        ],
      }
    : windowS >= 5
      ? theoryFor(scenario, {
          windowS,
          arrivalRate,
          nodeTimeMs: tracker.nodeTime(),
          hitRatio: tracker.hitRatio((id) => hasHit.has(id)),
          endToEnd: e2e,
          disturbed: new Set(),
        })
      : { rows: [], gaps: [] };
  return {
    atS: nowS,
    windowS,
    windowStartS: window.startS,
    warmupS,
    findings: findings({ scenario, report, recent: tracker.recent(), nowS }),
    theory,
    latency: e2e,
  };
}

function faultWords(action: string): string {
  switch (action) {
    case 'cut':
      return 'was cut';
    case 'fail':
      return 'went down';
    case 'slow':
      return 'was slowed';
    case 'spike':
      return 'spiked';
    case 'flush':
      return 'was flushed';
    default:
      return `had a ${action}`;
  }
}
