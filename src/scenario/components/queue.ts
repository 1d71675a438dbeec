import { z } from 'zod';
import { costPerMonth } from './shared.ts';

/** Monthly price of a queue when `costPerMonth` is empty. */
export const QUEUE_COST_PER_MONTH = 60;

export const queueConfig = z.strictObject({
  capacity: z.int().min(1).max(10_000_000).nullable().default(100_000).meta({
    title: 'Capacity',
    unit: 'messages',
    description:
      'How many jobs may wait in the queue. When it is full a publish fails and the job is dropped (the report counts them). Empty = unbounded: nothing is dropped, but the backlog can grow without limit.',
  }),
  publishTimeMs: z.number().min(0).max(10_000).default(1).meta({
    title: 'Publish time',
    unit: 'ms',
    description: 'How long a server waits for the queue to confirm it has stored a job.',
  }),
  costPerMonth,
});
export type QueueConfig = z.output<typeof queueConfig>;

export const queueComponent = {
  type: 'queue',
  label: 'Queue',
  description:
    'A message broker (like RabbitMQ or SQS): servers publish slow work and answer at once; worker pools take the jobs in order. Jobs survive worker crashes.',
  config: queueConfig,
} as const;
