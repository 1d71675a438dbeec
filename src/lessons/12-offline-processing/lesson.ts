import type { LessonSource } from '../schema.ts';
import fewWorkers from './few-workers.ts';
import solution from './solution.ts';
import start from './start.ts';

export default {
  id: 'offline-processing',
  topic: 'offline-processing',
  title: 'Do it later',
  summary:
    'Put slow work on a queue: users get their answer at once, and a pool of workers catches up behind.',
  why: 'Some work need not happen while the user waits: resizing a photo, sending an email. With a message queue, the web server publishes the job and answers at once; a pool of workers takes jobs from the queue and runs them. The queue absorbs bursts, and the workers scale on their own.',
  try: 'Run the start: 30% of requests upload a photo that takes 300 ms to resize, and the web servers do it while the user waits. Then add a Queue and a Worker pool: servers → queue → pool → `db`.',
  notice:
    'The latency chart drops at once: users now wait only for the publish. Then watch the queue chart: with too few workers the backlog, and how long each job waits, grow without limit.',
  chart: 'queue',
  steps: [
    {
      id: 'run-start',
      do: 'Run the start and look at latency and the servers’ utilisation.',
      done: 'Each photo holds a web worker for 300 ms: the servers are full and users wait over a second.',
      check: { kind: 'ran', seconds: 20 },
      chart: 'utilization',
    },
    {
      id: 'add-queue',
      do: 'Add a Queue and a Worker pool. Connect both servers to the queue, the queue to the pool, and the pool to `db`.',
      done: 'The servers now publish each resize and answer at once. Run again and watch the queue.',
      check: {
        kind: 'all',
        of: [
          { kind: 'edges', from: { type: 'server' }, to: { type: 'queue' }, min: 2 },
          { kind: 'edges', from: { type: 'queue' }, to: { type: 'workerPool' }, min: 1 },
        ],
      },
      chart: 'latency',
      hint: 'A server connected to a queue publishes its requests’ background jobs there.',
    },
    {
      id: 'size-pool',
      do: 'Give the pool enough workers: at least 30.',
      done: '90 jobs/s × 300 ms keeps 27 workers busy on average. With 40 the backlog stays near zero; with 20 it would grow by more than 20 jobs every second.',
      check: { kind: 'config', match: { type: 'workerPool' }, path: 'workers', min: 30 },
      chart: 'queue',
    },
  ],
  goal: {
    brief:
      'Users send 300 req/s, 30% with a photo to resize (300 ms of work). Keep p99 under 150 ms and every job done within 3 s (p99 job lag), with no job dropped and at most $1,000 a month. The web servers stay as they are.',
    conditions: [
      { metric: 'p99', max: 150 },
      { metric: 'jobLagP99', type: 'queue', max: 3000 },
      { metric: 'droppedJobs', type: 'queue', max: 0 },
    ],
    constraints: { budgetPerMonth: 1000, locked: ['web-1', 'web-2', 'db'] },
  },
  hints: [
    'The web servers spend most of their time resizing photos. Does the user need to wait for that?',
    'A server connected to a queue publishes the job and answers at once; a worker pool connected to the queue does the work.',
    'A pool finishes workers ÷ job time jobs per second: it must keep up with 90 jobs/s.',
  ],
  takeaway:
    'Offline processing keeps slow work off the request path: latency stays low whatever the job costs, and the worker pool is sized for the job rate on its own. Too few workers do not slow the users down, only the jobs, until the queue is full.',
  facts: [
    { of: 'start', says: 'users wait over a second', condition: { metric: 'p99', min: 1000 } },
    { of: 'solution', says: 'with a queue, p99 under 100 ms', condition: { metric: 'p99', max: 100 } },
    {
      of: 'solution',
      says: '40 workers: jobs done within 2 s',
      condition: { metric: 'jobLagP99', type: 'queue', max: 2000 },
    },
    { of: 'few-workers', says: '20 workers: latency still low', condition: { metric: 'p99', max: 100 } },
    {
      of: 'few-workers',
      says: '20 workers: jobs wait over 10 s',
      condition: { metric: 'jobLagP99', type: 'queue', min: 10000 },
    },
  ],
  variants: { 'few-workers': { scenario: fewWorkers } },
  start,
  solution,
} satisfies LessonSource;
