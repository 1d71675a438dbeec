/**
 * Queueing theory in closed form, written independently of the simulator so the two can be
 * compared: the truth tests in `src/engine/truth/` run the engine and check it against these
 * functions, and the UI can show theory beside measurement.
 *
 * Conventions: rates (λ, μ) and times share one unit — rates per second give times in
 * seconds (the engine reports milliseconds, so multiply by 1000). Invalid parameters
 * (negative rates, fractional server counts, probabilities outside [0, 1]) throw a RangeError.
 * An unstable station (ρ ≥ 1, unlimited queue) is valid input: its means and percentiles are
 * Infinity and its P(wait) is 1. Loss and finite-capacity systems are stable for any load.
 *
 * Pure functions: no DOM, no Node APIs.
 */
export {
  dM1,
  ekM1,
  ekM1ResponseTimeQuantile,
  type GM1Metrics,
  gm1,
  gm1ResponseTimeQuantile,
  gm1ResponseTimeSurvival,
  gm1WaitQuantile,
  roundRobinBackend,
} from './ek_m_1.ts';
export { littleL, maxThroughput, utilization } from './laws.ts';
export {
  md1,
  md1NumberInSystemPmf,
  md1ResponseTimeQuantile,
  md1WaitCdf,
  md1WaitCdfCrommelin,
  md1WaitQuantile,
  mg1,
} from './md1.ts';
export { mm1, mm1ResponseTimeQuantile, mm1ResponseTimeSurvival, mm1WaitQuantile } from './mm1.ts';
export {
  type FiniteQueueMetrics,
  mm1k,
  mm1kResponseTimeQuantile,
  mm1kResponseTimeSurvival,
  mmck,
} from './mm1k.ts';
export {
  erlangB,
  erlangC,
  erlangLoss,
  type LossMetrics,
  mmc,
  mmcResponseTimeQuantile,
  mmcResponseTimeSurvival,
  mmcWaitQuantile,
} from './mmc.ts';
export { supermarketMeanResponseTime, supermarketTail } from './supermarket.ts';
export type { QueueMetrics } from './types.ts';
