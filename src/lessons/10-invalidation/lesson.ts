import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';

export default {
  id: 'invalidation',
  topic: 'invalidation',
  title: 'When the data changes',
  summary:
    'Writes make cached copies wrong. Expire them, delete them, or update them: stale reads against database load.',
  why: 'A cache holds copies, and a copy goes out of date when the data changes. There are three ways to handle writes: do nothing and let entries expire after a time to live (TTL), delete the cached key after each write (invalidate), or store the new value in the cache too (write-through). Each trades stale reads against database load.',
  try: 'Run the start: one request in ten is a write, and the cache is never told. Try a 1 s time to live on `cache`; then set its “On writes” to invalidate, and to write-through.',
  notice:
    'The results count stale reads: answers from the cache that the database had already changed. Compare them with the hit ratio chart and with `db` on the utilisation chart.',
  chart: 'hitRatio',
  steps: [
    {
      id: 'run-start',
      do: 'Run the start and look at the cache’s stale reads in the results.',
      done: 'More than half of the cache’s answers were stale: popular items are written often, and the cache kept serving the old copy.',
      check: { kind: 'ran', seconds: 20 },
    },
    {
      id: 'invalidate',
      do: 'Select `cache` and set “On writes” to invalidate.',
      done: 'Each write now deletes the cached key, so the next read misses and fetches the new value. Stale reads almost vanish, at the price of extra misses.',
      check: {
        kind: 'config',
        match: { id: 'cache' },
        path: 'writePolicy',
        oneOf: ['invalidate', 'write-through'],
      },
      chart: 'hitRatio',
    },
    {
      id: 'write-through',
      do: 'Now try write-through.',
      done: 'The new value goes into the cache, so there is no extra miss: the hit ratio is back near 79%. A handful of stale reads remain: a slow fill that lands after a write, the classic cache-aside race.',
      check: { kind: 'config', match: { id: 'cache' }, path: 'writePolicy', equals: 'write-through' },
      chart: 'hitRatio',
    },
  ],
  goal: {
    brief:
      'Users send 1,000 req/s over 20,000 keys, one in ten a write. Keep stale reads under 1% of the cache’s reads and its hit ratio at 65% or more, with the same cache size.',
    conditions: [
      { metric: 'staleRatio', type: 'cache', max: 0.01 },
      { metric: 'hitRatio', type: 'cache', min: 0.65 },
    ],
    constraints: { locked: ['db', 'web-1', 'web-2', { node: 'cache', fields: ['capacity'] }] },
  },
  hints: [
    'The servers write to the database; what do they do to the cache afterwards?',
    'A short TTL limits how long a copy can be stale, but popular keys then miss over and over.',
    'The cache’s “On writes” setting: invalidate deletes the key, write-through stores the new value.',
  ],
  takeaway:
    'Cached data must be kept honest on writes. Invalidate is simple and safe; write-through also keeps the hit ratio; a TTL alone only trades staleness for misses.',
  facts: [
    {
      of: 'start',
      says: 'more than half of the cache’s answers are stale',
      condition: { metric: 'staleRatio', type: 'cache', min: 0.5, max: 0.6 },
    },
    {
      of: 'ttl-1s',
      says: 'a 1 s TTL: the hit ratio falls below 50%',
      condition: { metric: 'hitRatio', type: 'cache', max: 0.5 },
    },
    {
      of: 'ttl-1s',
      says: 'a 1 s TTL still leaves stale reads',
      condition: { metric: 'staleRatio', type: 'cache', min: 0.05 },
    },
    {
      of: 'invalidate',
      says: 'invalidate: almost no stale reads',
      condition: { metric: 'staleRatio', type: 'cache', max: 0.005 },
    },
    {
      of: 'invalidate',
      says: 'invalidate: hit ratio about 70%',
      condition: { metric: 'hitRatio', type: 'cache', min: 0.68, max: 0.72 },
    },
    {
      of: 'solution',
      says: 'write-through: hit ratio near 79%',
      condition: { metric: 'hitRatio', type: 'cache', min: 0.77, max: 0.81 },
    },
    {
      of: 'solution',
      says: 'write-through: a handful of stale reads',
      condition: { metric: 'staleRatio', type: 'cache', min: 0.0001, max: 0.005 },
    },
  ],
  variants: {
    'ttl-1s': { from: 'start', set: [{ node: 'cache', path: 'ttlMs', value: 1000 }] },
    invalidate: { from: 'start', set: [{ node: 'cache', path: 'writePolicy', value: 'invalidate' }] },
  },
  start,
  solution,
} satisfies LessonSource;
