import { z } from 'zod';
import { smartClientFields } from './shared.ts';

/** Traffic over time. `rps` is the base rate; a pattern shapes it. */
export const trafficPattern = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('constant') }),
    z.strictObject({
      type: z.literal('ramp'),
      toRps: z.number().min(0).max(10_000_000),
      startS: z.number().min(0).default(0),
      endS: z.number().min(0),
    }),
    z.strictObject({
      type: z.literal('step'),
      toRps: z.number().min(0).max(10_000_000),
      atS: z.number().min(0),
    }),
    z.strictObject({
      type: z.literal('spike'),
      factor: z.number().min(0).max(1000),
      atS: z.number().min(0),
      forS: z.number().min(0),
    }),
    z.strictObject({
      type: z.literal('diurnal'),
      amplitude: z.number().min(0).max(1).default(0.5),
      periodS: z.number().positive().default(60),
    }),
  ])
  .default({ type: 'constant' })
  .meta({
    title: 'Traffic pattern',
    description:
      'Constant: the same rate all run. Ramp: grows linearly to another rate. Step: jumps to another rate. Spike: multiplies the rate for a while. Diurnal: rises and falls like a day.',
  });

export const clientConfig = z.strictObject({
  rps: z.number().min(0).max(10_000_000).default(100).meta({
    title: 'Requests per second',
    unit: 'req/s',
    description: 'Mean rate at which users send requests.',
  }),
  arrival: z.enum(['poisson', 'deterministic']).default('poisson').meta({
    title: 'Arrivals',
    description:
      'Poisson: users act independently, so requests come in random bursts (the real world, and queueing theory’s “M”). Deterministic: evenly spaced, like a metronome.',
  }),
  pattern: trafficPattern,
  readRatio: z.number().min(0).max(1).default(1).meta({
    title: 'Read share',
    unit: '0–1',
    description:
      'Share of requests that read data; the rest write. Databases serve reads and writes at different speeds.',
  }),
  keys: z.int().min(1).max(100_000_000).default(10_000).meta({
    title: 'Key space',
    unit: 'keys',
    description: 'How many distinct items (users, products, pages) requests ask for.',
  }),
  zipf: z.number().min(0).max(4).default(1).meta({
    title: 'Popularity skew (Zipf s)',
    description:
      'How much a few keys dominate. 0 = every key equally popular; 1 = the classic web skew where the top 1% of keys take a large share of requests.',
  }),
  staticRatio: z.number().min(0).max(1).default(0).meta({
    title: 'Static share',
    unit: '0–1',
    description:
      'Share of requests for static files (images, scripts, styles). They have their own key space, need no database, and a CDN can answer them from an edge near the users.',
  }),
  staticKeys: z.int().min(1).max(10_000_000).default(1000).meta({
    title: 'Static files',
    unit: 'files',
    description:
      'How many distinct static files there are. Their popularity follows the same skew as the keys.',
  }),
  asyncRatio: z.number().min(0).max(1).default(0).meta({
    title: 'Background job share',
    unit: '0–1',
    description:
      'Share of requests that also start slow background work (send an email, resize a photo). A server with a queue publishes the job and answers at once; without one it does the job itself while the user waits.',
  }),
  sessions: z.int().min(1).max(10_000_000).default(1000).meta({
    title: 'User sessions',
    unit: 'sessions',
    description: 'Number of distinct users. An ip-hash balancer keeps each user on one server.',
  }),
  timeoutMs: z.number().positive().max(3_600_000).nullable().default(null).meta({
    title: 'Timeout',
    unit: 'ms',
    description:
      'A user gives up if the answer takes longer than this (error "timeout"). Empty = users wait forever.',
  }),
  ...smartClientFields,
});
export type ClientConfig = z.output<typeof clientConfig>;
export type TrafficPattern = z.output<typeof trafficPattern>;

export const clientComponent = {
  type: 'client',
  label: 'Client',
  description: 'Users sending requests: sets the traffic rate, its pattern and which keys they ask for.',
  config: clientConfig,
} as const;
