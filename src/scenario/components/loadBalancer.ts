import { z } from 'zod';
import { balancingStrategy, costPerMonth, retries } from './shared.ts';

/**
 * Balancer profiles. `capacityRps` is how many requests per second the box can forward;
 * the balancer is modelled as a single FIFO processor with service time 1 / capacity,
 * so a saturated software balancer queues and adds latency like any other server.
 */
export const balancerProfiles = {
  software: { label: 'Software (HAProxy-like)', capacityRps: 40_000, costPerMonth: 60 },
  hardware: { label: 'Hardware appliance', capacityRps: 1_000_000, costPerMonth: 2500 },
} as const;

export const healthCheck = z
  .strictObject({
    enabled: z.boolean().default(true).meta({ title: 'Health checks' }),
    intervalMs: z
      .number()
      .min(10)
      .max(3_600_000)
      .default(1000)
      .meta({ title: 'Check every', unit: 'ms', description: 'How often the balancer probes each backend.' }),
    unhealthyThreshold: z.int().min(1).max(100).default(2).meta({
      title: 'Down after',
      unit: 'failed checks',
      description:
        'Failed probes in a row before a backend is taken out. Detection takes between (this − 1) × interval and this × interval, depending on when the server died between probes; until then, requests still go to a dead server and fail.',
    }),
    healthyThreshold: z.int().min(1).max(100).default(2).meta({
      title: 'Up after',
      unit: 'good checks',
      description: 'Successful probes in a row before a recovered backend gets traffic again.',
    }),
  })
  .default({ enabled: true, intervalMs: 1000, unhealthyThreshold: 2, healthyThreshold: 2 })
  .meta({
    title: 'Health checks',
    description:
      'The balancer probes every backend on a timer and stops sending to one that fails enough probes in a row.',
  });

export const loadBalancerConfig = z.strictObject({
  strategy: balancingStrategy,
  overheadMs: z.number().min(0).max(10_000).default(0).meta({
    title: 'Added latency',
    unit: 'ms',
    description: 'Fixed time the balancer adds to every request.',
  }),
  profile: z.enum(['software', 'hardware']).default('software').meta({
    title: 'Kind',
    description:
      'Software (like HAProxy on a VM): cheap, forwards about 40,000 requests/s before it saturates. Hardware appliance: about 1,000,000 requests/s, far more expensive.',
  }),
  capacityRps: z.number().min(0).max(100_000_000).nullable().default(null).meta({
    title: 'Capacity',
    unit: 'req/s',
    description:
      'Requests per second the balancer can forward. Empty = the capacity of its kind; 0 = unlimited (an ideal balancer).',
  }),
  healthCheck,
  retries,
  virtualNodes: z.int().min(1).max(1000).default(100).meta({
    title: 'Virtual nodes',
    unit: 'per backend',
    description: 'Points per backend on the consistent-hash ring. More points spread keys more evenly.',
  }),
  standby: z.boolean().default(false).meta({
    title: 'Standby pair',
    description:
      'A second balancer waits beside this one (like keepalived with a floating IP). When the active one fails, the standby takes over after the failover time, so the balancer stops being a single point of failure. Costs twice as much.',
  }),
  failoverMs: z.number().min(0).max(600_000).default(3000).meta({
    title: 'Failover time',
    unit: 'ms',
    description:
      'How long the standby takes to notice that the active balancer is gone (missed heartbeats) and take over its address. Requests in that window fail.',
  }),
  costPerMonth,
});
export type LoadBalancerConfig = z.output<typeof loadBalancerConfig>;

export const loadBalancerComponent = {
  type: 'loadBalancer',
  label: 'Load balancer',
  description: 'Spreads requests over backends, checks their health and routes around dead ones.',
  config: loadBalancerConfig,
} as const;
