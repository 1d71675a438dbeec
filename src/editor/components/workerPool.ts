import { WorkerPoolIcon } from '../../ui/icons.tsx';
import { plural } from './format.ts';
import { defineView } from './types.ts';

export const workerPoolView = defineView({
  type: 'workerPool',
  icon: WorkerPoolIcon,
  accent: 'var(--sl-type-worker)',
  summary: (c) => plural(c.workers, 'worker'),
  advanced: ['serviceDistribution', 'serviceCv', 'costPerMonth'],
  showWhen: { serviceCv: (c) => c.serviceDistribution === 'lognormal' },
});
