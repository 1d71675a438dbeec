import { z } from 'zod';
import { costPerMonth, queueLimit, serviceCv, serviceDistribution } from './shared.ts';

/** Monthly price of one cache node when `costPerMonth` is empty. */
export const CACHE_COST_PER_MONTH = 50;

/** Most items one cache may hold: ~40 bytes of engine memory per item. */
export const MAX_CACHE_ITEMS = 5_000_000;

export const eviction = z.enum(['lru', 'lfu', 'fifo', 'random']).default('lru').meta({
  title: 'Eviction',
  description:
    'Which item is thrown out when the cache is full. LRU: the least recently used. LFU: the least often used. FIFO: the oldest written. Random: any. On skewed traffic LFU ≥ LRU ≥ FIFO = random.',
});

export const cacheCapacity = z.int().min(1).max(MAX_CACHE_ITEMS).default(10_000).meta({
  title: 'Capacity',
  unit: 'items',
  description:
    'How many items fit. The hit rate follows from this, the key space and the popularity skew: a cache of 10% of the keys can serve well over half the reads when a few keys are hot.',
});

export const ttlMs = z.number().positive().max(86_400_000).nullable().default(null).meta({
  title: 'Time to live',
  unit: 'ms',
  description:
    'An item expires this long after it was written, and the next read of it misses. Empty = items stay until evicted.',
});

export const cacheConfig = z.strictObject({
  capacity: cacheCapacity,
  eviction,
  ttlMs,
  writePolicy: z.enum(['invalidate', 'write-through', 'ttl-only']).default('invalidate').meta({
    title: 'On writes',
    description:
      'What a server does to this cache after writing the database. Invalidate: delete the key, so the next read misses and reloads it. Write-through: store the new value. TTL only: nothing — readers get the old value until it expires (stale reads, counted in the report).',
  }),
  workers: z.int().min(1).max(100_000).default(8).meta({
    title: 'Threads',
    unit: 'at once',
    description:
      'How many operations the cache works on at the same time. A cache is fast, but it can saturate too: capacity = threads ÷ operation time.',
  }),
  hitTimeMs: z.number().positive().max(10_000).default(0.5).meta({
    title: 'Operation time',
    unit: 'ms',
    description: 'Mean time for one get, set or delete, once a thread is free.',
  }),
  serviceDistribution,
  serviceCv,
  queueLimit,
  costPerMonth,
});
export type CacheConfig = z.output<typeof cacheConfig>;

export const cacheComponent = {
  type: 'cache',
  label: 'Cache',
  description:
    'An in-memory cache (like Memcached or Redis) with real keys and eviction. A server connected to a cache and a database reads the cache first and the database only on a miss (cache-aside).',
  config: cacheConfig,
} as const;
