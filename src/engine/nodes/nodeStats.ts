import { CAUSE_COUNT } from '../core/request.ts';

// Slots of NodeStats.f: the time integrals and sums, kept side by side in one typed array
// rather than as seven boxed numbers scattered over the heap (a busy node touches several of
// them per request; with a thousand nodes, each box was a cache miss of its own).
const LAST = 0;
const BUSY_AREA = 1;
const QUEUE_AREA = 2;
const TIME_IN_NODE = 3;
const WAIT_SUM = 4;
const TICK_BUSY_AREA = 5;
const TICK_QUEUE_AREA = 6;
const TICK_TIME_IN_NODE = 7;

/**
 * Counters and time integrals of one node over the measured window (reset when warm-up
 * ends). `busy` and `queued` are the current state; the areas are ∫busy dt and ∫queued dt,
 * from which utilisation and mean queue length follow without storing any history.
 */
export class NodeStats {
  busy = 0;
  queued = 0;
  private readonly f = new Float64Array(8);
  arrivals = 0;
  /** Calls this node finished successfully. */
  served = 0;
  started = 0;
  rejected = 0;
  /** Failures that arose at this node, by cause. */
  readonly failed = new Float64Array(CAUSE_COUNT);
  // Snapshot at the previous tick, for per-second series.
  tickServed = 0;
  tickFailed = 0;
  failedTotal = 0;
  /** Cache look-ups and hits (caches, a database's row cache), for the hit ratio over time. */
  lookups = 0;
  hits = 0;
  tickLookups = 0;
  tickHits = 0;

  /** ∫ busy dt over the window. */
  get busyArea(): number {
    return this.f[BUSY_AREA] as number;
  }
  set busyArea(v: number) {
    this.f[BUSY_AREA] = v;
  }
  /** ∫ queued dt over the window. */
  get queueArea(): number {
    return this.f[QUEUE_AREA] as number;
  }
  set queueArea(v: number) {
    this.f[QUEUE_AREA] = v;
  }
  /** Sum of (release − arrival) over served calls: time spent at the node. */
  get timeInNodeSum(): number {
    return this.f[TIME_IN_NODE] as number;
  }
  set timeInNodeSum(v: number) {
    this.f[TIME_IN_NODE] = v;
  }
  /** Sum of queue waits of calls that got a worker (their number is `started`). */
  get waitSum(): number {
    return this.f[WAIT_SUM] as number;
  }
  set waitSum(v: number) {
    this.f[WAIT_SUM] = v;
  }
  get tickBusyArea(): number {
    return this.f[TICK_BUSY_AREA] as number;
  }
  set tickBusyArea(v: number) {
    this.f[TICK_BUSY_AREA] = v;
  }
  get tickQueueArea(): number {
    return this.f[TICK_QUEUE_AREA] as number;
  }
  set tickQueueArea(v: number) {
    this.f[TICK_QUEUE_AREA] = v;
  }
  get tickTimeInNode(): number {
    return this.f[TICK_TIME_IN_NODE] as number;
  }
  set tickTimeInNode(v: number) {
    this.f[TICK_TIME_IN_NODE] = v;
  }

  /** Bring the integrals up to `now`. Call before changing busy or queued. */
  advance(now: number): void {
    const f = this.f;
    const dt = now - (f[LAST] as number);
    if (dt > 0) {
      f[BUSY_AREA] = (f[BUSY_AREA] as number) + this.busy * dt;
      f[QUEUE_AREA] = (f[QUEUE_AREA] as number) + this.queued * dt;
      f[LAST] = now;
    }
  }

  /**
   * The measured window starts now: the sums restart from zero. The per-second snapshots move
   * down by what the sums held, so the second in which warm-up ends still reads as a whole
   * second on the charts and in the timeline (not a gap, not a false dip).
   */
  resetWindow(now: number): void {
    this.advance(now);
    this.tickBusyArea -= this.busyArea;
    this.tickQueueArea -= this.queueArea;
    this.tickTimeInNode -= this.timeInNodeSum;
    this.tickServed -= this.served;
    this.tickFailed -= this.failedTotal;
    this.tickLookups -= this.lookups;
    this.tickHits -= this.hits;
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
    this.lookups = 0;
    this.hits = 0;
  }
}
