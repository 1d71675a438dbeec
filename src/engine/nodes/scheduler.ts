import { SCHEDULER_COST_PER_MONTH } from '../../scenario/components/scheduler.ts';
import type { NodeOfType } from '../../scenario/document.ts';
import { EV } from '../core/eventKinds.ts';
import { Job, type JobHome } from '../core/job.ts';
import type { Link } from '../core/link.ts';
import { OP } from '../core/ops.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';
import { NodeModel } from './nodeModel.ts';

type SchedulerNode = NodeOfType<'scheduler'>;

/** How many runs the report lists (the counters cover them all). */
const RUNS_KEPT = 50;

export interface SchedulerRun {
  startS: number;
  /** When the last of its jobs answered; null while some are still out. */
  endS: number | null;
  jobs: number;
  done: number;
  failed: number;
}

/**
 * Cron: every `everyS` seconds from `firstAtS`, start a run of `jobs` jobs on every target —
 * publish them to a queue, or send them as batch work (op `batch`, `aux` = work ms) to
 * servers, a balancer or a database, where they hold workers or connections like user
 * requests do; a map-reduce cluster gets one job of `inputMB` per run. The jobs are not user
 * requests: they never count in the latency or the error rate, only here.
 *
 * Each job is the root of its own calls; `stage` holds its run's number.
 */
export class SchedulerModel extends NodeModel implements JobHome {
  private readonly runs: SchedulerRun[] = [];
  private runCount = 0;
  /** The runs still open, by number (a run closes when all its jobs have answered). */
  private readonly open = new Map<number, SchedulerRun>();
  jobsSent = 0;
  jobsDone = 0;
  jobsFailed = 0;
  private runTimeSum = 0;
  private runsClosed = 0;

  constructor(
    sim: Simulation,
    index: number,
    readonly node: SchedulerNode,
  ) {
    super(sim, index, node.id, 'scheduler');
  }

  override init(): void {
    const c = this.node.config;
    const now = this.sim.now;
    let at = c.firstAtS * 1000;
    // Rebuilt by an edit while running: the next run on the same timetable, not the runs the
    // old one already made (those due at this very moment have run).
    if (at < now || (at === now && now > 0)) {
      const every = c.everyS * 1000;
      at += (Math.floor((now - at) / every) + 1) * every;
    }
    if (at <= this.sim.durationMs && this.out.length > 0) this.sim.schedule(at, EV.timer, 0, this);
  }

  capacity(): number {
    return 0;
  }

  costPerMonth(): number {
    return this.node.config.costPerMonth ?? SCHEDULER_COST_PER_MONTH;
  }

  receive(call: Call): void {
    this.sim.failCall(call, CAUSE.noRoute, this.index);
  }

  override onTimer(): void {
    if (this.retired) return;
    const sim = this.sim;
    if (this.up) this.startRun();
    const next = sim.now + this.node.config.everyS * 1000;
    if (next <= sim.durationMs) sim.schedule(next, EV.timer, 0, this);
  }

  private startRun(): void {
    const sim = this.sim;
    const c = this.node.config;
    const n = this.runCount++;
    const run: SchedulerRun = { startS: sim.now / 1000, endS: null, jobs: 0, done: 0, failed: 0 };
    this.runs.push(run);
    if (this.runs.length > RUNS_KEPT) this.runs.shift();
    this.open.set(n, run);
    const measured = sim.now >= sim.warmupMs;
    for (const link of this.out) {
      const kind = link.target.kind;
      if (kind === 'mapReduce') this.send(run, n, link, OP.mapReduce, c.inputMB, 0, measured);
      else {
        const op = kind === 'queue' ? OP.publish : OP.batch;
        for (let i = 0; i < c.jobs; i++) this.send(run, n, link, op, c.jobTimeMs, i, measured);
      }
    }
    if (run.jobs === 0) this.close(n, run);
  }

  private send(
    run: SchedulerRun,
    n: number,
    link: Link,
    op: number,
    aux: number,
    key: number,
    measured: boolean,
  ) {
    const job = new Job(this, this.sim.now, aux, key, measured, true);
    job.stage = n;
    run.jobs++;
    this.jobsSent++;
    this.sim.send(job, link, op, aux);
  }

  override onChildResponse(job: Call, child: Call): void {
    if (child.ok) this.jobsDone++;
    else this.jobsFailed++;
    const run = this.open.get(job.stage);
    if (run === undefined) return;
    if (child.ok) run.done++;
    else run.failed++;
    if (run.done + run.failed === run.jobs) this.close(job.stage, run);
  }

  private close(n: number, run: SchedulerRun): void {
    run.endS = this.sim.now / 1000;
    this.open.delete(n);
    this.runsClosed++;
    this.runTimeSum += (run.endS - run.startS) * 1000;
  }

  // The scheduler's jobs never wait in a queue of its own.
  jobDone(): void {}
  jobReturned(): void {}

  override onWindowReset(): void {
    this.jobsSent = 0;
    this.jobsDone = 0;
    this.jobsFailed = 0;
    this.runTimeSum = 0;
    this.runsClosed = 0;
  }

  override extraReport(): Record<string, unknown> {
    return {
      runs: this.runCount,
      jobsSent: this.jobsSent,
      jobsDone: this.jobsDone,
      jobsFailed: this.jobsFailed,
      /** Mean time from a run's start to its last job's answer. */
      meanRunMs: this.runsClosed > 0 ? this.runTimeSum / this.runsClosed : 0,
      lastRuns: this.runs.map((r) => ({ ...r })),
    };
  }
}
