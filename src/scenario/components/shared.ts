import { z } from 'zod';

// Field builders shared by component definitions. Each field carries its UI metadata
// (`title`, `unit`, `description`) with `.meta()`, so the inspector, the docs and the
// validator all read one definition. `description` is help text that teaches.

export const serviceDistribution = z
  .enum(['exponential', 'deterministic', 'lognormal'])
  .default('exponential')
  .meta({
    title: 'Service time distribution',
    description:
      'How much each request varies. Exponential: most are quick, a few are slow (the textbook M/M/c). ' +
      'Deterministic: every request takes exactly the mean (M/D/c). Lognormal: a heavy tail set by the CV.',
  });

export const serviceCv = z.number().min(0.05).max(10).default(1).meta({
  title: 'Variability (CV)',
  unit: '× mean',
  description:
    'Coefficient of variation for lognormal service times: standard deviation ÷ mean. 1 matches the exponential’s mean and spread (not its shape); higher means a longer tail.',
});

export const queueLimit = z.int().min(0).max(1_000_000).nullable().default(null).meta({
  title: 'Queue limit',
  unit: 'requests',
  description:
    'How many requests may wait for a worker. Beyond it new requests are rejected at once (error "queue-full"). Empty = unbounded: nothing is rejected, but waits can grow without limit.',
});

export const costPerMonth = z.number().min(0).max(10_000_000).nullable().default(null).meta({
  title: 'Cost per month',
  unit: '$',
  description:
    'Monthly price of one machine of this component (a database pays it for the primary and again for each replica). Empty = the price of its hardware profile.',
});

export const balancingStrategy = z
  .enum([
    'round-robin',
    'weighted-round-robin',
    'random',
    'least-connections',
    'power-of-two',
    'ip-hash',
    'consistent-hash',
  ])
  .default('round-robin')
  .meta({
    title: 'Strategy',
    description:
      'How the next backend is chosen. Round-robin takes turns; weighted round-robin takes turns in proportion to each server’s weight; random picks any; least-connections picks the one with fewest requests in progress; power-of-two samples two and takes the less busy; ip-hash keeps each user session on one server; consistent-hash sends each key to the same server and moves few keys when one dies.',
  });

export const retries = z.int().min(0).max(10).default(0).meta({
  title: 'Retries',
  unit: 'attempts',
  description:
    'When a backend fails a request, try again this many times — on another backend when there is one. Hides failures from users, at the cost of extra latency and load.',
});

/** Smart-client fields: used by a client or server that balances across several backends itself. */
export const smartClientFields = {
  strategy: balancingStrategy,
  retries,
  ejectAfterFailures: z.int().min(1).max(1000).default(3).meta({
    title: 'Eject after failures',
    unit: 'failures in a row',
    description:
      'A smart client has no health checks: it learns that a backend is down only when requests to it fail or time out. After this many failures in a row it stops using that backend for a while.',
  }),
  ejectForMs: z.number().min(0).max(3_600_000).default(5000).meta({
    title: 'Eject for',
    unit: 'ms',
    description: 'How long an ejected backend is avoided before the smart client tries it again.',
  }),
};
