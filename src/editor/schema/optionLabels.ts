import { databaseProfiles } from '../../scenario/components/database.ts';
import { balancerProfiles } from '../../scenario/components/loadBalancer.ts';
import { serverProfiles } from '../../scenario/components/server.ts';

/**
 * Words for the choices of enum fields. The schema holds the machine names ("ip-hash"); people
 * read these. Keyed by "field:option" where one option means different things in two fields.
 */
const labels: Record<string, string> = {
  'round-robin': 'Round-robin',
  'weighted-round-robin': 'Weighted round-robin',
  random: 'Random',
  'least-connections': 'Least connections',
  'power-of-two': 'Power of two choices',
  'ip-hash': 'IP hash (sticky sessions)',
  'consistent-hash': 'Consistent hashing',
  'arrival:poisson': 'Poisson (random bursts)',
  'arrival:deterministic': 'Deterministic (evenly spaced)',
  exponential: 'Exponential',
  deterministic: 'Deterministic (always the mean)',
  lognormal: 'Lognormal (long tail)',
  lru: 'LRU (least recently used)',
  lfu: 'LFU (least frequently used)',
  fifo: 'FIFO (oldest first)',
  'eviction:random': 'Random',
  invalidate: 'Invalidate (delete the key)',
  'write-through': 'Write-through (store the new value)',
  'ttl-only': 'TTL only (stale until it expires)',
  web: 'Web pages',
  api: 'Public API',
  platform: 'Platform service',
  ...Object.fromEntries(Object.entries(serverProfiles).map(([k, p]) => [k, p.label])),
  ...Object.fromEntries(Object.entries(databaseProfiles).map(([k, p]) => [k, p.label])),
  ...Object.fromEntries(Object.entries(balancerProfiles).map(([k, p]) => [k, p.label])),
};

export function optionLabel(field: string, option: string): string {
  return labels[`${field}:${option}`] ?? labels[option] ?? option;
}

/** What an empty nullable field means, shown as its placeholder. */
const emptyMeaning: Record<string, string> = {
  queueLimit: 'no limit',
  timeoutMs: 'wait forever',
  costPerMonth: 'from hardware',
  capacityRps: 'from kind',
  ttlMs: 'never expires',
};

export function emptyPlaceholder(field: string): string {
  return emptyMeaning[field] ?? 'not set';
}
