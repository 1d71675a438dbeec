import type { RunSnapshot } from '../exercises/checks.ts';
import type { Scenario } from '../scenario/index.ts';
import { type WhySnapshot, whySnapshot } from '../why/snapshot.ts';
import { WhyTracker } from '../why/tracker.ts';
import type { Frame, Layout } from './frameFormat.ts';
import type { ApplyResult, LiveFault } from './liveFault.ts';
import type { Speed } from './pacing.ts';
import { type HostTimers, type ReconfigureResult, RunHost } from './runHost.ts';

/**
 * Everything the page may ask of the run worker. `run.worker.ts` exposes exactly this with
 * Comlink; Node tests call it directly. Every method answers within one slice of simulation.
 */
export interface RunApi {
  load(scenario: Scenario, seed?: number): { ok: true; layout: Layout } | { ok: false; reason: string };
  reset(): Layout | null;
  play(): void;
  pause(): void;
  step(): void;
  setSpeed(speed: Speed): void;
  apply(fault: LiveFault): ApplyResult;
  reconfigure(scenario: Scenario): ReconfigureResult;
  canReconfigure(): boolean;
  /** The next frame, or null when nothing changed. `force`: send one anyway (after a restart). */
  pull(force?: boolean): Frame | null;
  /** The Why panel's findings and theory for the run as it is now. */
  why(): WhySnapshot | null;
  /**
   * What the run has seen so far, for a lesson's guided steps: simulated seconds, the faults
   * applied (scheduled or clicked), and the whole-run report once it has finished.
   */
  seen(): RunSnapshot | null;
}

export function createRunApi(timers: HostTimers): RunApi {
  let tracker: WhyTracker | null = null;
  const host = new RunHost({
    timers,
    onSimulation: (sim) => {
      tracker = new WhyTracker(sim);
    },
    onSecond: (sim) => tracker?.onSecond(sim),
  });
  return {
    load: (scenario, seed) => host.load(scenario, seed),
    reset: () => host.reset(),
    play: () => host.play(),
    pause: () => host.pause(),
    step: () => host.step(),
    setSpeed: (speed) => host.setSpeed(speed),
    apply: (fault) => host.apply(fault),
    reconfigure: (scenario) => {
      const r = host.reconfigure(scenario);
      const sim = host.simulation;
      if (r.ok && sim) {
        tracker?.relayout(sim);
        tracker?.restartWindow(sim);
      }
      return r;
    },
    canReconfigure: () => host.canReconfigure(),
    pull: (force) => host.pull(force),
    why: () => {
      const sim = host.simulation;
      const scenario = host.currentScenario;
      if (!sim || !scenario || !tracker || host.runStatus === 'error') return null;
      return whySnapshot(sim, scenario, tracker);
    },
    seen: () => {
      const sim = host.simulation;
      if (!sim || host.runStatus === 'error') return null;
      return {
        seconds: sim.now / 1000,
        faults: sim.faults.records.map((r) => ({ action: r.action, target: r.target })),
        report: sim.finished ? sim.report() : null,
      };
    },
  };
}
