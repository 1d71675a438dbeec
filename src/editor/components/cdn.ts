import { CdnIcon } from '../../ui/icons.tsx';
import { shortDuration, shortNumber } from './format.ts';
import { defineView } from './types.ts';

export const cdnView = defineView({
  type: 'cdn',
  icon: CdnIcon,
  accent: 'var(--sl-type-cdn)',
  summary: (c) => `${shortNumber(c.capacity)} files · edge ${shortDuration(c.edgeLatencyMs)}`,
  advanced: ['costPerMonth'],
});
