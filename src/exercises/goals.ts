import { z } from 'zod';
import { causes } from '../engine/index.ts';
import { type NodeType, nodeTypes } from '../scenario/components/index.ts';
import { eventActions, type Scenario } from '../scenario/document.ts';
import { metricDef, metricProblem } from './metrics.ts';

/**
 * Exercises as data. An exercise is a start scenario, a brief, and a goal: conditions on the
 * results of a run (p99 under 150 ms, error rate under 0.1 %, hit ratio over 60 % …) under the
 * exercise's own traffic and faults, plus constraints on the design (which components, how
 * many, a budget, nodes that must stay as given, rules about the wiring). A workshop is an
 * ordered list of exercises. Both are versioned documents that go through `restore.ts`.
 */

export const EXERCISE_TYPE = 'scalelab-exercise';
export const WORKSHOP_TYPE = 'scalelab-workshop';
export const EXERCISE_VERSION = 1;
export const WORKSHOP_VERSION = 1;

export const EXERCISE_LIMITS = {
  conditions: 30,
  rules: 30,
  locks: 200,
  hints: 20,
  exercises: 50,
  checkDepth: 8,
} as const;

const nodeId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'expected 1–64 letters, digits or _ . : -');
const nodeType = z.enum(nodeTypes as [NodeType, ...NodeType[]]);
const text = (max: number) => z.string().max(max);

// ——— Conditions on results ———

export const conditionSchema = z
  .strictObject({
    /** A metric id from `metrics.ts`: p99, errorRate, hitRatio, utilization … */
    metric: z.string().min(1).max(40),
    /** The node it is measured on (a client for latency; the failed node for fault metrics). */
    node: z.string().min(1).max(140).optional(),
    /** …or every node of a type, combined (busiest for utilisation, pooled for ratios, sum for load). */
    type: nodeType.optional(),
    /** For `errors`: count only this cause. */
    cause: z.enum(causes).optional(),
    /** The measured value must be at least this. Ratios are 0–1. */
    min: z.number().optional(),
    /** The measured value must be at most this. */
    max: z.number().optional(),
    /** Replaces the generated label ("p99 latency ≤ 150 ms"). */
    label: text(200).optional(),
    /** Shown when the condition fails; replaces the metric's general hint. */
    hint: text(1000).optional(),
  })
  .superRefine((c, ctx) => {
    const problem = metricProblem(c.metric);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: ['metric'], message: problem });
      return;
    }
    const def = metricDef(c.metric as never);
    if (c.min === undefined && c.max === undefined)
      ctx.addIssue({ code: 'custom', message: 'give a target: "min", "max" or both' });
    if (c.min !== undefined && c.max !== undefined && c.min > c.max)
      ctx.addIssue({ code: 'custom', path: ['min'], message: `min (${c.min}) is above max (${c.max})` });
    if (c.node !== undefined && c.type !== undefined)
      ctx.addIssue({ code: 'custom', path: ['type'], message: 'name a node or a type, not both' });
    if (def.scope === 'fault' && c.node === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['node'],
        message: `"${c.metric}" is about a fault: name the node the exercise fails in "node"`,
      });
    if (def.scope === 'fault' && c.type !== undefined)
      ctx.addIssue({ code: 'custom', path: ['type'], message: `"${c.metric}" takes a node, not a type` });
    if (def.scope === 'node' && c.node === undefined && c.type === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['node'],
        message: `"${c.metric}" is measured on a node: give "node" (an id) or "type" (all of that type)`,
      });
    if (def.scope !== 'fault' && c.node !== undefined && !/^[A-Za-z0-9_.:-]{1,64}$/.test(c.node))
      ctx.addIssue({ code: 'custom', path: ['node'], message: 'expected a node id' });
    const allowed = def.nodeTypes;
    if (c.type !== undefined && def.scope !== 'fault') {
      if (!allowed?.includes(c.type))
        ctx.addIssue({
          code: 'custom',
          path: ['type'],
          message: allowed
            ? `"${c.metric}" is measured on ${allowed.join(', ')} nodes, not on a ${c.type}`
            : `"${c.metric}" is for the whole run: leave out "type"`,
        });
    }
    if (def.scope === 'run' && !allowed && c.node !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['node'],
        message: `"${c.metric}" is for the whole run: leave out "node"`,
      });
    if (c.cause !== undefined && !def.takesCause)
      ctx.addIssue({ code: 'custom', path: ['cause'], message: `only "errors" takes a cause` });
  });
export type Condition = z.output<typeof conditionSchema>;

// ——— Checks on the design (and on a run): guided steps and design rules ———

/** Which nodes: all given fields must hold. `from`: nodes that node sends to; `to`: nodes that send to it. */
export const selectorSchema = z.strictObject({
  id: nodeId.optional(),
  type: nodeType.optional(),
  role: z.enum(['web', 'api', 'platform']).optional(),
  from: nodeId.optional(),
  to: nodeId.optional(),
});
export type Selector = z.output<typeof selectorSchema>;

const count = z.int().min(0).max(1_000_000);
const range = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

export type Check =
  /** How many nodes match (with neither min nor max: at least one). */
  | { kind: 'nodes'; match: Selector; min?: number | undefined; max?: number | undefined }
  /** A config field (dotted path) of the matching nodes: some (default; none match = not met) or every one (none match = met). */
  | {
      kind: 'config';
      match: Selector;
      path: string;
      equals?: unknown;
      oneOf?: unknown[] | undefined;
      min?: number | undefined;
      max?: number | undefined;
      every?: boolean | undefined;
    }
  /** How many edges go from / to the matching nodes, and the latency every one of them must have. */
  | {
      kind: 'edges';
      from?: Selector | undefined;
      to?: Selector | undefined;
      min?: number | undefined;
      max?: number | undefined;
      latencyMs?: { min?: number | undefined; max?: number | undefined } | undefined;
    }
  /** Scheduled events in the document (with neither min nor max: at least one). */
  | {
      kind: 'events';
      action?: (typeof eventActions)[number] | undefined;
      node?: string | undefined;
      min?: number | undefined;
      max?: number | undefined;
    }
  /** A run reached this many simulated seconds. */
  | { kind: 'ran'; seconds: number }
  /** A run saw this fault (a scheduled event or one clicked during the run). */
  | { kind: 'fault'; action?: (typeof eventActions)[number] | undefined; node?: string | undefined }
  /** The last finished run meets this condition. */
  | { kind: 'result'; condition: Condition }
  | { kind: 'all'; of: Check[] }
  | { kind: 'any'; of: Check[] }
  | { kind: 'not'; check: Check };

export const checkSchema: z.ZodType<Check> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('nodes'),
      match: selectorSchema,
      min: count.optional(),
      max: count.optional(),
    }),
    z.strictObject({
      kind: z.literal('config'),
      match: selectorSchema,
      path: z
        .string()
        .regex(
          /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/,
          'expected a field path like "healthCheck.intervalMs"',
        ),
      equals: z.unknown().optional(),
      oneOf: z.array(z.unknown()).min(1).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      every: z.boolean().optional(),
    }),
    z.strictObject({
      kind: z.literal('edges'),
      from: selectorSchema.optional(),
      to: selectorSchema.optional(),
      min: count.optional(),
      max: count.optional(),
      latencyMs: range.optional(),
    }),
    z.strictObject({
      kind: z.literal('events'),
      action: z.enum(eventActions).optional(),
      node: nodeId.optional(),
      min: count.optional(),
      max: count.optional(),
    }),
    z.strictObject({ kind: z.literal('ran'), seconds: z.number().min(0) }),
    z.strictObject({
      kind: z.literal('fault'),
      action: z.enum(eventActions).optional(),
      node: nodeId.optional(),
    }),
    z.strictObject({ kind: z.literal('result'), condition: conditionSchema }),
    z.strictObject({ kind: z.literal('all'), of: z.array(checkSchema).min(1).max(20) }),
    z.strictObject({ kind: z.literal('any'), of: z.array(checkSchema).min(1).max(20) }),
    z.strictObject({ kind: z.literal('not'), check: checkSchema }),
  ]),
) as z.ZodType<Check>;

// ——— Constraints on the design ———

/** Client fields that make up "the traffic": kept as given unless `lockTraffic` is false. */
export const TRAFFIC_FIELDS = [
  'rps',
  'arrival',
  'pattern',
  'readRatio',
  'keys',
  'zipf',
  'staticRatio',
  'staticKeys',
  'asyncRatio',
  'sessions',
  'timeoutMs',
] as const;

/** A node that must stay as given: all of its config, or only the listed fields ("traffic" = TRAFFIC_FIELDS). */
export const lockSchema = z.union([
  nodeId,
  z.strictObject({
    node: nodeId,
    fields: z.union([z.literal('traffic'), z.array(z.string().min(1).max(64)).min(1).max(50)]).optional(),
  }),
]);
export type Lock = z.output<typeof lockSchema>;

export const ruleSchema = z.strictObject({
  /** Says what must hold, e.g. "Only platform servers query the database". */
  label: text(200).min(1),
  check: checkSchema,
  hint: text(1000).optional(),
});
export type Rule = z.output<typeof ruleSchema>;

export const constraintsSchema = z
  .strictObject({
    /** Component types the design may use. Empty = any. */
    allowedTypes: z.array(nodeType).max(nodeTypes.length).optional(),
    /** Most nodes of a type, e.g. {"server": 4}. */
    maxCount: z.partialRecord(nodeType, count).optional(),
    /** Most the whole design may cost per month, in dollars. */
    budgetPerMonth: z.number().min(0).optional(),
    /** Nodes that must stay as given (their config; edges may change). */
    locked: z.array(lockSchema).max(EXERCISE_LIMITS.locks).default([]),
    /** Every client of the start keeps its traffic settings and no client is added. Default true. */
    lockTraffic: z.boolean().default(true),
    /** Rules about the design, each a check that must hold. */
    rules: z.array(ruleSchema).max(EXERCISE_LIMITS.rules).default([]),
  })
  .prefault({});
export type Constraints = z.output<typeof constraintsSchema>;

export const goalSchema = z.strictObject({
  conditions: z.array(conditionSchema).min(1).max(EXERCISE_LIMITS.conditions),
  constraints: constraintsSchema,
});
export type Goal = z.output<typeof goalSchema>;

// ——— Documents ———

export const exerciseSchema = z.strictObject({
  type: z.literal(EXERCISE_TYPE),
  version: z.literal(EXERCISE_VERSION),
  /** A stable id (for saved progress), e.g. "failover-1". */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected lower-case letters, digits and dashes')
    .optional(),
  title: text(200).min(1),
  /** What the student is asked to do, and why. Plain text; `backticks` for names. */
  brief: text(4000).default(''),
  /**
   * The scenario the student starts from. Its seed, duration, warm-up and events are the
   * exercise's: every attempt is graded under them.
   */
  start: z.unknown(),
  goal: goalSchema,
  hints: z.array(text(1000)).max(EXERCISE_LIMITS.hints).default([]),
});

/** A restored exercise: every default filled, its start a restored scenario. */
export type Exercise = Omit<z.output<typeof exerciseSchema>, 'start'> & { start: Scenario };
/** What an author may write. */
export type ExerciseInput = z.input<typeof exerciseSchema>;

export const workshopSchema = z.strictObject({
  type: z.literal(WORKSHOP_TYPE),
  version: z.literal(WORKSHOP_VERSION),
  title: text(200).min(1),
  description: text(4000).default(''),
  /** Exercise documents, in the order students meet them. */
  exercises: z.array(z.unknown()).min(1).max(EXERCISE_LIMITS.exercises),
});

export interface Workshop {
  type: typeof WORKSHOP_TYPE;
  version: typeof WORKSHOP_VERSION;
  title: string;
  description: string;
  exercises: Exercise[];
}
