import type { LessonSource } from '../schema.ts';
import cluster5 from './cluster-5.ts';
import solution from './solution.ts';
import start from './start.ts';

const clusterFixed = [
  'inputMB',
  'splitMB',
  'mapMBps',
  'outputRatio',
  'networkMBps',
  'fetchMs',
  'reducers',
  'reduceMBps',
  'stragglerProbability',
  'stragglerSlowdown',
];

export default {
  id: 'map-reduce',
  topic: 'map-reduce',
  title: 'Big jobs on their own cluster',
  summary:
    'Run analytics on a map-reduce cluster, not on the users’ database, and size it: workers help until the shuffle and stragglers dominate.',
  why: 'Analytics read huge amounts of data. Run on the primary database, they hold its connections and the users wait. A map-reduce cluster splits the job instead: map tasks on many machines at once, a shuffle of their output over the network, then reducers. More machines make the map phase shorter, but not the shuffle, and every phase waits for its slowest task.',
  try: 'Run the start: at 5 s, 20 heavy queries of about 20 s take the database’s 16 connections. Then point `analytics` at `cluster` instead, and give the cluster more workers.',
  notice:
    'On the latency chart, at 5 s nothing is answered for a few seconds: every connection is held by an analytics query. On the cluster, the results list each job’s map, shuffle and reduce times.',
  chart: 'latency',
  steps: [
    {
      id: 'run-start',
      do: 'Run the start and watch the latency chart around 5 s.',
      done: 'Twenty 20-second queries on 16 connections: user reads queue behind them until some of the queries finish and free a connection.',
      check: { kind: 'ran', seconds: 60 },
      chart: 'latency',
    },
    {
      id: 'use-cluster',
      do: 'Move the arrow from `analytics` to `cluster` instead of `db`.',
      done: 'The database is the users’ again. But the 5-machine cluster needs more than 3 minutes for the job: 80 map tasks in 16 waves.',
      check: {
        kind: 'all',
        of: [
          { kind: 'edges', from: { id: 'analytics' }, to: { id: 'cluster' }, min: 1 },
          { kind: 'edges', from: { id: 'analytics' }, to: { id: 'db' }, max: 0 },
        ],
      },
      chart: 'latency',
    },
    {
      id: 'add-workers',
      do: 'Give `cluster` more workers, and compare the job times.',
      done: 'Twenty workers run the map phase in 4 waves. Doubling again would cost $2,400 a month more and save far less: the shuffle and the slowest tasks do not shrink.',
      check: { kind: 'config', match: { id: 'cluster' }, path: 'workers', min: 15 },
    },
  ],
  goal: {
    brief:
      'Users send 100 req/s while a 10 GB analytics job runs. Keep the users’ p99 under 100 ms and finish the job within 130 s, for at most $3,000 a month. The database and the job stay as they are; only the cluster’s size may change.',
    conditions: [
      { metric: 'p99', max: 100 },
      { metric: 'mapReduceJobMs', node: 'cluster', max: 130000 },
    ],
    constraints: {
      budgetPerMonth: 3000,
      locked: [
        'db',
        'web-1',
        'web-2',
        { node: 'analytics', fields: ['everyS', 'firstAtS', 'inputMB'] },
        { node: 'cluster', fields: clusterFixed },
      ],
    },
  },
  hints: [
    'The users’ reads wait for database connections held by the analytics queries.',
    'A scheduler connected to a map-reduce cluster starts one job of its input size there.',
    'A cluster machine costs $120 a month. The map phase takes ceil(80 ÷ workers) waves of 6.4 s, plus stragglers.',
  ],
  takeaway:
    'Keep analytics off the database users depend on: a map-reduce cluster scales the job out on its own machines. Workers shorten the map phase, not the shuffle or the stragglers, so past a point more machines buy little.',
  facts: [
    {
      of: 'start',
      says: 'analytics on the database: users’ p99 over half a second',
      condition: { metric: 'p99', min: 500 },
    },
    {
      of: 'cluster-5',
      says: '5 workers: the job takes more than 3 minutes',
      condition: { metric: 'mapReduceJobMs', node: 'cluster', min: 180000 },
    },
    { of: 'cluster-5', says: 'on the cluster, users do not wait', condition: { metric: 'p99', max: 100 } },
    {
      of: 'solution',
      says: '20 workers: about two minutes',
      condition: { metric: 'mapReduceJobMs', node: 'cluster', min: 110000, max: 130000 },
    },
    {
      of: 'forty',
      says: '40 workers: saves far less than the 20 first did',
      condition: { metric: 'mapReduceJobMs', node: 'cluster', min: 95000 },
    },
  ],
  variants: {
    'cluster-5': { scenario: cluster5 },
    forty: { from: 'solution', set: [{ node: 'cluster', path: 'workers', value: 40 }] },
  },
  start,
  solution,
} satisfies LessonSource;
