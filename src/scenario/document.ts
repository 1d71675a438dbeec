import { z } from 'zod';
import { cacheConfig } from './components/cache.ts';
import { cdnConfig } from './components/cdn.ts';
import { clientConfig } from './components/client.ts';
import { databaseConfig } from './components/database.ts';
import { loadBalancerConfig } from './components/loadBalancer.ts';
import { mapReduceConfig } from './components/mapReduce.ts';
import { queueConfig } from './components/queue.ts';
import { schedulerConfig } from './components/scheduler.ts';
import { serverConfig } from './components/server.ts';
import { workerPoolConfig } from './components/workerPool.ts';

/** The current document version. Bump it only together with a new numbered migration. */
export const CURRENT_VERSION = 1;
export const DOCUMENT_TYPE = 'scalelab-scenario';

export const LIMITS = {
  nodes: 2000,
  edges: 5000,
  events: 1000,
  durationS: 24 * 3600,
  titleChars: 200,
} as const;

const id = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'expected 1–64 letters, digits or _ . : -');

const position = z.strictObject({ x: z.number(), y: z.number() });

const nodeBase = {
  id,
  label: z.string().max(80).optional(),
  position: position.optional(),
};

// `.prefault({})`: a missing config is parsed as `{}`, so every field gets its default.
export const clientNode = z.strictObject({
  ...nodeBase,
  type: z.literal('client'),
  config: clientConfig.prefault({}),
});
export const loadBalancerNode = z.strictObject({
  ...nodeBase,
  type: z.literal('loadBalancer'),
  config: loadBalancerConfig.prefault({}),
});
export const serverNode = z.strictObject({
  ...nodeBase,
  type: z.literal('server'),
  config: serverConfig.prefault({}),
});
export const databaseNode = z.strictObject({
  ...nodeBase,
  type: z.literal('database'),
  config: databaseConfig.prefault({}),
});

export const cacheNode = z.strictObject({
  ...nodeBase,
  type: z.literal('cache'),
  config: cacheConfig.prefault({}),
});

export const cdnNode = z.strictObject({
  ...nodeBase,
  type: z.literal('cdn'),
  config: cdnConfig.prefault({}),
});

export const queueNode = z.strictObject({
  ...nodeBase,
  type: z.literal('queue'),
  config: queueConfig.prefault({}),
});
export const workerPoolNode = z.strictObject({
  ...nodeBase,
  type: z.literal('workerPool'),
  config: workerPoolConfig.prefault({}),
});

export const schedulerNode = z.strictObject({
  ...nodeBase,
  type: z.literal('scheduler'),
  config: schedulerConfig.prefault({}),
});

export const mapReduceNode = z.strictObject({
  ...nodeBase,
  type: z.literal('mapReduce'),
  config: mapReduceConfig.prefault({}),
});

export const scenarioNode = z.discriminatedUnion('type', [
  clientNode,
  loadBalancerNode,
  serverNode,
  databaseNode,
  cacheNode,
  cdnNode,
  queueNode,
  workerPoolNode,
  schedulerNode,
  mapReduceNode,
]);

export const scenarioEdge = z.strictObject({
  id: id.optional(),
  source: id,
  target: id,
  latencyMs: z.number().min(0).max(60_000).default(0).meta({
    title: 'Network latency',
    unit: 'ms',
    description: 'One-way delay of this hop. A request pays it going out and the answer pays it coming back.',
  }),
  /**
   * Absent: an ordinary edge, "source sends requests to target". `pair`: the target balancer
   * is the source balancer's standby (see `edgeKinds.ts` and `balancerPairs.ts`); it carries no
   * requests. Old documents have no `kind`, so every edge they hold stays a request edge.
   */
  kind: z.literal('pair').optional().meta({
    title: 'Kind',
    description:
      'Leave out for an ordinary connection. "pair": the target load balancer is the standby of the source one and takes over after its failover time; a pair carries no requests.',
  }),
});

/**
 * fail / restore / slow a node; cut / heal an edge; spike a client's traffic; flush a cache
 * (a cache, a CDN, or a database's row cache, loses its contents at once); run a map-reduce
 * job. On a map-reduce cluster, fail / restore take one worker down / bring them all back.
 */
export const eventActions = ['fail', 'restore', 'slow', 'cut', 'heal', 'spike', 'flush', 'run'] as const;

export const scenarioEvent = z.strictObject({
  at: z.number().min(0).max(LIMITS.durationS),
  action: z.enum(eventActions),
  /** The node for fail / restore / slow / spike / flush / run. */
  node: id.optional(),
  /** The edge for cut / heal. */
  source: id.optional(),
  target: id.optional(),
  /** slow: service time × factor; spike: traffic × factor. */
  factor: z.number().positive().max(1000).optional(),
  /** spike: how long it lasts, in seconds. */
  for: z.number().positive().max(LIMITS.durationS).optional(),
});

export const scenarioSchema = z.strictObject({
  type: z.literal(DOCUMENT_TYPE),
  version: z.literal(CURRENT_VERSION),
  title: z.string().max(LIMITS.titleChars).default('Untitled scenario'),
  description: z.string().max(4000).optional(),
  seed: z
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1),
  duration: z.number().positive().max(LIMITS.durationS).default(60),
  warmup: z.number().min(0).max(LIMITS.durationS).default(0),
  nodes: z.array(scenarioNode).max(LIMITS.nodes).default([]),
  edges: z.array(scenarioEdge).max(LIMITS.edges).default([]),
  events: z.array(scenarioEvent).max(LIMITS.events).default([]),
});

/** A restored scenario: every default filled in. This is what the engine and editor work with. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a person may write: every config field optional. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioNode = Scenario['nodes'][number];
export type ScenarioEdge = Scenario['edges'][number];
export type ScenarioEvent = Scenario['events'][number];
export type EventAction = (typeof eventActions)[number];
export type NodeOfType<T extends ScenarioNode['type']> = Extract<ScenarioNode, { type: T }>;
