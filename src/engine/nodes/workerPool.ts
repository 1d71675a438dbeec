import { WORKER_COST_PER_MONTH } from '../../scenario/components/workerPool.ts';
import type { NodeOfType } from '../../scenario/document.ts';
import { Router } from '../balancing/router.ts';
import { EV } from '../core/eventKinds.ts';
import type { Job } from '../core/job.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';
import { NodeModel } from './nodeModel.ts';
import type { QueueModel } from './queue.ts';
import { createServiceSampler } from './serviceTime.ts';
import { Station } from './station.ts';

type WorkerPoolNode = NodeOfType<'workerPool'>;

/**
 * Consumers of a queue: `workers` jobs at a time. A job takes its work time on a worker
 * (drawn from the pool's distribution), then calls the pool's targets in turn (a database
 * to write to, a service), like a server does. Done: the queue hears of it. A call that
 * fails, or a crash of the pool, gives the job back to its queue to run again — the worker
 * never acknowledged it. The pool has no waiting line of its own: the queue is the line.
 */
export class WorkerPoolModel extends NodeModel {
  station!: Station;
  private deps: Router[] = [];
  /** Queues feeding this pool: told when a worker frees up. */
  private readonly sources: QueueModel[] = [];
  done = 0;
  lost = 0;

  constructor(
    sim: Simulation,
    index: number,
    readonly node: WorkerPoolNode,
  ) {
    super(sim, index, node.id, 'workerPool');
  }

  override init(): void {
    const c = this.node.config;
    this.station = new Station(
      this,
      c.workers,
      null,
      createServiceSampler(c.serviceDistribution, c.serviceCv, this.sim.rng(`service:${this.id}`)),
    );
    const single = {
      strategy: 'round-robin' as const,
      retries: 0,
      virtualNodes: 100,
      passive: null,
      rng: this.sim.rng(`route:${this.id}`),
    };
    const byKind = (k: string) => this.out.filter((l) => l.target.kind === k);
    this.deps = [...byKind('database'), ...byKind('loadBalancer')].map((l) => new Router(this, [l], single));
    const servers = byKind('server');
    if (servers.length > 0) this.deps.push(new Router(this, servers, single));
    // The queues feeding it (they also register themselves; a pool rebuilt by an edit while
    // running finds them here).
    for (const l of this.sim.links)
      if (l.target === this && !l.removed && l.source.kind === 'queue')
        this.consumeFrom(l.source as QueueModel);
    // Ask for work once everything is wired (a pool rebuilt mid-run may face a backlog).
    this.sim.schedule(this.sim.now, EV.timer, 0, this);
  }

  override onTimer(): void {
    this.pumpSources();
  }

  consumeFrom(queue: QueueModel): void {
    if (!this.sources.includes(queue)) this.sources.push(queue);
  }

  capacity(): number {
    return this.node.config.workers;
  }

  costPerMonth(): number {
    return (
      this.node.config.costPerMonth ?? WORKER_COST_PER_MONTH * Math.max(1, Math.ceil(this.capacity() / 4))
    );
  }

  hasFreeWorker(): boolean {
    return this.up && !this.retired && this.station.busy < this.station.workers;
  }

  /** Requests do not come here; jobs do, through `start`. */
  receive(call: Call): void {
    this.sim.failCall(call, CAUSE.noRoute, this.index);
  }

  /** A queue hands over a job; a worker is free (`hasFreeWorker`). */
  start(job: Job): void {
    job.node = this;
    job.alive = true;
    job.stage = 0;
    job.backend = -1;
    this.station.arrive(job, job.work);
  }

  override onServiceDone(call: Call): void {
    if (!call.alive) return;
    call.stage = 0;
    this.next(call);
  }

  private next(call: Call): void {
    const dep = this.deps[call.stage];
    if (dep === undefined) {
      this.finish(call as Job);
      return;
    }
    call.attempts = 0;
    call.lastFailed = -1;
    dep.dispatch(call);
  }

  override onChildResponse(call: Call, child: Call): void {
    if (!call.alive) return;
    const dep = this.deps[call.stage] as Router;
    if (dep.handleResponse(call, child)) return;
    if (child.ok) {
      call.stage++;
      this.next(call);
      return;
    }
    // The write failed: the job was not acknowledged, so the queue will deliver it again.
    this.station.release(call);
    this.giveBack(call as Job);
    this.pumpSources();
  }

  private finish(job: Job): void {
    this.done++;
    this.stats.served++;
    this.stats.timeInNodeSum += this.sim.now - this.station.arrivedAtOf(job);
    this.station.release(job);
    job.queue.jobDone(job);
    this.pumpSources();
  }

  private giveBack(job: Job): void {
    this.lost++;
    // A new generation: events and answers still on their way for the old run are ignored.
    job.gen++;
    job.queue.jobReturned(job);
  }

  private pumpSources(): void {
    for (const q of this.sources) {
      if (!this.hasFreeWorker()) return;
      q.pump();
    }
  }

  /** Jobs on a worker or waiting for a call (for the job audit in tests). */
  forEachHeldJob(visit: (job: Job) => void): void {
    this.station.forEachCall((c) => {
      visit(c as Job);
    });
  }

  override fail(): void {
    super.fail();
    const lost = this.station.crash();
    for (const job of lost) this.deps[job.stage]?.abandon(job);
    for (const job of lost) this.giveBack(job as Job);
    // Another pool may take them at once.
    for (const q of this.sources) q.pump();
  }

  override restore(): void {
    super.restore();
    this.pumpSources();
  }

  override onWindowReset(): void {
    this.done = 0;
    this.lost = 0;
  }

  override extraReport(): Record<string, unknown> {
    return { jobsDone: this.done, jobsGivenBack: this.lost };
  }
}
