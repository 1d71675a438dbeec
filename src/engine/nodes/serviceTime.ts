import type { Rng } from '../core/random.ts';

/** Draws one service time with the given mean (ms). */
export type ServiceSampler = (meanMs: number) => number;

export type ServiceDistribution = 'exponential' | 'deterministic' | 'lognormal';

/** An exponential sampler names its stream, so a station can draw from it without the closure. */
export type ExponentialSampler = ServiceSampler & { readonly expRng: Rng };

export function createServiceSampler(dist: ServiceDistribution, cv: number, rng: Rng): ServiceSampler {
  switch (dist) {
    case 'exponential':
      return Object.assign((mean: number) => rng.exp(mean), { expRng: rng });
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
