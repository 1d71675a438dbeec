import type { Rng } from '../core/random.ts';

/** Draws one service time with the given mean (ms). */
export type ServiceSampler = (meanMs: number) => number;

export type ServiceDistribution = 'exponential' | 'deterministic' | 'lognormal';

export function createServiceSampler(dist: ServiceDistribution, cv: number, rng: Rng): ServiceSampler {
  switch (dist) {
    case 'exponential':
      return (mean) => rng.exp(mean);
    case 'deterministic':
      return (mean) => mean;
    case 'lognormal': {
      // For mean m and coefficient of variation cv: σ² = ln(1 + cv²), μ = ln m − σ²/2.
      const sigma2 = Math.log(1 + cv * cv);
      const sigma = Math.sqrt(sigma2);
      return (mean) => mean * Math.exp(sigma * rng.normal() - sigma2 / 2);
    }
  }
}
