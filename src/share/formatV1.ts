/**
 * The frozen field tables of share-link format 1. A link stores, per node, a bitmask of the
 * fields that differ from their defaults and then just those values, in this order. These
 * tables must never change once links are out there: a new field added to a component's
 * schema later travels in the node's "extras" (JSON) until a format 2 freezes new tables.
 */
export type FieldKind =
  | { k: 'num' }
  | { k: 'bool' }
  | { k: 'enum'; values: readonly string[] }
  | { k: 'obj'; fields: FieldTable }
  | { k: 'union'; variants: Readonly<Record<string, FieldTable>> };
export type FieldTable = ReadonlyArray<readonly [string, FieldKind]>;

const num = { k: 'num' } as const;
const bool = { k: 'bool' } as const;
const en = (...values: string[]) => ({ k: 'enum', values }) as const;
const strategy = en(
  'round-robin',
  'weighted-round-robin',
  'random',
  'least-connections',
  'power-of-two',
  'ip-hash',
  'consistent-hash',
);
const distribution = en('exponential', 'deterministic', 'lognormal');
const eviction = en('lru', 'lfu', 'fifo', 'random');

export const NODE_TYPES_V1 = [
  'client',
  'loadBalancer',
  'server',
  'database',
  'cache',
  'cdn',
  'queue',
  'workerPool',
  'scheduler',
  'mapReduce',
] as const;
export const EVENT_ACTIONS_V1 = ['fail', 'restore', 'slow', 'cut', 'heal', 'spike', 'flush', 'run'] as const;

export const FIELDS_V1: Record<(typeof NODE_TYPES_V1)[number], FieldTable> = {
  client: [
    ['rps', num],
    ['arrival', en('poisson', 'deterministic')],
    [
      'pattern',
      {
        k: 'union',
        variants: {
          constant: [],
          ramp: [
            ['toRps', num],
            ['startS', num],
            ['endS', num],
          ],
          step: [
            ['toRps', num],
            ['atS', num],
          ],
          spike: [
            ['factor', num],
            ['atS', num],
            ['forS', num],
          ],
          diurnal: [
            ['amplitude', num],
            ['periodS', num],
          ],
        },
      },
    ],
    ['readRatio', num],
    ['keys', num],
    ['zipf', num],
    ['sessions', num],
    ['timeoutMs', num],
    ['strategy', strategy],
    ['retries', num],
    ['ejectAfterFailures', num],
    ['ejectForMs', num],
    ['staticRatio', num],
    ['staticKeys', num],
    ['asyncRatio', num],
  ],
  loadBalancer: [
    ['strategy', strategy],
    ['overheadMs', num],
    ['profile', en('software', 'hardware')],
    ['capacityRps', num],
    [
      'healthCheck',
      {
        k: 'obj',
        fields: [
          ['enabled', bool],
          ['intervalMs', num],
          ['unhealthyThreshold', num],
          ['healthyThreshold', num],
        ],
      },
    ],
    ['retries', num],
    ['virtualNodes', num],
    ['costPerMonth', num],
    ['standby', bool],
    ['failoverMs', num],
  ],
  server: [
    ['role', en('web', 'api', 'platform')],
    ['workers', num],
    ['serviceTimeMs', num],
    ['serviceDistribution', distribution],
    ['serviceCv', num],
    ['queueLimit', num],
    ['weight', num],
    ['profile', en('standard', 'cpu-optimized', 'io-optimized')],
    ['costPerMonth', num],
    ['strategy', strategy],
    ['retries', num],
    ['ejectAfterFailures', num],
    ['ejectForMs', num],
    ['jobTimeMs', num],
  ],
  database: [
    ['connections', num],
    ['readTimeMs', num],
    ['writeTimeMs', num],
    ['serviceDistribution', distribution],
    ['serviceCv', num],
    ['queueLimit', num],
    ['readReplicas', num],
    ['profile', en('ssd', 'hdd')],
    ['costPerMonth', num],
    [
      'rowCache',
      {
        k: 'obj',
        fields: [
          ['capacity', num],
          ['eviction', eviction],
          ['hitTimeMs', num],
        ],
      },
    ],
  ],
  cache: [
    ['capacity', num],
    ['eviction', eviction],
    ['ttlMs', num],
    ['writePolicy', en('invalidate', 'write-through', 'ttl-only')],
    ['workers', num],
    ['hitTimeMs', num],
    ['serviceDistribution', distribution],
    ['serviceCv', num],
    ['queueLimit', num],
    ['costPerMonth', num],
  ],
  cdn: [
    ['capacity', num],
    ['eviction', eviction],
    ['ttlMs', num],
    ['edgeLatencyMs', num],
    ['costPerMonth', num],
  ],
  queue: [
    ['capacity', num],
    ['publishTimeMs', num],
    ['costPerMonth', num],
  ],
  workerPool: [
    ['workers', num],
    ['serviceDistribution', distribution],
    ['serviceCv', num],
    ['costPerMonth', num],
  ],
  scheduler: [
    ['everyS', num],
    ['firstAtS', num],
    ['jobs', num],
    ['jobTimeMs', num],
    ['inputMB', num],
    ['costPerMonth', num],
  ],
  mapReduce: [
    ['workers', num],
    ['inputMB', num],
    ['splitMB', num],
    ['mapMBps', num],
    ['outputRatio', num],
    ['networkMBps', num],
    ['fetchMs', num],
    ['reducers', num],
    ['reduceMBps', num],
    ['stragglerProbability', num],
    ['stragglerSlowdown', num],
    ['costPerMonth', num],
  ],
};

/**
 * Format 1's preset deflate dictionary: words that ScaleLab scenarios keep using, so even a
 * short link compresses its ids, labels and title. Frozen with the format, like the tables;
 * the most common words sit at the end, where deflate reaches them with the shortest codes.
 */
export const DICTIONARY_V1 = new TextEncoder().encode(
  [
    'Untitled scenario with a CDN, a queue, workers, a scheduler and map-reduce jobs',
    'auth search payments checkout catalog inventory orders Orders admin Admin tools internal front Front back end',
    'two three databases servers, and ',
    'Horizontal scaling Redundancy Failover Smart client Hardware vs software balancer',
    'Application cache Database cache Eviction Invalidation Offline processing Scheduled jobs Platform layer',
    'Round robin across four servers Two web servers behind a balancer tier Tier',
    'cdn CDN queue Queue workers Worker pool scheduler Scheduler mapreduce Map-reduce',
    'replica Replica primary Primary mobile Mobile app API api-1api-2api-3 api',
    'client-1client-2client-3 Client client cache-1cache-2cache-3 Cache cache',
    'platform-1platform-2platform-3platform-4 Platform balancer platform',
    'db-1db-2db-3 DB Database database db lb-1lb-2lb-3 Load balancer Balancer balancer lb',
    'server-1server-2server-3server-4server-5server-6server-7server-8 Server server',
    'web-1web-2web-3web-4web-5web-6web-7web-8web-9web-10 Web server web users Users',
  ].join(' '),
);

/**
 * The per-edge flag bits of format 1. Bits 1 and 2 shipped with the format; bit 4 came with
 * standby pairs and is set only on pair edges, so every link made before still reads the same.
 */
export const EDGE_FLAGS_V1 = {
  /** A latency value follows (in the column of latencies). */
  latency: 1,
  /** An edge id follows (in the column of ids). */
  id: 2,
  /** A standby pair edge (`kind: "pair"`): no value follows. */
  pair: 4,
} as const;
