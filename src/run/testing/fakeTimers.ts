import type { HostTimers } from '../runHost.ts';

/**
 * A wall clock that moves only when a test says so, and a queue of callbacks due at given
 * times: the run host's pacing becomes plain arithmetic a test can check.
 * `costPerCall` lets the clock move by itself each time it is read (a slow machine).
 */
export class FakeTimers implements HostTimers {
  wall = 0;
  private pending: { at: number; order: number; fn: () => void }[] = [];
  private order = 0;

  constructor(private readonly costPerRead = 0) {}

  now(): number {
    this.wall += this.costPerRead;
    return this.wall;
  }

  later(fn: () => void, delayMs: number): void {
    this.pending.push({ at: this.wall + Math.max(0, delayMs), order: this.order++, fn });
  }

  /** Move the clock forward by `ms`, running every callback that falls due on the way. */
  advance(ms: number): void {
    const end = this.wall + ms;
    for (let guard = 0; guard < 1_000_000; guard++) {
      this.pending.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.pending[0];
      if (!next || next.at > end) break;
      this.pending.shift();
      if (next.at > this.wall) this.wall = next.at;
      next.fn();
    }
    if (this.wall < end) this.wall = end;
  }

  get queued(): number {
    return this.pending.length;
  }
}
