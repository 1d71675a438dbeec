/**
 * Steady-state figures of a queueing station. Units follow the inputs: with rates per second,
 * times are in seconds (multiply by 1000 for the engine's milliseconds).
 *
 * For an unstable station (ρ ≥ 1 without a capacity limit) the queue grows without bound:
 * `L`, `Lq`, `W` and `Wq` are `Infinity` and `pWait` is 1.
 */
export interface QueueMetrics {
  /** Utilisation per server, ρ = λ / (c μ). May exceed 1 for an unstable or loss-limited input. */
  rho: number;
  /** Mean number in the system (waiting + in service). */
  L: number;
  /** Mean number waiting. */
  Lq: number;
  /** Mean response (sojourn) time, wait + service. */
  W: number;
  /** Mean wait before service starts. */
  Wq: number;
  /** Probability an arrival has to wait (all servers busy when it arrives). */
  pWait: number;
  /** Rate of completed jobs (λ for a stable infinite-queue station). */
  throughput: number;
}

export const INF = Number.POSITIVE_INFINITY;

/** The figures of a station whose queue grows without bound. */
export function unstable(rho: number, throughput: number): QueueMetrics {
  return { rho, L: INF, Lq: INF, W: INF, Wq: INF, pWait: 1, throughput };
}
