import { LoadBalancerIcon } from '../../ui/icons.tsx';
import { shortDuration } from './format.ts';
import { defineView } from './types.ts';

export const loadBalancerView = defineView({
  type: 'loadBalancer',
  icon: LoadBalancerIcon,
  accent: 'var(--sl-type-balancer)',
  summary: (c) =>
    [
      c.strategy,
      c.healthCheck.enabled
        ? `health ${shortDuration(c.healthCheck.intervalMs)} × ${c.healthCheck.unhealthyThreshold}`
        : 'no health checks',
      c.standby && 'standby pair',
    ]
      .filter(Boolean)
      .join(' · '),
  advanced: ['overheadMs', 'capacityRps', 'retries', 'virtualNodes', 'costPerMonth'],
  showWhen: {
    virtualNodes: (c) => c.strategy === 'consistent-hash',
    failoverMs: (c) => c.standby,
  },
});
