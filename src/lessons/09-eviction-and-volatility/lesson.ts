import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';

export default {
  id: 'eviction-and-volatility',
  topic: 'eviction-and-volatility',
  title: 'Small and forgetful',
  summary:
    'A full cache must evict, and a restarted one comes back empty: choose what to keep, and don’t lose it all at once.',
  why: 'Memory is small: when a cache is full, each new item evicts an old one, and the eviction policy decides which. On skewed traffic, keeping the most recently used (LRU) or most often used (LFU) items beats evicting the oldest (FIFO). Memory is volatile: a cache that restarts comes back empty, and every read it used to answer falls on the database at once.',
  try: 'Run the start: one FIFO cache of 2,000 items, restarted at 25 s. Switch it to LRU or LFU. Then split the cache in two: add a second cache and connect both servers to it.',
  notice:
    'At 25 s the hit ratio drops to nothing and climbs back over a few seconds. Meanwhile `db` takes every read: watch its queue and p99 spike.',
  chart: 'hitRatio',
  steps: [
    {
      id: 'watch-restart',
      do: 'Run the start and watch the hit ratio and latency around 25 s.',
      done: 'The cache came back empty: `db` took the stampede, its queue grew and p99 spiked until the popular keys were cached again.',
      check: {
        kind: 'all',
        of: [
          { kind: 'fault', action: 'fail', node: 'cache-1' },
          { kind: 'ran', seconds: 30 },
        ],
      },
      chart: 'hitRatio',
    },
    {
      id: 'policy',
      do: 'Select `cache-1` and change its eviction to LRU or LFU.',
      done: 'A better policy keeps the popular items: the hit ratio rises from about 57% to about 61% (LRU) or 64% (LFU). The restart still hurts.',
      check: {
        kind: 'config',
        match: { type: 'cache' },
        path: 'eviction',
        oneOf: ['lru', 'lfu'],
        every: true,
      },
      chart: 'hitRatio',
    },
    {
      id: 'shard',
      do: 'Add a second cache like the first, and connect `web-1` and `web-2` to it too.',
      done: 'The servers now shard keys over both caches. Twice the memory, and a restart empties only half of it: `db` can absorb half a stampede.',
      check: { kind: 'edges', from: { type: 'server' }, to: { type: 'cache' }, min: 4 },
      chart: 'latency',
      hint: 'A server connected to several caches spreads the keys over them (consistent hashing).',
    },
  ],
  goal: {
    brief:
      'Users read 1,500 items/s out of 50,000 and give up after 1 s; `cache-1` restarts at 25 s. Keep p99 under 150 ms and the caches’ hit ratio at 65% or more, with at most two caches of 2,000 items each.',
    conditions: [
      { metric: 'p99', max: 150 },
      { metric: 'hitRatio', type: 'cache', min: 0.65 },
    ],
    constraints: {
      maxCount: { cache: 2 },
      locked: ['db', 'web-1', 'web-2'],
      rules: [
        {
          label: 'Each cache holds at most 2,000 items',
          check: { kind: 'config', match: { type: 'cache' }, path: 'capacity', max: 2000, every: true },
          hint: 'Memory per cache node is limited: use the policy, and more nodes.',
        },
      ],
    },
  },
  hints: [
    'FIFO throws out the oldest item even if it is the most popular one.',
    'The restart hurts because one cache held every key: how could a restart lose only part of them?',
    'Two caches shard the keys between them: each restart empties only its half.',
  ],
  takeaway:
    'Choose what to keep (LRU and LFU beat FIFO on skewed traffic), and never keep it all in one place: a cache is volatile, and the database must survive its restart.',
  facts: [
    {
      of: 'start',
      says: 'FIFO: hit ratio about 57%',
      condition: { metric: 'hitRatio', type: 'cache', min: 0.55, max: 0.59 },
    },
    {
      of: 'lru',
      says: 'LRU: hit ratio about 61%',
      condition: { metric: 'hitRatio', type: 'cache', min: 0.59, max: 0.63 },
    },
    {
      of: 'lfu',
      says: 'LFU: hit ratio about 64%',
      condition: { metric: 'hitRatio', type: 'cache', min: 0.62, max: 0.66 },
    },
    { of: 'lfu', says: 'the restart still hurts with LFU', condition: { metric: 'p99', min: 150 } },
    { of: 'solution', says: 'two LFU shards: p99 back to normal', condition: { metric: 'p99', max: 100 } },
  ],
  variants: {
    lru: { from: 'start', set: [{ node: 'cache-1', path: 'eviction', value: 'lru' }] },
    lfu: { from: 'start', set: [{ node: 'cache-1', path: 'eviction', value: 'lfu' }] },
  },
  start,
  solution,
} satisfies LessonSource;
