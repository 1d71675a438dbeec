/**
 * Pacing simulated time against the wall clock, outside the engine (the engine only steps).
 * Like SimPy's RealtimeEnvironment, but as plain arithmetic the worker host calls: all
 * functions take the wall time as an argument, so tests drive them with a fake clock.
 */

/** Simulated seconds per wall second, or as fast as the worker can go. */
export type Speed = number | 'max';

export const SPEEDS: readonly Speed[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 'max'];
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;

export function isSpeed(value: unknown): value is Speed {
  return value === 'max' || (typeof value === 'number' && value >= MIN_SPEED && value <= MAX_SPEED);
}

export function speedLabel(speed: Speed): string {
  return speed === 'max' ? 'As fast as possible' : `×${speed}`;
}

/**
 * How far behind the wall clock a run may fall before the debt is forgiven, in wall ms. A
 * run that cannot keep up slows down gracefully instead of trying to catch up forever (and
 * then racing through seconds the user never saw).
 */
export const MAX_DEBT_MS = 250;

/**
 * Maps wall time to the simulated time the run should have reached. Anchored at the moment
 * the run (re)started or the speed changed: target = simAnchor + (wall − wallAnchor) × speed.
 */
export class Pacer {
  private wallAnchor = 0;
  private simAnchor = 0;
  private _speed: Speed = 1;

  get speed(): Speed {
    return this._speed;
  }

  /** Start (or resume) pacing from simulated time `sim` at wall time `wall`. */
  anchor(wall: number, sim: number): void {
    this.wallAnchor = wall;
    this.simAnchor = sim;
  }

  /** Change speed without a jump: the run continues from where it is now. */
  setSpeed(speed: Speed, wall: number, sim: number): void {
    this._speed = speed;
    this.anchor(wall, sim);
  }

  /** Simulated ms the run should have reached at `wall`; Infinity at full speed. */
  target(wall: number): number {
    if (this._speed === 'max') return Number.POSITIVE_INFINITY;
    return this.simAnchor + Math.max(0, wall - this.wallAnchor) * this._speed;
  }

  /**
   * After a slice that reached `sim` at `wall`: when the run is more than MAX_DEBT_MS of wall
   * time behind, forgive the debt (re-anchor here). Returns true when it did: the worker
   * cannot keep up with this speed.
   */
  settle(wall: number, sim: number): boolean {
    if (this._speed === 'max') return false;
    const behindWallMs = (this.target(wall) - sim) / this._speed;
    if (behindWallMs <= MAX_DEBT_MS) return false;
    this.anchor(wall, sim);
    return true;
  }
}

/**
 * Achieved speed over the last second of wall time: simulated ms advanced ÷ wall ms. Keeps
 * a short ring of (wall, sim) samples; cleared when the run pauses.
 */
export class SpeedMeter {
  private readonly wall = new Float64Array(64);
  private readonly sim = new Float64Array(64);
  private head = 0;
  private count = 0;

  constructor(private readonly windowMs = 1000) {}

  clear(): void {
    this.count = 0;
    this.head = 0;
  }

  sample(wall: number, sim: number): void {
    // Keep at most one sample per 1/32 of the window: a ring of 64 covers it twice over.
    if (this.count > 0) {
      const last = (this.head + 63) % 64;
      if (wall - (this.wall[last] as number) < this.windowMs / 32) {
        this.sim[last] = sim;
        return;
      }
    }
    this.wall[this.head] = wall;
    this.sim[this.head] = sim;
    this.head = (this.head + 1) % 64;
    if (this.count < 64) this.count++;
  }

  /** Simulated ms per wall ms over about the last window; 0 with fewer than two samples. */
  speed(now: number): number {
    if (this.count < 2) return 0;
    const newest = (this.head + 63) % 64;
    let oldest = newest;
    for (let i = 1; i < this.count; i++) {
      const j = (newest - i + 64) % 64;
      if (now - (this.wall[j] as number) > this.windowMs) break;
      oldest = j;
    }
    if (oldest === newest) {
      // Only one sample inside the window: use the one just before it.
      oldest = (newest - 1 + 64) % 64;
    }
    const dw = (this.wall[newest] as number) - (this.wall[oldest] as number);
    return dw > 0 ? ((this.sim[newest] as number) - (this.sim[oldest] as number)) / dw : 0;
  }
}

/**
 * Chooses how much simulated time to run between looks at the clock, so each `runUntil`
 * takes about `targetMs` of wall time whatever the traffic: 10 requests/s or 200,000.
 */
export class ChunkSizer {
  /** Simulated ms per runUntil call. */
  chunk = 10;

  constructor(
    private readonly targetMs = 2,
    private readonly minChunk = 0.5,
    private readonly maxChunk = 60_000,
  ) {}

  /** Tell it how long the last chunk of `simMs` took (`wallMs`). */
  observe(simMs: number, wallMs: number): void {
    if (simMs < this.chunk * 0.5) return; // cut short by a target: says little about the cost
    if (wallMs < this.targetMs * 0.5) this.chunk = Math.min(this.maxChunk, this.chunk * 2);
    else if (wallMs > this.targetMs * 2) this.chunk = Math.max(this.minChunk, this.chunk / 2);
  }
}
