import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';

export default {
  id: 'application-cache',
  topic: 'application-cache',
  title: 'Cache-aside',
  summary: 'Keep popular items in memory in front of the database: the database only sees the misses.',
  why: 'Most reads ask for the same few popular items. A cache keeps copies of them in memory, in front of the database. The server asks the cache first; on a miss it reads the database and stores what it read. This is cache-aside, the `get / on miss query / set` of the memcached example.',
  try: 'Run the start: 1,000 reads/s, every one of them to a database that can answer about 1,067. Then add a cache and connect both servers to it.',
  notice:
    'On the hit-ratio chart the cache’s hit ratio climbs as popular keys fill it; on the utilisation chart `db` drops from over 90% busy to under a third.',
  chart: 'hitRatio',
  steps: [
    {
      id: 'run-start',
      do: 'Run the start and look at `db` on the utilisation chart.',
      done: '`db` is over 90% busy: every read waits for one of its 16 connections, and a server worker waits with it.',
      check: { kind: 'ran', seconds: 20 },
      chart: 'utilization',
    },
    {
      id: 'add-cache',
      do: 'Add a Cache and connect `web-1` and `web-2` to it. Keep their arrows to `db`.',
      done: 'Each server now runs cache-aside: get from the cache; on a miss, read `db` and set the value in the cache. Run again.',
      check: {
        kind: 'all',
        of: [
          { kind: 'edges', from: { type: 'server' }, to: { type: 'cache' }, min: 2 },
          { kind: 'edges', from: { type: 'server' }, to: { type: 'database' }, min: 2 },
        ],
      },
      chart: 'hitRatio',
      hint: 'A server connected to both a cache and a database reads the cache first.',
    },
    {
      id: 'hits',
      do: 'Run to the end and check the goal.',
      done: 'The cache holds a tenth of the keys but answers about 69% of the reads, because a few keys are very popular. `db` only sees the misses.',
      check: { kind: 'result', condition: { metric: 'hitRatio', type: 'cache', min: 0.5 } },
      chart: 'hitRatio',
    },
  ],
  goal: {
    brief:
      'Users read 1,000 items/s out of 100,000, with the usual popularity skew. Keep p99 under 100 ms and `db` under 50% busy, without changing the database or the servers.',
    conditions: [
      { metric: 'p99', max: 100 },
      { metric: 'utilization', node: 'db', max: 0.5 },
    ],
    constraints: { locked: ['db', 'web-1', 'web-2'] },
  },
  hints: [
    'The database is the bottleneck: 16 connections at 15 ms answer at most about 1,067 reads/s.',
    'A read answered by a cache never reaches the database.',
    'Connect each server to a cache and to the database: it reads the cache first.',
  ],
  takeaway:
    'A cache a tenth the size of the data can take most of the reads off the database, because popularity is skewed. The hit ratio comes from the cache size, the number of keys and how skewed their popularity is.',
  facts: [
    {
      of: 'start',
      says: '`db` is over 90% busy',
      condition: { metric: 'utilization', node: 'db', min: 0.9 },
    },
    {
      of: 'solution',
      says: 'the cache answers about 69% of reads',
      condition: { metric: 'hitRatio', type: 'cache', min: 0.65, max: 0.73 },
    },
    {
      of: 'solution',
      says: '`db` is under a third busy',
      condition: { metric: 'utilization', node: 'db', max: 0.333 },
    },
  ],
  start,
  solution,
} satisfies LessonSource;
