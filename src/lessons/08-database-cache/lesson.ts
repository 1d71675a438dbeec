import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';

export default {
  id: 'database-cache',
  topic: 'database-cache',
  title: 'A cache inside the database',
  summary: 'Turn up the database’s own row cache: faster reads with no change to the application.',
  why: 'Not every cache needs new code. Databases keep recently used rows in memory (a buffer pool, or Cassandra’s row cache): a read that finds its row there skips the disk. A database administrator can turn it up without touching the application.',
  try: 'Run the start: 900 req/s, and every read costs the database 16 ms. Then give `db` a row cache: no new components, no change to the servers.',
  notice:
    'On the utilisation chart `db` falls from nearly 90% busy to about a third; on the latency chart the median drops by about 15 ms.',
  chart: 'utilization',
  steps: [
    {
      id: 'run-start',
      do: 'Run the start and look at `db` on the utilisation chart.',
      done: 'Nearly 90% busy: each of its 16 connections spends 16 ms on every read.',
      check: { kind: 'ran', seconds: 20 },
      chart: 'utilization',
    },
    {
      id: 'row-cache',
      do: 'Select `db` and set “Rows cached” to 5,000, a tenth of the keys.',
      done: 'The database now keeps that many rows in memory. The servers send the same queries and get faster answers. Run again.',
      check: { kind: 'config', match: { id: 'db' }, path: 'rowCache.capacity', min: 1000 },
      chart: 'hitRatio',
      hint: 'It is in the database’s Row cache section.',
    },
    {
      id: 'hits',
      do: 'Run to the end and check the goal.',
      done: 'About 70% of reads find their row in memory and take 0.5 ms instead of 16.',
      check: { kind: 'result', condition: { metric: 'hitRatio', node: 'db', min: 0.5 } },
      chart: 'hitRatio',
    },
  ],
  goal: {
    brief:
      'Users send 900 req/s, 95% of them reads. Bring the median latency under 30 ms and `db` under 50% busy, without adding components or changing the servers, and without buying the database more connections, faster storage or replicas.',
    conditions: [
      { metric: 'p50', max: 30 },
      { metric: 'utilization', node: 'db', max: 0.5 },
    ],
    constraints: {
      maxCount: { cache: 0 },
      locked: [
        'web-1',
        'web-2',
        { node: 'db', fields: ['connections', 'readTimeMs', 'writeTimeMs', 'readReplicas', 'profile'] },
      ],
    },
  },
  hints: [
    'Reads are the database’s work here: 16 ms each, on 16 connections.',
    'The database has a row cache of its own, empty by default.',
  ],
  takeaway:
    'A database cache speeds up reads with no change to the application, and its hit ratio follows the same rules as any cache: size, number of keys, popularity skew.',
  facts: [
    {
      of: 'start',
      says: '`db` is nearly 90% busy',
      condition: { metric: 'utilization', node: 'db', min: 0.85, max: 0.92 },
    },
    { of: 'start', says: 'median about 41 ms', condition: { metric: 'p50', min: 39, max: 44 } },
    {
      of: 'solution',
      says: 'about 70% of reads hit the row cache',
      condition: { metric: 'hitRatio', node: 'db', min: 0.66, max: 0.74 },
    },
    { of: 'solution', says: 'median about 26 ms', condition: { metric: 'p50', min: 24, max: 28 } },
    {
      of: 'solution',
      says: '`db` about a third busy',
      condition: { metric: 'utilization', node: 'db', min: 0.28, max: 0.37 },
    },
  ],
  start,
  solution,
} satisfies LessonSource;
