import { ServerIcon } from '../../ui/icons.tsx';
import { plural, shortDuration } from './format.ts';
import { defineView } from './types.ts';

export const serverView = defineView({
  type: 'server',
  icon: ServerIcon,
  accent: 'var(--sl-type-server)',
  summary: (c) => `${plural(c.workers, 'worker')} · ${shortDuration(c.serviceTimeMs)}`,
  advanced: ['weight', 'costPerMonth', 'strategy', 'retries', 'ejectAfterFailures', 'ejectForMs'],
  showWhen: { serviceCv: (c) => c.serviceDistribution === 'lognormal' },
});
