import { QUEUE_COST_PER_MONTH } from '../../scenario/components/queue.ts';
import type { NodeOfType } from '../../scenario/document.ts';
import { CallQueue } from '../core/callQueue.ts';
import { EV } from '../core/eventKinds.ts';
import { Job, type JobHome } from '../core/job.ts';
import type { Link } from '../core/link.ts';
import { OP, OP_KIND } from '../core/ops.ts';
import { CAUSE, type Call } from '../core/request.ts';
import { Histogram } from '../metrics/histogram.ts';
import type { Simulation } from '../simulation.ts';
import { NodeModel } from './nodeModel.ts';
import type { WorkerPoolModel } from './workerPool.ts';

type QueueNode = NodeOfType<'queue'>;

/**
 * A message broker. A server publishes a job (op `publish`, `aux` = its work in ms); the
 * queue stores it — or refuses it when full, and the request fails with "queue-full" — and
 * confirms after the publish time. Jobs leave in order to the worker pools it is connected
 * to, whenever one has a free worker. A job a worker loses (crash, failed call) comes back
 * first in line: delivery is at-least-once, and nothing is lost unless the queue overflows.
 *
 * Depth is kept in the node's `queued` statistic, so the report's mean queue length and the
 * timeline's queue series are the queue depth over time. `served` counts jobs completed.
 */
export class QueueModel extends NodeModel implements JobHome {
  private readonly waiting = new CallQueue();
  /** Jobs given back by a worker: they go before the others. */
  private readonly returned = new CallQueue();
  /** Publishes waiting for their confirmation (a crash fails them); call.slot indexes it. */
  private readonly acking: Call[] = [];
  private nextConsumer = 0;
  accepted = 0;
  dropped = 0;
  completed = 0;
  redelivered = 0;
  maxDepth = 0;
  /** Since the start, warm-up included: for the conservation audit (accepted = done + held). */
  acceptedEver = 0;
  completedEver = 0;
  /** Publish → done, for jobs published after warm-up. */
  lag = new Histogram();
  /** The model that replaced this one in an edit while running: it takes over the jobs. */
  private successor: QueueModel | null = null;

  constructor(
    sim: Simulation,
    index: number,
    readonly node: QueueNode,
  ) {
    super(sim, index, node.id, 'queue');
  }

  override init(): void {
    for (const l of this.out)
      if (l.target.kind === 'workerPool') (l.target as WorkerPoolModel).consumeFrom(this);
  }

  capacity(): number {
    return 0;
  }

  costPerMonth(): number {
    return this.node.config.costPerMonth ?? QUEUE_COST_PER_MONTH;
  }

  get depth(): number {
    return this.waiting.length + this.returned.length;
  }

  receive(call: Call): void {
    const sim = this.sim;
    if (!this.up) {
      sim.failCall(call, CAUSE.nodeDown, this.index);
      return;
    }
    if ((call.op & OP_KIND) !== OP.publish) {
      sim.failCall(call, CAUSE.noRoute, this.index);
      return;
    }
    this.stats.arrivals++;
    const cap = this.node.config.capacity;
    if (cap !== null && this.depth >= cap) {
      this.dropped++;
      this.stats.rejected++;
      sim.failCall(call, CAUSE.queueFull, this.index);
      return;
    }
    this.accepted++;
    this.acceptedEver++;
    this.enqueue(new Job(this, sim.now, call.aux, call.req.key, call.req.measured), this.waiting);
    call.arrivedAt = sim.now;
    const ack = this.node.config.publishTimeMs;
    if (ack > 0) {
      call.slot = this.acking.length;
      this.acking.push(call);
      sim.schedule(sim.now + ack, EV.wake, call.gen, call);
    } else sim.respond(call);
    this.pump();
  }

  /** The publish is confirmed. */
  override onWake(call: Call): void {
    if (!call.alive) return;
    const last = this.acking.pop() as Call;
    if (last !== call) {
      this.acking[call.slot] = last;
      last.slot = call.slot;
    }
    call.slot = -1;
    this.sim.respond(call);
  }

  private enqueue(job: Job, into: CallQueue): void {
    const stats = this.stats;
    stats.advance(this.sim.now);
    stats.queued++;
    into.push(job);
    const d = this.depth;
    if (d > this.maxDepth) this.maxDepth = d;
  }

  /** Hand jobs to free workers, in order, taking turns over the pools. */
  pump(): void {
    if (!this.up) return;
    const links = this.out;
    const n = links.length;
    while (this.depth > 0) {
      let pool: WorkerPoolModel | null = null;
      for (let tries = 0; tries < n; tries++) {
        const link = links[this.nextConsumer] as Link;
        this.nextConsumer = this.nextConsumer + 1 === n ? 0 : this.nextConsumer + 1;
        const target = link.target as WorkerPoolModel;
        if (!link.cut && target.kind === 'workerPool' && target.hasFreeWorker()) {
          pool = target;
          break;
        }
      }
      if (pool === null) return;
      const job = (this.returned.shift() ?? this.waiting.shift()) as Job;
      this.stats.advance(this.sim.now);
      this.stats.queued--;
      pool.start(job);
    }
  }

  /** An edit while running rebuilt this queue: take over the old one's jobs and counters. */
  override adoptStatsOf(old: NodeModel): void {
    super.adoptStatsOf(old);
    if (!(old instanceof QueueModel)) return;
    for (const [from, to] of [
      [old.returned, this.returned],
      [old.waiting, this.waiting],
    ] as const)
      for (let job = from.shift(); job !== null; job = from.shift()) {
        (job as Job).queue = this;
        to.push(job);
      }
    this.accepted = old.accepted;
    this.dropped = old.dropped;
    this.completed = old.completed;
    this.redelivered = old.redelivered;
    this.maxDepth = old.maxDepth;
    this.acceptedEver = old.acceptedEver;
    this.completedEver = old.completedEver;
    this.lag = old.lag;
    old.successor = this;
  }

  jobDone(job: Job): void {
    if (this.successor !== null) {
      this.successor.jobDone(job);
      return;
    }
    this.completed++;
    this.completedEver++;
    this.stats.served++;
    this.stats.timeInNodeSum += this.sim.now - job.start;
    if (job.measured) this.lag.record(this.sim.now - job.start);
  }

  jobReturned(job: Job): void {
    if (this.successor !== null) {
      job.queue = this.successor;
      this.successor.jobReturned(job);
      return;
    }
    this.redelivered++;
    job.redeliveries++;
    this.enqueue(job, this.returned);
  }

  /** Every job waiting (for the job audit in tests). */
  forEachWaitingJob(visit: (job: Job) => void): void {
    this.returned.forEach((j) => {
      visit(j as Job);
    });
    this.waiting.forEach((j) => {
      visit(j as Job);
    });
  }

  override forEachHeldCall(visit: (call: Call) => void): void {
    for (const c of this.acking) visit(c);
  }

  override fail(): void {
    // The broker stores jobs durably: they wait out the outage. Publishes in progress fail.
    super.fail();
    for (const call of this.acking.splice(0)) {
      call.alive = false;
      call.slot = -1;
      this.sim.failCall(call, CAUSE.crash, this.index);
    }
  }

  override restore(): void {
    super.restore();
    this.pump();
  }

  override onWindowReset(): void {
    this.accepted = 0;
    this.dropped = 0;
    this.completed = 0;
    this.redelivered = 0;
    this.maxDepth = this.depth;
    this.lag.reset();
  }

  override extraReport(windowMs: number): Record<string, unknown> {
    const s = windowMs / 1000;
    const [p50, p95, p99] = this.lag.quantiles([0.5, 0.95, 0.99]) as number[];
    return {
      published: this.accepted,
      dropped: this.dropped,
      completed: this.completed,
      redelivered: this.redelivered,
      depth: this.depth,
      maxDepth: this.maxDepth,
      publishRate: s > 0 ? this.accepted / s : 0,
      consumeRate: s > 0 ? this.completed / s : 0,
      jobLagMs: { mean: this.lag.mean(), p50, p95, p99, max: this.lag.max },
    };
  }
}
