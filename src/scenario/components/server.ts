import { z } from 'zod';
import { costPerMonth, queueLimit, serviceCv, serviceDistribution, smartClientFields } from './shared.ts';

/** Hardware profiles: `speed` multiplies the service time; cost is per month. */
export const serverProfiles = {
  standard: { label: 'Standard', speed: 1, costPerMonth: 70 },
  'cpu-optimized': { label: 'CPU-optimised', speed: 0.6, costPerMonth: 140 },
  'io-optimized': { label: 'I/O-optimised', speed: 0.9, costPerMonth: 110 },
} as const;

export const serverConfig = z.strictObject({
  role: z.enum(['web', 'api', 'platform']).default('web').meta({
    title: 'Role',
    description:
      'What this tier does: web pages, a public API, or a shared platform service other tiers call.',
  }),
  workers: z.int().min(1).max(100_000).default(1).meta({
    title: 'Workers',
    unit: 'at once',
    description:
      'How many requests this server works on at the same time (threads or processes). Others wait in its queue. A worker stays busy while the server waits for its database.',
  }),
  serviceTimeMs: z.number().positive().max(3_600_000).default(10).meta({
    title: 'Service time',
    unit: 'ms',
    description:
      'Mean time one worker spends working on a request. Without downstream calls, capacity = workers ÷ service time: 1 worker at 10 ms serves at most 100 requests/s. Waiting for a database also holds the worker, so calls lower it.',
  }),
  jobTimeMs: z.number().positive().max(3_600_000).default(200).meta({
    title: 'Background job time',
    unit: 'ms',
    description:
      'How long the background job of a request takes (see the client’s background job share). With a queue a worker pool does it later; without one this server does it inline, holding its worker.',
  }),
  serviceDistribution,
  serviceCv,
  queueLimit,
  weight: z.int().min(1).max(100).default(1).meta({
    title: 'Weight',
    description:
      'Share of traffic under weighted round-robin: a server of weight 2 gets twice the requests of weight 1.',
  }),
  profile: z.enum(['standard', 'cpu-optimized', 'io-optimized']).default('standard').meta({
    title: 'Hardware',
    description:
      'Standard: the service time as set. CPU-optimised: each request takes 0.6× as long (about 1.7× the capacity) at twice the price. I/O-optimised: 0.9× as long.',
  }),
  costPerMonth,
  ...smartClientFields,
});
export type ServerConfig = z.output<typeof serverConfig>;

export const serverComponent = {
  type: 'server',
  label: 'Server',
  description: 'An application server: a pool of workers with a queue; calls its database or other services.',
  config: serverConfig,
} as const;
