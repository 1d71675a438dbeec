import { QueueIcon } from '../../ui/icons.tsx';
import { shortDuration, shortNumber } from './format.ts';
import { defineView } from './types.ts';

export const queueView = defineView({
  type: 'queue',
  icon: QueueIcon,
  accent: 'var(--sl-type-queue)',
  summary: (c) =>
    `${c.capacity === null ? 'unbounded' : `holds ${shortNumber(c.capacity)}`} · publish ${shortDuration(c.publishTimeMs)}`,
  advanced: ['costPerMonth'],
});
