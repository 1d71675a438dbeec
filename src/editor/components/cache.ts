import { CacheIcon } from '../../ui/icons.tsx';
import { shortDuration, shortNumber } from './format.ts';
import { defineView } from './types.ts';

export const cacheView = defineView({
  type: 'cache',
  icon: CacheIcon,
  accent: 'var(--sl-type-cache)',
  summary: (c) =>
    `${c.eviction.toUpperCase()} · ${shortNumber(c.capacity)} items${c.ttlMs === null ? '' : ` · TTL ${shortDuration(c.ttlMs)}`}`,
  advanced: ['workers', 'hitTimeMs', 'serviceDistribution', 'serviceCv', 'queueLimit', 'costPerMonth'],
  showWhen: { serviceCv: (c) => c.serviceDistribution === 'lognormal' },
});
