import { LoadBalancerIcon } from '../../ui/icons.tsx';
import { shortDuration } from './format.ts';
import { defineView } from './types.ts';

export const loadBalancerView = defineView({
  type: 'loadBalancer',
  icon: LoadBalancerIcon,
  accent: 'var(--sl-type-balancer)',
  summary: (c) =>
    c.healthCheck.enabled
      ? `${c.strategy} · health ${shortDuration(c.healthCheck.intervalMs)} × ${c.healthCheck.unhealthyThreshold}`
      : `${c.strategy} · no health checks`,
  advanced: ['overheadMs', 'capacityRps', 'retries', 'virtualNodes', 'costPerMonth'],
  showWhen: { virtualNodes: (c) => c.strategy === 'consistent-hash' },
});
