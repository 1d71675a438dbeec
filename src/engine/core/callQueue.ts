import type { Call } from './request.ts';

/** FIFO ring buffer of calls waiting for a worker. Power-of-two capacity, grows by doubling. */
export class CallQueue {
  private items: Array<Call | null>;
  private head = 0;
  private mask: number;
  length = 0;

  constructor(capacity = 8) {
    this.items = new Array<Call | null>(capacity).fill(null);
    this.mask = capacity - 1;
  }

  push(call: Call): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) & this.mask] = call;
    this.length++;
  }

  shift(): Call | null {
    if (this.length === 0) return null;
    const call = this.items[this.head] as Call;
    this.items[this.head] = null;
    this.head = (this.head + 1) & this.mask;
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
    const bigger = new Array<Call | null>(this.items.length * 2).fill(null);
    for (let i = 0; i < this.length; i++) bigger[i] = this.items[(this.head + i) & this.mask] as Call;
    this.items = bigger;
    this.mask = bigger.length - 1;
    this.head = 0;
  }
}
