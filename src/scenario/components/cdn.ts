import { z } from 'zod';
import { eviction, MAX_CACHE_ITEMS, ttlMs } from './cache.ts';
import { costPerMonth } from './shared.ts';

/** Monthly price of a CDN when `costPerMonth` is empty. */
export const CDN_COST_PER_MONTH = 200;

export const cdnConfig = z.strictObject({
  capacity: z.int().min(1).max(MAX_CACHE_ITEMS).default(10_000).meta({
    title: 'Capacity',
    unit: 'files',
    description:
      'How many static files the edge keeps. Popular files stay; rare ones are evicted and fetched again.',
  }),
  eviction,
  ttlMs,
  edgeLatencyMs: z.number().min(0).max(10_000).default(10).meta({
    title: 'Edge round trip',
    unit: 'ms',
    description:
      'Round trip between the users and their nearest edge. Every request pays it; a hit pays nothing more, while a miss or a dynamic request also travels to the origin (the latency of the edge to it, both ways).',
  }),
  costPerMonth,
});
export type CdnConfig = z.output<typeof cdnConfig>;

export const cdnComponent = {
  type: 'cdn',
  label: 'CDN',
  description:
    'Edge caches close to users for static files: a hit is answered at the edge; misses and dynamic requests go on to the origin (your balancer or servers).',
  config: cdnConfig,
} as const;
