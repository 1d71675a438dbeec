import { CallQueue } from '../core/callQueue.ts';
import { EV } from '../core/eventKinds.ts';
import type { Rng } from '../core/random.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { NodeModel } from './nodeModel.ts';
import type { ExponentialSampler, ServiceSampler } from './serviceTime.ts';

/**
 * A pool of identical workers in front of one FIFO queue: the textbook M/G/c(/K) station.
 * Servers have one; a database has one for the primary and one per read replica. A worker
 * stays taken from the start of service until the node releases the call — for a server
 * that includes waiting for its database, as in a thread-per-request server.
 */
export class Station {
  busy = 0;
  readonly queue = new CallQueue();
  /** Calls holding a worker: a crash fails them. Dense array; call.slot is the index. */
  private readonly inService: Call[] = [];
  /**
   * Arrival time of each call in service, by slot (moved with it). The node reads it when the
   * call leaves, from here rather than from the call's boxed field far away in memory.
   */
  private arrivedIn = new Float64Array(4);

  /** The stream of an exponential sampler, drawn from directly (one object fewer to visit). */
  private readonly expRng: Rng | null;

  constructor(
    readonly node: NodeModel,
    readonly workers: number,
    readonly queueLimit: number | null,
    readonly sampler: ServiceSampler,
  ) {
    this.expRng = (sampler as Partial<ExponentialSampler>).expRng ?? null;
  }

  /** A call wants a worker. Starts it, queues it, or rejects it when the queue is full. */
  arrive(call: Call, meanServiceMs: number): void {
    const node = this.node;
    const sim = node.sim;
    const stats = node.stats;
    const now = sim.now;
    stats.arrivals++;
    if (this.busy < this.workers) {
      this.start(call, now, meanServiceMs);
      return;
    }
    if (this.queueLimit !== null && this.queue.length >= this.queueLimit) {
      stats.rejected++;
      sim.failCall(call, CAUSE.queueFull, node.index);
      return;
    }
    stats.advance(now);
    stats.queued++;
    this.queue.push(call, now, meanServiceMs);
  }

  private start(call: Call, arrivedAt: number, meanServiceMs: number): void {
    const node = this.node;
    const sim = node.sim;
    const now = sim.now;
    const stats = node.stats;
    stats.advance(now);
    this.busy++;
    stats.busy++;
    stats.started++;
    stats.waitSum += now - arrivedAt;
    const slot = this.inService.length;
    call.slot = slot;
    this.inService.push(call);
    if (slot >= this.arrivedIn.length) {
      const bigger = new Float64Array(2 * this.arrivedIn.length);
      bigger.set(this.arrivedIn);
      this.arrivedIn = bigger;
    }
    this.arrivedIn[slot] = arrivedAt;
    const mean = meanServiceMs * node.slow;
    const expRng = this.expRng;
    sim.schedule(
      now + (expRng !== null ? expRng.exp(mean) : this.sampler(mean)),
      EV.serviceDone,
      call.gen,
      call,
    );
  }

  /** When `call`, which holds a worker, arrived here. Read it before `release`. */
  arrivedAtOf(call: Call): number {
    return this.arrivedIn[call.slot] as number;
  }

  /** The call is done with its worker (answered or failed): free it for the next in line. */
  release(call: Call): void {
    const node = this.node;
    const sim = node.sim;
    const stats = node.stats;
    stats.advance(sim.now);
    this.busy--;
    stats.busy--;
    const slot = call.slot;
    const last = this.inService.pop() as Call;
    if (last !== call) {
      this.inService[slot] = last;
      this.arrivedIn[slot] = this.arrivedIn[this.inService.length] as number;
      last.slot = slot;
    }
    call.slot = -1;
    const queue = this.queue;
    const next = queue.shift();
    if (next) {
      stats.queued--;
      this.start(next, queue.shiftedAt, queue.shiftedMean);
    }
  }

  /** Every call waiting or holding a worker (for audits). */
  forEachCall(visit: (call: Call) => void): void {
    this.queue.forEach(visit);
    for (const c of this.inService) visit(c);
  }

  /** The node failed: every call waiting or in service is lost. Returns them. */
  crash(): Call[] {
    const stats = this.node.stats;
    stats.advance(this.node.sim.now);
    const lost = this.queue.drain();
    stats.queued -= lost.length;
    for (const c of this.inService) {
      c.slot = -1;
      lost.push(c);
    }
    stats.busy -= this.inService.length;
    this.busy = 0;
    this.inService.length = 0;
    return lost;
  }
}
