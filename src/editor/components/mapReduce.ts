import { MapReduceIcon } from '../../ui/icons.tsx';
import { plural, shortNumber } from './format.ts';
import { defineView } from './types.ts';

export const mapReduceView = defineView({
  type: 'mapReduce',
  icon: MapReduceIcon,
  accent: 'var(--sl-type-mapreduce)',
  summary: (c) => `${plural(c.workers, 'machine')} · ${shortNumber(c.inputMB / 1000)} GB in`,
  advanced: [
    'mapMBps',
    'outputRatio',
    'networkMBps',
    'fetchMs',
    'reduceMBps',
    'stragglerProbability',
    'stragglerSlowdown',
    'costPerMonth',
  ],
});
