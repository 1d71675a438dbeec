import { DatabaseIcon } from '../../ui/icons.tsx';
import { plural, shortNumber } from './format.ts';
import { defineView } from './types.ts';

export const databaseView = defineView({
  type: 'database',
  icon: DatabaseIcon,
  accent: 'var(--sl-type-database)',
  summary: (c) =>
    [
      `${shortNumber(c.connections)} conn`,
      `${shortNumber(c.readTimeMs)}/${shortNumber(c.writeTimeMs)} ms`,
      c.readReplicas > 0 && plural(c.readReplicas, 'replica'),
      c.rowCache.capacity > 0 && `${shortNumber(c.rowCache.capacity)} rows cached`,
    ]
      .filter(Boolean)
      .join(' · '),
  advanced: ['serviceDistribution', 'serviceCv', 'costPerMonth'],
  showWhen: { serviceCv: (c) => c.serviceDistribution === 'lognormal' },
});
