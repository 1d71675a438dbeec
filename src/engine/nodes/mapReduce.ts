import { MAP_REDUCE_COST_PER_WORKER } from '../../scenario/components/mapReduce.ts';
import type { NodeOfType } from '../../scenario/document.ts';
import { EV } from '../core/eventKinds.ts';
import { OP, OP_KIND } from '../core/ops.ts';
import type { Rng } from '../core/random.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';
import { NodeModel } from './nodeModel.ts';

type MapReduceNode = NodeOfType<'mapReduce'>;

const MAP = 0;
const SHUFFLE = 1;
const REDUCE = 2;
const PHASES = ['map', 'shuffle', 'reduce'] as const;
/** How many finished jobs the report lists (the counters cover them all). */
const JOBS_KEPT = 50;

export interface MapReduceJobReport {
  startS: number;
  inputMB: number;
  splits: number;
  reducers: number;
  mapMs: number;
  shuffleMs: number;
  reduceMs: number;
  totalMs: number;
  /** Tasks run again because a worker died (its running task and the map output it held). */
  tasksRerun: number;
  stragglers: number;
}

interface RunningJob {
  /** The scheduler's call waiting for the result, or null for a "run" event. */
  call: Call | null;
  inputMB: number;
  splits: number;
  startedAt: number;
  phase: number;
  phaseStart: number;
  /** Task ids waiting for a worker in the current phase (a stack). */
  pending: number[];
  doneTasks: number;
  /** Per map task, the worker holding its output (−1 while not done). */
  mapWorker: Int32Array;
  report: MapReduceJobReport;
}

/**
 * A map-reduce cluster of `workers` machines, one job at a time (others wait in line):
 *
 *  1. map: ceil(input / split) tasks of split ÷ map speed each, greedily on free workers;
 *  2. shuffle: all map output crosses the network once (output ÷ network), plus a fixed
 *     cost per fetch — splits × reducers fetches, spread over the live workers;
 *  3. reduce: `reducers` tasks of (output ÷ reducers) ÷ reduce speed each.
 *
 * Any task straggles with `stragglerProbability` and then takes `stragglerSlowdown` times
 * as long; a phase ends with its slowest task. Task times are otherwise exact, so with no
 * stragglers the map phase takes exactly ceil(splits / workers) × task time.
 *
 * A `fail` event takes one worker down: its running task runs again elsewhere, and during the
 * map or shuffle phase so do the map tasks whose output it held (their output is lost with
 * it; the shuffle starts over). The cluster is down only when every worker is. `restore`
 * brings every worker back.
 *
 * Task completions are `timer` events tagged `seq × workers + worker`; the worker's current
 * `seq` tells a live completion from one of a task that died with its worker.
 */
export class MapReduceModel extends NodeModel {
  private readonly alive: Uint8Array;
  private readonly busy: Uint8Array;
  /** Task each busy worker runs. */
  private readonly task: Int32Array;
  private readonly seq: Int32Array;
  private readonly straggling: Uint8Array;
  private deadWorkers = 0;
  private job: RunningJob | null = null;
  private readonly waiting: Array<{ call: Call | null; inputMB: number }> = [];
  private shuffleSeq = 0;
  private readonly rng: Rng;
  private readonly finished: MapReduceJobReport[] = [];
  jobsDone = 0;
  private totalMsSum = 0;
  private readonly phaseMsSum = new Float64Array(3);
  tasksRerun = 0;
  stragglers = 0;

  constructor(
    sim: Simulation,
    index: number,
    readonly node: MapReduceNode,
  ) {
    super(sim, index, node.id, 'mapReduce');
    const w = node.config.workers;
    this.alive = new Uint8Array(w).fill(1);
    this.busy = new Uint8Array(w);
    this.task = new Int32Array(w);
    this.seq = new Int32Array(w);
    this.straggling = new Uint8Array(w);
    this.rng = sim.rng(`mapreduce:${node.id}`);
  }

  capacity(): number {
    return this.node.config.workers;
  }

  costPerMonth(): number {
    return this.node.config.costPerMonth ?? MAP_REDUCE_COST_PER_WORKER * this.node.config.workers;
  }

  /** A scheduler's job: op `mapReduce`, `aux` = its input in MB. */
  receive(call: Call): void {
    if (!this.up) {
      this.sim.failCall(call, CAUSE.nodeDown, this.index);
      return;
    }
    this.stats.arrivals++;
    call.arrivedAt = this.sim.now;
    const inputMB = (call.op & OP_KIND) === OP.mapReduce ? call.aux : this.node.config.inputMB;
    this.submit(call, inputMB);
  }

  /** A "run" event: a job of the configured input size. */
  runJob(): void {
    if (!this.up) return;
    this.stats.arrivals++;
    this.submit(null, this.node.config.inputMB);
  }

  private submit(call: Call | null, inputMB: number): void {
    if (this.job === null) this.begin(call, inputMB);
    else this.waiting.push({ call, inputMB });
  }

  private begin(call: Call | null, inputMB: number): void {
    const c = this.node.config;
    const now = this.sim.now;
    const splits = Math.max(1, Math.ceil(inputMB / c.splitMB));
    this.job = {
      call,
      inputMB,
      splits,
      startedAt: now,
      phase: MAP,
      phaseStart: now,
      pending: Array.from({ length: splits }, (_, i) => splits - 1 - i),
      doneTasks: 0,
      mapWorker: new Int32Array(splits).fill(-1),
      report: {
        startS: now / 1000,
        inputMB,
        splits,
        reducers: c.reducers,
        mapMs: 0,
        shuffleMs: 0,
        reduceMs: 0,
        totalMs: 0,
        tasksRerun: 0,
        stragglers: 0,
      },
    };
    this.assign();
  }

  /** Mean time of one task of the current phase, ms (before any straggling). */
  private taskMs(job: RunningJob): number {
    const c = this.node.config;
    if (job.phase === MAP) return (1000 * Math.min(c.splitMB, job.inputMB)) / c.mapMBps;
    return (1000 * ((job.inputMB * c.outputRatio) / c.reducers)) / c.reduceMBps;
  }

  /** Give pending tasks to free live workers, lowest worker first. */
  private assign(): void {
    const job = this.job;
    if (job === null || job.phase === SHUFFLE) return;
    const c = this.node.config;
    const stats = this.stats;
    const sim = this.sim;
    const w = c.workers;
    for (let i = 0; i < w && job.pending.length > 0; i++) {
      if (this.alive[i] === 0 || this.busy[i] === 1) continue;
      const t = job.pending.pop() as number;
      let ms = this.taskMs(job) * this.slow;
      const straggles = c.stragglerProbability > 0 && this.rng.next() < c.stragglerProbability;
      if (straggles) {
        ms *= c.stragglerSlowdown;
        this.stragglers++;
        job.report.stragglers++;
      }
      stats.advance(sim.now);
      stats.busy++;
      stats.started++;
      this.busy[i] = 1;
      this.task[i] = t;
      this.straggling[i] = straggles ? 1 : 0;
      const s = this.nextSeq(i);
      sim.schedule(sim.now + ms, EV.timer, s * w + i, this);
    }
  }

  private nextSeq(i: number): number {
    const limit = Math.floor(2 ** 31 / this.node.config.workers) - 1;
    const s = ((this.seq[i] as number) + 1) % limit;
    this.seq[i] = s;
    return s;
  }

  override onTimer(tag: number): void {
    if (tag < 0) {
      if (-1 - tag === this.shuffleSeq) this.shuffleDone();
      return;
    }
    const w = this.node.config.workers;
    const i = tag % w;
    if (this.busy[i] !== 1 || Math.floor(tag / w) !== this.seq[i]) return; // died with its worker
    this.free(i);
    const job = this.job as RunningJob;
    const t = this.task[i] as number;
    if (job.phase === MAP) job.mapWorker[t] = i;
    job.doneTasks++;
    const total = job.phase === MAP ? job.splits : this.node.config.reducers;
    if (job.doneTasks === total) this.endPhase(job);
    else this.assign();
  }

  private free(i: number): void {
    this.stats.advance(this.sim.now);
    this.stats.busy--;
    this.busy[i] = 0;
  }

  private endPhase(job: RunningJob): void {
    const now = this.sim.now;
    const c = this.node.config;
    const spent = now - job.phaseStart;
    job.phaseStart = now;
    job.doneTasks = 0;
    if (job.phase === MAP) {
      job.report.mapMs += spent;
      job.phase = SHUFFLE;
      const live = c.workers - this.deadWorkers;
      const ms =
        (1000 * job.inputMB * c.outputRatio) / c.networkMBps + (c.fetchMs * job.splits * c.reducers) / live;
      this.shuffleSeq++;
      this.sim.schedule(now + ms * this.slow, EV.timer, -1 - this.shuffleSeq, this);
    } else {
      job.report.reduceMs += spent;
      this.complete(job);
    }
  }

  private shuffleDone(): void {
    const job = this.job as RunningJob;
    job.report.shuffleMs += this.sim.now - job.phaseStart;
    job.phase = REDUCE;
    job.phaseStart = this.sim.now;
    job.doneTasks = 0;
    const r = this.node.config.reducers;
    job.pending = Array.from({ length: r }, (_, i) => r - 1 - i);
    this.assign();
  }

  private complete(job: RunningJob): void {
    const sim = this.sim;
    job.report.totalMs = sim.now - job.startedAt;
    this.jobsDone++;
    this.totalMsSum += job.report.totalMs;
    this.phaseMsSum[MAP] = (this.phaseMsSum[MAP] as number) + job.report.mapMs;
    this.phaseMsSum[SHUFFLE] = (this.phaseMsSum[SHUFFLE] as number) + job.report.shuffleMs;
    this.phaseMsSum[REDUCE] = (this.phaseMsSum[REDUCE] as number) + job.report.reduceMs;
    this.stats.served++;
    this.stats.timeInNodeSum += job.report.totalMs;
    this.finished.push(job.report);
    if (this.finished.length > JOBS_KEPT) this.finished.shift();
    this.job = null;
    if (job.call !== null) sim.respond(job.call);
    const next = this.waiting.shift();
    if (next !== undefined) this.begin(next.call, next.inputMB);
  }

  /** One worker fails (the highest-numbered live one); the cluster is down when none is left. */
  override fail(): void {
    const w = this.node.config.workers;
    let i = w - 1;
    while (i >= 0 && this.alive[i] === 0) i--;
    if (i < 0) return;
    this.alive[i] = 0;
    this.deadWorkers++;
    const job = this.job;
    if (this.busy[i] === 1) {
      this.free(i);
      this.nextSeq(i); // its completion event is now stale
      if (job !== null) {
        job.pending.push(this.task[i] as number);
        this.rerun(job, 1);
      }
    }
    if (job !== null && (job.phase === MAP || job.phase === SHUFFLE)) {
      // The map output on that machine is gone: those tasks run again.
      let lost = 0;
      for (let t = 0; t < job.splits; t++)
        if (job.mapWorker[t] === i) {
          job.mapWorker[t] = -1;
          job.pending.push(t);
          lost++;
        }
      if (lost > 0) {
        this.rerun(job, lost);
        if (job.phase === SHUFFLE) {
          // Back to the map phase for the lost tasks; the shuffle starts over afterwards.
          job.report.shuffleMs += this.sim.now - job.phaseStart;
          this.shuffleSeq++;
          job.phase = MAP;
          job.phaseStart = this.sim.now;
        }
        job.doneTasks = job.splits - job.pending.length - this.running();
      }
    }
    if (this.deadWorkers === w) {
      this.up = false;
      // Jobs waiting for the cluster are lost with it; the running one stalls until a restore.
      for (const waiting of this.waiting.splice(0))
        if (waiting.call !== null) this.sim.failCall(waiting.call, CAUSE.crash, this.index);
    }
    this.assign();
  }

  private running(): number {
    let n = 0;
    for (let i = 0; i < this.busy.length; i++) n += this.busy[i] as number;
    return n;
  }

  private rerun(job: RunningJob, n: number): void {
    this.tasksRerun += n;
    job.report.tasksRerun += n;
  }

  /** Rebuilt by an edit: as many workers are down as were (of the new cluster's size). */
  override adoptFaultsOf(old: NodeModel): void {
    super.adoptFaultsOf(old);
    if (!(old instanceof MapReduceModel)) return;
    const w = this.node.config.workers;
    this.deadWorkers = Math.min(old.deadWorkers, w);
    for (let i = w - this.deadWorkers; i < w; i++) this.alive[i] = 0;
    this.up = this.deadWorkers < w;
  }

  /** Some workers or all of them are down: a restore brings them all back. */
  override needsRestore(): boolean {
    return !this.up || this.deadWorkers > 0;
  }

  override restore(): void {
    super.restore();
    this.alive.fill(1);
    this.deadWorkers = 0;
    this.assign();
  }

  override forEachHeldCall(visit: (call: Call) => void): void {
    if (this.job?.call) visit(this.job.call);
    for (const w of this.waiting) if (w.call !== null) visit(w.call);
  }

  override onWindowReset(): void {
    this.jobsDone = 0;
    this.totalMsSum = 0;
    this.phaseMsSum.fill(0);
    this.tasksRerun = 0;
    this.stragglers = 0;
  }

  override extraReport(): Record<string, unknown> {
    const job = this.job;
    return {
      jobsDone: this.jobsDone,
      meanJobMs: this.jobsDone > 0 ? this.totalMsSum / this.jobsDone : 0,
      meanMapMs: this.jobsDone > 0 ? (this.phaseMsSum[MAP] as number) / this.jobsDone : 0,
      meanShuffleMs: this.jobsDone > 0 ? (this.phaseMsSum[SHUFFLE] as number) / this.jobsDone : 0,
      meanReduceMs: this.jobsDone > 0 ? (this.phaseMsSum[REDUCE] as number) / this.jobsDone : 0,
      tasksRerun: this.tasksRerun,
      stragglers: this.stragglers,
      liveWorkers: this.node.config.workers - this.deadWorkers,
      running: job === null ? null : { phase: PHASES[job.phase], sinceS: job.startedAt / 1000 },
      jobsWaiting: this.waiting.length,
      jobs: this.finished.map((j) => ({ ...j })),
    };
  }
}
