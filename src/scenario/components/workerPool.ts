import { z } from 'zod';
import { costPerMonth, serviceCv, serviceDistribution } from './shared.ts';

/** Monthly price of one worker machine when `costPerMonth` is empty. */
export const WORKER_COST_PER_MONTH = 40;

export const workerPoolConfig = z.strictObject({
  workers: z.int().min(1).max(100_000).default(4).meta({
    title: 'Workers',
    unit: 'at once',
    description:
      'How many jobs the pool runs at the same time. It drains the queue at workers ÷ job time jobs per second; fewer than that and the backlog grows.',
  }),
  serviceDistribution,
  serviceCv,
  costPerMonth,
});
export type WorkerPoolConfig = z.output<typeof workerPoolConfig>;

export const workerPoolComponent = {
  type: 'workerPool',
  label: 'Worker pool',
  description:
    'Consumers that take jobs from a queue and run them (and may write to a database). A worker that crashes mid-job gives it back to the queue.',
  config: workerPoolConfig,
} as const;
