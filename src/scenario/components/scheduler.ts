import { z } from 'zod';
import { costPerMonth } from './shared.ts';

/** Monthly price of a scheduler when `costPerMonth` is empty (a small cron box). */
export const SCHEDULER_COST_PER_MONTH = 10;

export const schedulerConfig = z.strictObject({
  everyS: z.number().positive().max(86_400).default(60).meta({
    title: 'Every',
    unit: 's',
    description: 'How often a run starts, like a cron entry.',
  }),
  firstAtS: z.number().min(0).max(86_400).default(10).meta({
    title: 'First run at',
    unit: 's',
    description: 'When the first run starts, from the beginning of the simulation.',
  }),
  jobs: z.int().min(1).max(100_000).default(20).meta({
    title: 'Jobs per run',
    unit: 'jobs',
    description:
      'How many jobs each run starts, all at once. Sent to a queue they wait for the workers; sent to servers or a database they compete with user requests for workers and connections.',
  }),
  jobTimeMs: z.number().positive().max(3_600_000).default(500).meta({
    title: 'Work per job',
    unit: 'ms',
    description:
      'How long one job keeps a worker (or, sent to a database, a connection) busy: a report, an export, an analytics query.',
  }),
  inputMB: z.number().positive().max(1_000_000_000).default(10_000).meta({
    title: 'Input per run',
    unit: 'MB',
    description: 'For a map-reduce cluster: how much data each run processes.',
  }),
  costPerMonth,
});
export type SchedulerConfig = z.output<typeof schedulerConfig>;

export const schedulerComponent = {
  type: 'scheduler',
  label: 'Scheduler',
  description:
    'Starts batch jobs on a period, like cron: into a queue, onto a map-reduce cluster, or straight onto servers or a database where they compete with user traffic.',
  config: schedulerConfig,
} as const;
