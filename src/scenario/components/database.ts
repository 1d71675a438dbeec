import { z } from 'zod';
import { eviction, MAX_CACHE_ITEMS } from './cache.ts';
import { costPerMonth, queueLimit, serviceCv, serviceDistribution } from './shared.ts';

/** Storage profiles: `speed` multiplies read and write times. */
export const databaseProfiles = {
  ssd: { label: 'SSD', speed: 1, costPerMonth: 250 },
  hdd: { label: 'HDD', speed: 4, costPerMonth: 120 },
} as const;

export const databaseConfig = z.strictObject({
  connections: z.int().min(1).max(100_000).default(10).meta({
    title: 'Connections',
    unit: 'at once',
    description: 'How many queries the database runs at the same time. Others wait for a free connection.',
  }),
  readTimeMs: z
    .number()
    .positive()
    .max(3_600_000)
    .default(5)
    .meta({ title: 'Read time', unit: 'ms', description: 'Mean time to run one read query.' }),
  writeTimeMs: z.number().positive().max(3_600_000).default(10).meta({
    title: 'Write time',
    unit: 'ms',
    description: 'Mean time to run one write. Writes always go to the primary.',
  }),
  serviceDistribution,
  serviceCv,
  queueLimit,
  readReplicas: z.int().min(0).max(100).default(0).meta({
    title: 'Read replicas',
    unit: 'copies',
    description:
      'Copies of the database that serve reads, each with its own connections. Reads spread over the replicas; writes still go to the one primary.',
  }),
  profile: z.enum(['ssd', 'hdd']).default('ssd').meta({
    title: 'Storage',
    description: 'SSD: the times as set. HDD: cheaper, but every query takes four times as long.',
  }),
  rowCache: z
    .strictObject({
      capacity: z.int().min(0).max(MAX_CACHE_ITEMS).default(0).meta({
        title: 'Rows cached',
        unit: 'rows',
        description:
          'How many rows the database keeps in memory (its buffer pool). 0 = none: every read goes to disk.',
      }),
      eviction,
      hitTimeMs: z.number().positive().max(3_600_000).default(0.5).meta({
        title: 'Cached read time',
        unit: 'ms',
        description: 'Mean time of a read whose row is in memory, instead of the read time.',
      }),
    })
    .default({ capacity: 0, eviction: 'lru', hitTimeMs: 0.5 })
    .meta({
      title: 'Row cache',
      description:
        'A cache inside the database, invisible to the app: reads of rows in memory take the cached read time instead of the read time. Writes update the cached row. Each replica has its own.',
    }),
  costPerMonth,
});
export type DatabaseConfig = z.output<typeof databaseConfig>;

export const databaseComponent = {
  type: 'database',
  label: 'Database',
  description: 'Stores the data: a pool of connections with a queue, optional read replicas.',
  config: databaseConfig,
} as const;
