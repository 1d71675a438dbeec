import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';

export default {
  id: 'scheduled-jobs',
  topic: 'scheduled-jobs',
  title: 'Batch work at the right time',
  summary:
    'Scheduled jobs can use capacity that sits idle at quiet times, or fight the users for it at the peak.',
  why: 'Batch work (reports, exports, clean-ups) usually runs on a schedule, like cron. It needs capacity too, and the cheapest capacity is the one already paid for: servers sized for the peak sit mostly idle at night. A batch started at the peak competes with the users for the same workers.',
  try: 'Run the start: traffic peaks at 480 req/s every 60 s, and `cron` starts 10 jobs of about 5 s each at 10 s and 70 s, just as traffic climbs to its peak. Then move the first run to the quiet part of the cycle.',
  notice:
    'On the latency chart, p99 jumps when a run starts near the peak: the jobs take 10 of the 16 workers while the users need about 10 of them. Near the trough the same run goes unnoticed.',
  chart: 'latency',
  steps: [
    {
      id: 'run-start',
      do: 'Run the start and watch the latency chart around 10 s.',
      done: 'Ten report jobs took ten of the sixteen workers just as traffic climbed: users queued behind them for seconds.',
      check: { kind: 'ran', seconds: 20 },
      chart: 'latency',
    },
    {
      id: 'move-run',
      do: 'Select `cron` and set “First run at” between 35 and 50 s.',
      done: 'The runs now start near the trough, around 45 s, when users keep only 2 or 3 of the 16 workers busy.',
      check: { kind: 'config', match: { id: 'cron' }, path: 'firstAtS', min: 35, max: 50 },
      chart: 'utilization',
    },
    {
      id: 'check',
      do: 'Run to the end and check the goal.',
      done: 'Same servers, same reports, no new cost: the batch now uses capacity that was idle anyway.',
      check: { kind: 'result', condition: { metric: 'p99', max: 200 } },
      chart: 'latency',
    },
  ],
  goal: {
    brief:
      'Users peak at 480 req/s every 60 s; `cron` runs 10 report jobs of about 5 s every 60 s on the web servers. Keep the users’ p99 under 200 ms and finish every run within 20 s, with no new machines.',
    conditions: [
      { metric: 'p99', max: 200 },
      { metric: 'batchRunMs', node: 'cron', max: 20000 },
    ],
    constraints: {
      budgetPerMonth: 210,
      locked: ['lb', 'web-1', 'web-2', { node: 'cron', fields: ['everyS', 'jobs', 'jobTimeMs'] }],
      rules: [
        {
          label: 'The reports run on the web servers',
          check: { kind: 'edges', from: { id: 'cron' }, to: { id: 'lb' }, min: 1 },
        },
      ],
    },
  },
  hints: [
    'At the peak users keep about 10 of the 16 workers busy; at the trough about 2.',
    'The traffic repeats every 60 s, with its peak at 15 s and its trough at 45 s.',
    'The scheduler’s “First run at” sets when in the cycle the runs happen.',
  ],
  takeaway:
    'Batch work is flexible about when it runs, users are not. Scheduled at quiet times, it uses idle capacity for free; at the peak, it steals capacity from the users.',
  facts: [
    {
      of: 'start',
      says: 'at the peak, users’ p99 goes over half a second',
      condition: { metric: 'p99', min: 500 },
    },
    { of: 'solution', says: 'at the trough, users do not notice', condition: { metric: 'p99', max: 120 } },
  ],
  start,
  solution,
} satisfies LessonSource;
