import { ClientIcon } from '../../ui/icons.tsx';
import { TrafficPatternEditor } from '../inspector/TrafficPatternEditor.tsx';
import { shortNumber } from './format.ts';
import { defineView } from './types.ts';

const patternWord = {
  constant: '',
  ramp: 'ramp',
  step: 'step',
  spike: 'spike',
  diurnal: 'daily wave',
} as const;

export const clientView = defineView({
  type: 'client',
  icon: ClientIcon,
  accent: 'var(--sl-type-client)',
  summary: (c) => {
    const shape = patternWord[c.pattern.type];
    return `${shortNumber(c.rps)} req/s${shape ? ` · ${shape}` : ''}`;
  },
  advanced: ['keys', 'zipf', 'sessions', 'strategy', 'retries', 'ejectAfterFailures', 'ejectForMs'],
  customFields: { pattern: TrafficPatternEditor },
});
