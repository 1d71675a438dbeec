import { SchedulerIcon } from '../../ui/icons.tsx';
import { shortDuration, shortNumber } from './format.ts';
import { defineView } from './types.ts';

export const schedulerView = defineView({
  type: 'scheduler',
  icon: SchedulerIcon,
  accent: 'var(--sl-type-scheduler)',
  summary: (c) =>
    `every ${shortDuration(c.everyS * 1000)} · ${shortNumber(c.jobs)} × ${shortDuration(c.jobTimeMs)}`,
  advanced: ['inputMB', 'costPerMonth'],
});
