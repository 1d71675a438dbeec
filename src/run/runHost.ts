import { Simulation } from '../engine/index.ts';
import { restoreScenario, type Scenario, type ScenarioEvent } from '../scenario/index.ts';
import { FaultMarkers } from './faultMarkers.ts';
import { FrameBuilder } from './frameBuilder.ts';
import type { Frame, Layout, RunStatus } from './frameFormat.ts';
import { type ApplyResult, type LiveFault, toScenarioEvent } from './liveFault.ts';
import { ChunkSizer, isSpeed, Pacer, type Speed, SpeedMeter } from './pacing.ts';
import { describeEdit } from './scenarioDiff.ts';

/** The wall clock and a way to run something later: injected, so Node tests can fake both. */
export interface HostTimers {
  now(): number;
  /** Run `fn` after about `delayMs` (0: as soon as pending messages were handled). */
  later(fn: () => void, delayMs: number): void;
}

export interface RunHostOptions {
  timers: HostTimers;
  /** Most wall time one slice may run before yielding to messages (pulls, clicks). */
  sliceBudgetMs?: number;
  /** Wall ms between slices once the run has caught up with the clock. */
  idleDelayMs?: number;
  /** Hook for observers of each simulated second (the Why tracker). */
  onSecond?: (sim: Simulation) => void;
  /** Called after a new simulation is created (load, reset). */
  onSimulation?: (sim: Simulation, scenario: Scenario) => void;
}

export type ReconfigureResult = { ok: true; atS: number; label: string } | { ok: false; reason: string };

/**
 * The worker side of a live run: owns the simulation and paces it against the wall clock in
 * short slices, so it always answers the page within a slice. The page pulls frames (at most
 * one per animation frame) and sends commands. Nothing here touches the DOM or Comlink:
 * `run.worker.ts` exposes it, tests drive it directly.
 */
export class RunHost {
  private sim: Simulation | null = null;
  private scenario: Scenario | null = null;
  private seed: number | undefined;
  private status: RunStatus = 'idle';
  private readonly pacer = new Pacer();
  private readonly meter = new SpeedMeter();
  private readonly chunks = new ChunkSizer();
  private readonly frames = new FrameBuilder();
  private readonly faults = new FaultMarkers();
  /** Bumped to cancel the scheduled slice. */
  private loop = 0;
  private lagUntil = Number.NEGATIVE_INFINITY;
  private readonly timers: HostTimers;
  private readonly budgetMs: number;
  private readonly idleDelayMs: number;

  constructor(private readonly options: RunHostOptions) {
    this.timers = options.timers;
    this.budgetMs = options.sliceBudgetMs ?? 10;
    this.idleDelayMs = options.idleDelayMs ?? 5;
  }

  /** Load a scenario (restored here again: the worker trusts no input) at time 0, paused. */
  load(input: unknown, seed?: number): { ok: true; layout: Layout } | { ok: false; reason: string } {
    const restored = restoreScenario(input);
    if (!restored.ok) {
      this.stop('error');
      return { ok: false, reason: restored.error };
    }
    this.scenario = restored.scenario;
    this.seed = seed;
    const layout = this.start();
    return layout ? { ok: true, layout } : { ok: false, reason: 'The simulation could not start.' };
  }

  /** Back to time 0 with the same scenario and seed: the same run again. */
  reset(): Layout | null {
    if (!this.scenario) return null;
    return this.start();
  }

  play(): void {
    const sim = this.sim;
    if (!sim || this.status === 'error' || this.status === 'running') return;
    if (sim.finished) return;
    this.status = 'running';
    const wall = this.timers.now();
    this.pacer.anchor(wall, sim.now);
    this.meter.clear();
    this.meter.sample(wall, sim.now);
    this.schedule(0);
  }

  pause(): void {
    if (this.status !== 'running') return;
    this.status = 'paused';
    this.loop++;
    this.meter.clear();
  }

  /** Run to the end of the next simulated second (or the end of the run), then pause. */
  step(): void {
    const sim = this.sim;
    if (!sim || this.status === 'error') return;
    this.pause();
    if (sim.finished) return;
    const next = (Math.floor(sim.now / 1000) + 1) * 1000;
    if (this.guard(() => sim.runUntil(next))) {
      this.collectMarkers();
      this.status = sim.finished ? 'finished' : 'paused';
    }
  }

  setSpeed(speed: Speed): void {
    if (!isSpeed(speed)) return;
    const wall = this.timers.now();
    this.pacer.setSpeed(speed, wall, this.sim?.now ?? 0);
    this.meter.clear();
    this.meter.sample(wall, this.sim?.now ?? 0);
    this.lagUntil = Number.NEGATIVE_INFINITY;
  }

  /** Apply a fault at the current simulated time. */
  apply(fault: LiveFault): ApplyResult {
    const sim = this.sim;
    if (!sim) return { ok: false, reason: 'Nothing is running: press Run first.' };
    if (this.status === 'error')
      return { ok: false, reason: 'The run stopped with an error: restart it first.' };
    if (sim.finished) return { ok: false, reason: 'The run is over: reset it to try a fault.' };
    const problem = faultProblem(sim, fault);
    if (problem) return { ok: false, reason: problem };
    const event: ScenarioEvent = toScenarioEvent(fault, sim.now / 1000);
    const ok = this.guard(() => sim.apply({ ...event, at: sim.now / 1000 }));
    if (!ok) return { ok: false, reason: 'The simulation stopped while applying the fault.' };
    this.collectMarkers();
    return { ok: true, atS: sim.now / 1000, event };
  }

  /**
   * Apply an edited document at the current simulated time, without restarting (the engine's
   * `reconfigure`: changed nodes get fresh models while the old ones drain, new ones start
   * empty). The edit becomes a marker on the charts.
   */
  reconfigure(input: unknown): ReconfigureResult {
    const sim = this.sim;
    const before = this.scenario;
    if (!sim || !before) return { ok: false, reason: 'Nothing is running.' };
    if (this.status === 'error')
      return { ok: false, reason: 'The run stopped with an error: restart it first.' };
    if (sim.finished) return { ok: false, reason: 'The run is over: reset to run the edited scenario.' };
    const restored = restoreScenario(input);
    if (!restored.ok) return { ok: false, reason: restored.error };
    const next = restored.scenario;
    const label = describeEdit(before, next);
    if (!this.guard(() => sim.reconfigure(next))) return { ok: false, reason: 'The simulation stopped.' };
    this.scenario = next;
    const atS = sim.now / 1000;
    this.frames.setLayout(sim, false);
    this.frames.mark({ t: atS, kind: 'edit', label });
    return { ok: true, atS, label };
  }

  /** Whether edits can be applied to this run now. */
  canReconfigure(): boolean {
    return this.sim !== null && this.status !== 'error';
  }

  /** The next frame: every second ended since the last one, and the state now. */
  pull(force = false): Frame | null {
    const wall = this.timers.now();
    const running = this.status === 'running';
    return this.frames.take(
      this.sim,
      {
        status: this.status,
        achievedSpeed: running ? this.meter.speed(wall) : 0,
        lagging: running && wall < this.lagUntil,
      },
      force,
    );
  }

  get simulation(): Simulation | null {
    return this.sim;
  }

  get currentScenario(): Scenario | null {
    return this.scenario;
  }

  get runStatus(): RunStatus {
    return this.status;
  }

  // ——— Internals ———

  private start(): Layout | null {
    const scenario = this.scenario as Scenario;
    this.loop++;
    this.frames.clear();
    this.faults.reset();
    this.meter.clear();
    this.lagUntil = Number.NEGATIVE_INFINITY;
    let sim: Simulation | null = null;
    const ok = this.guard(() => {
      sim = new Simulation(scenario, {
        ...(this.seed !== undefined ? { seed: this.seed } : {}),
        onTick: (s) => {
          this.frames.record(s);
          this.options.onSecond?.(s);
        },
      });
    });
    if (!ok || !sim) {
      this.sim = null;
      return null;
    }
    this.sim = sim;
    this.status = 'paused';
    this.options.onSimulation?.(sim, scenario);
    return this.frames.setLayout(sim, true);
  }

  private schedule(delay: number): void {
    const token = ++this.loop;
    this.timers.later(() => this.slice(token), delay);
  }

  /** Advance toward the wall-clock target for at most one budget, then yield. */
  private slice(token: number): void {
    const sim = this.sim;
    if (token !== this.loop || this.status !== 'running' || !sim) return;
    const timers = this.timers;
    const start = timers.now();
    const target = Math.min(this.pacer.target(start), sim.durationMs);
    let wall = start;
    const ok = this.guard(() => {
      while (sim.now < target && wall - start < this.budgetMs) {
        const from = sim.now;
        const until = Math.min(target, from + this.chunks.chunk);
        sim.runUntil(until);
        const after = timers.now();
        this.chunks.observe(until - from, after - wall);
        wall = after;
      }
    });
    if (!ok) return;
    this.collectMarkers();
    this.meter.sample(wall, sim.now);
    if (this.pacer.settle(wall, sim.now)) this.lagUntil = wall + 1000;
    if (sim.finished) {
      this.status = 'finished';
      return;
    }
    this.schedule(sim.now >= target ? this.idleDelayMs : 0);
  }

  private collectMarkers(): void {
    const sim = this.sim;
    if (!sim) return;
    for (const m of this.faults.collect(sim.faults.records, sim.now)) this.frames.mark(m);
  }

  /** Run `fn`; if the engine throws, stop with a clear message instead of dying. */
  private guard(fn: () => void): boolean {
    try {
      fn();
      return true;
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      this.frames.fail(
        `The simulation stopped at ${((this.sim?.now ?? 0) / 1000).toFixed(1)} s: ${detail}. Your scenario is untouched.`,
      );
      this.stop('error');
      return false;
    }
  }

  private stop(status: RunStatus): void {
    this.status = status;
    this.loop++;
  }
}

/** A fault that names nothing in this run, or that this node cannot take. */
function faultProblem(sim: Simulation, fault: LiveFault): string | null {
  if (!('node' in fault)) {
    const { source, target } = fault;
    const link = sim.links.find((l) => !l.removed && l.source.id === source && l.target.id === target);
    return link ? null : `There is no connection from ${source} to ${target} in this run.`;
  }
  const node = sim.byId.get(fault.node);
  if (!node) return `There is no component "${fault.node}" in this run.`;
  if (fault.action === 'spike' && node.kind !== 'client')
    return 'Only users (a client) can spike their traffic.';
  if (fault.action !== 'spike' && node.kind === 'client')
    return 'Users cannot fail or slow down; spike their traffic instead.';
  return null;
}
