import { checkCount, checkPositive, checkRate } from './checks.ts';

/**
 * Little's law, L = X·W: the time-average number in any stable system equals its throughput
 * times the mean time each job spends in it. It needs no distributional assumption, so it is a
 * bookkeeping check on every node of a simulation (measured L against measured X·W).
 * Source: J. D. C. Little, Operations Research 9(3), 1961; Kleinrock §2.1.
 *
 * @param throughput jobs per unit time (≥ 0)
 * @param meanTime mean time in the system, in the reciprocal unit (≥ 0)
 */
export function littleL(throughput: number, meanTime: number): number {
  checkRate('throughput', throughput);
  checkRate('meanTime', meanTime);
  return throughput * meanTime;
}

/**
 * The utilisation law, U = X·S/c: the busy share of c servers that complete X jobs per unit
 * time, each holding a server for S on average. Values above 1 mean the offered work exceeds
 * capacity (the station cannot carry X). Source: Harchol-Balter ch. 6 (operational laws).
 */
export function utilization(throughput: number, meanService: number, c = 1): number {
  checkRate('throughput', throughput);
  checkRate('meanService', meanService);
  checkCount('c', c);
  return (throughput * meanService) / c;
}

/**
 * The most a station of c servers with mean service time S can complete: X_max = c/S.
 * Source: Harchol-Balter ch. 6 (bottleneck law).
 */
export function maxThroughput(c: number, meanService: number): number {
  checkCount('c', c);
  checkPositive('meanService', meanService);
  return c / meanService;
}
