import type { Call } from './request.ts';

/**
 * FIFO ring buffer of calls waiting for a worker. Power-of-two capacity, grows by doubling.
 * Each entry carries two numbers beside the call (a station keeps the arrival time and the
 * mean service time there): read from typed arrays, they cost no trip to the call's own boxed
 * number fields, which are far away in memory by the time the call leaves the queue.
 */
export class CallQueue {
  private items: Array<Call | null>;
  private at: Float64Array;
  private mean: Float64Array;
  private head = 0;
  private mask: number;
  length = 0;
  /** The numbers that came with the call the last shift() returned. */
  shiftedAt = 0;
  shiftedMean = 0;

  constructor(capacity = 8) {
    this.items = new Array<Call | null>(capacity).fill(null);
    this.at = new Float64Array(capacity);
    this.mean = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  push(call: Call, at = 0, mean = 0): void {
    if (this.length === this.items.length) this.grow();
    const i = (this.head + this.length) & this.mask;
    this.items[i] = call;
    this.at[i] = at;
    this.mean[i] = mean;
    this.length++;
  }

  shift(): Call | null {
    if (this.length === 0) return null;
    const i = this.head;
    const call = this.items[i] as Call;
    this.items[i] = null;
    this.shiftedAt = this.at[i] as number;
    this.shiftedMean = this.mean[i] as number;
    this.head = (i + 1) & this.mask;
    this.length--;
    return call;
  }

  forEach(visit: (call: Call) => void): void {
    for (let i = 0; i < this.length; i++) visit(this.items[(this.head + i) & this.mask] as Call);
  }

  /** Removes and returns everything (a crash empties the queue). */
  drain(): Call[] {
    const out: Call[] = [];
    for (let c = this.shift(); c; c = this.shift()) out.push(c);
    return out;
  }

  private grow(): void {
    const size = this.items.length * 2;
    const bigger = new Array<Call | null>(size).fill(null);
    const at = new Float64Array(size);
    const mean = new Float64Array(size);
    for (let i = 0; i < this.length; i++) {
      const from = (this.head + i) & this.mask;
      bigger[i] = this.items[from] as Call;
      at[i] = this.at[from] as number;
      mean[i] = this.mean[from] as number;
    }
    this.items = bigger;
    this.at = at;
    this.mean = mean;
    this.mask = size - 1;
    this.head = 0;
  }
}
