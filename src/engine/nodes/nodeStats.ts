import { CAUSE_COUNT } from '../core/request.ts';

/**
 * Counters and time integrals of one node over the measured window (reset when warm-up
 * ends). `busy` and `queued` are the current state; the areas are ∫busy dt and ∫queued dt,
 * from which utilisation and mean queue length follow without storing any history.
 */
export class NodeStats {
  busy = 0;
  queued = 0;
  private last = 0;
  busyArea = 0;
  queueArea = 0;
  arrivals = 0;
  /** Calls this node finished successfully. */
  served = 0;
  /** Sum of (release − arrival) over served calls: time spent at the node. */
  timeInNodeSum = 0;
  /** Sum of queue waits of calls that got a worker, and how many. */
  waitSum = 0;
  started = 0;
  rejected = 0;
  /** Failures that arose at this node, by cause. */
  readonly failed = new Float64Array(CAUSE_COUNT);
  // Snapshot at the previous tick, for per-second series.
  tickBusyArea = 0;
  tickQueueArea = 0;
  tickServed = 0;
  tickFailed = 0;
  failedTotal = 0;
  /** Cache look-ups and hits (caches, a database's row cache), for the hit ratio over time. */
  lookups = 0;
  hits = 0;
  tickLookups = 0;
  tickHits = 0;

  /** Bring the integrals up to `now`. Call before changing busy or queued. */
  advance(now: number): void {
    const dt = now - this.last;
    if (dt > 0) {
      this.busyArea += this.busy * dt;
      this.queueArea += this.queued * dt;
      this.last = now;
    }
  }

  resetWindow(now: number): void {
    this.advance(now);
    this.busyArea = 0;
    this.queueArea = 0;
    this.arrivals = 0;
    this.served = 0;
    this.timeInNodeSum = 0;
    this.waitSum = 0;
    this.started = 0;
    this.rejected = 0;
    this.failed.fill(0);
    this.failedTotal = 0;
    this.tickBusyArea = 0;
    this.tickQueueArea = 0;
    this.tickServed = 0;
    this.tickFailed = 0;
    this.lookups = 0;
    this.hits = 0;
    this.tickLookups = 0;
    this.tickHits = 0;
  }
}
