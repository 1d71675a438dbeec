import { z } from 'zod';
import { costPerMonth } from './shared.ts';

/** Monthly price of one cluster machine when `costPerMonth` is empty. */
export const MAP_REDUCE_COST_PER_WORKER = 120;

export const mapReduceConfig = z.strictObject({
  workers: z.int().min(1).max(10_000).default(10).meta({
    title: 'Workers',
    unit: 'machines',
    description:
      'Machines in the cluster, each running one task at a time. More workers finish the map phase sooner — until the shuffle and the slowest tasks (stragglers) are all that is left.',
  }),
  inputMB: z.number().positive().max(1_000_000_000).default(10_000).meta({
    title: 'Input',
    unit: 'MB',
    description: 'Data a job processes when a "run" event starts it (a scheduler says its own size).',
  }),
  splitMB: z.number().positive().max(1_000_000).default(128).meta({
    title: 'Split size',
    unit: 'MB',
    description: 'The input is cut into splits of this size; each is one map task.',
  }),
  mapMBps: z.number().positive().max(1_000_000).default(20).meta({
    title: 'Map speed',
    unit: 'MB/s',
    description:
      'How fast one map task reads and processes its split: a 128 MB split at 20 MB/s takes 6.4 s.',
  }),
  outputRatio: z.number().min(0).max(100).default(0.5).meta({
    title: 'Map output',
    unit: '× input',
    description: 'How much data the map phase hands to the reducers, as a share of the input.',
  }),
  networkMBps: z.number().positive().max(1_000_000).default(500).meta({
    title: 'Network',
    unit: 'MB/s',
    description:
      'Throughput of the cluster network during the shuffle. All map output crosses it once, however many workers there are.',
  }),
  fetchMs: z.number().min(0).max(60_000).default(5).meta({
    title: 'Fetch overhead',
    unit: 'ms',
    description:
      'Fixed cost of one reducer fetching one map task’s output. There are splits × reducers fetches, shared by the workers: many reducers make the shuffle slower.',
  }),
  reducers: z.int().min(1).max(100_000).default(4).meta({
    title: 'Reducers',
    unit: 'tasks',
    description: 'Reduce tasks: each takes an equal share of the map output.',
  }),
  reduceMBps: z.number().positive().max(1_000_000).default(20).meta({
    title: 'Reduce speed',
    unit: 'MB/s',
    description: 'How fast one reduce task processes its share.',
  }),
  stragglerProbability: z.number().min(0).max(1).default(0.05).meta({
    title: 'Straggler chance',
    unit: '0–1',
    description:
      'Chance that a task lands on a slow or busy machine. A phase ends with its slowest task, so with many tasks at once a straggler is almost certain.',
  }),
  stragglerSlowdown: z.number().min(1).max(100).default(4).meta({
    title: 'Straggler slowdown',
    unit: '×',
    description: 'How many times longer a straggling task takes.',
  }),
  costPerMonth,
});
export type MapReduceConfig = z.output<typeof mapReduceConfig>;

export const mapReduceComponent = {
  type: 'mapReduce',
  label: 'Map-reduce',
  description:
    'A cluster that splits a big job into map tasks, shuffles their output over the network and reduces it. Started by a scheduler or a "run" event; a failed worker’s tasks run again.',
  config: mapReduceConfig,
} as const;
