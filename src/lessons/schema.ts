import { z } from 'zod';
import {
  type CheckContext,
  checkSchema,
  conditionSchema,
  constraintsSchema,
  EXERCISE_TYPE,
  EXERCISE_VERSION,
  type Exercise,
  restoreExercise,
} from '../exercises/index.ts';
import type { Scenario } from '../scenario/document.ts';
import { restoreScenario } from '../scenario/restore.ts';
import { type TopicId, topicIds, topicTitle } from './syllabus.ts';

/**
 * A lesson is content as data: a short text, a start scenario, guided steps that notice what
 * the learner did, a goal (an exercise, graded like any other), hints, a takeaway and a
 * reference solution. `facts` pin every number the text quotes to a measured value, so the
 * lessons test fails if the engine ever changes what a sentence claims.
 */

/** The live charts a text can point at (the run UI maps them to its panels). */
export const chartIds = ['latency', 'throughput', 'errors', 'utilization', 'queue', 'hitRatio'] as const;
export type ChartId = (typeof chartIds)[number];

const line = (max: number) => z.string().min(1).max(max);

export const stepSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  /** What to do, in a sentence or two. */
  do: line(400),
  /** Shown once it is done: what changed, and what to watch now. */
  done: line(400),
  /** When the step counts as done: a check on the document (or on a run). */
  check: checkSchema,
  /** The chart to look at after this step. */
  chart: z.enum(chartIds).optional(),
  /** A nudge if the learner is stuck on this step. */
  hint: line(400).optional(),
});
export type LessonStep = z.output<typeof stepSchema>;

export const factSchema = z.strictObject({
  /** Which scenario the number is about: "start", "solution", or the name of a variant. */
  of: z.string().regex(/^[a-z0-9-]{1,40}$/),
  /** The claim as the text makes it (for the test's message). */
  says: line(200),
  /** What must hold for the claim to be true. */
  condition: conditionSchema,
});
export type LessonFact = z.output<typeof factSchema>;

/**
 * A variant: the start or the solution with a few config fields changed — an intermediate
 * design the text talks about ("with round-robin, p99 is about 240 ms"), run only to check
 * its facts.
 */
export const variantSchema = z.union([
  z.strictObject({
    from: z.enum(['start', 'solution']),
    set: z
      .array(
        z.strictObject({
          node: z.string().min(1).max(64),
          /** A dotted config path, e.g. "strategy" or "healthCheck.intervalMs". */
          path: z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/),
          value: z.unknown(),
        }),
      )
      .min(1)
      .max(20),
  }),
  /** A whole scenario document, for a design that adds or removes nodes. */
  z.strictObject({ scenario: z.unknown() }),
]);
export type LessonVariant = z.output<typeof variantSchema>;

export const lessonSourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
  topic: z.enum(topicIds as [TopicId, ...TopicId[]]),
  title: line(80),
  /** One line for the lesson picker. */
  summary: line(160),
  /** Why it matters: two or three sentences. */
  why: line(600),
  /** What to try. */
  try: line(400),
  /** What to notice, and on which chart. */
  notice: line(400),
  chart: z.enum(chartIds),
  steps: z.array(stepSchema).min(1).max(8),
  goal: z.strictObject({
    /** The exercise brief: the goal in words, with the traffic and faults it is graded under. */
    brief: line(600),
    conditions: z.array(conditionSchema).min(1).max(8),
    constraints: constraintsSchema.optional(),
  }),
  hints: z.array(line(400)).min(1).max(6),
  /** Shown when the goal is met: the one thing to remember. */
  takeaway: line(400),
  facts: z.array(factSchema).max(12).default([]),
  variants: z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), variantSchema).default({}),
  start: z.unknown(),
  solution: z.unknown(),
});
export type LessonSource = z.input<typeof lessonSourceSchema>;

export interface Lesson {
  /** Position in the course, from 1. */
  number: number;
  id: string;
  topic: TopicId;
  topicTitle: string;
  title: string;
  summary: string;
  why: string;
  try: string;
  notice: string;
  chart: ChartId;
  steps: LessonStep[];
  /** The goal as an exercise: its start is the lesson's start scenario. */
  exercise: Exercise;
  hints: string[];
  takeaway: string;
  facts: LessonFact[];
  /** Intermediate designs the facts talk about, restored. */
  variants: Record<string, Scenario>;
  /** The reference solution (a scenario that meets the goal). */
  solution: Scenario;
}

/** Turns a lesson's source into a lesson; throws a readable error (built-in content is tested). */
export function defineLesson(number: number, source: LessonSource): Lesson {
  const parsed = lessonSourceSchema.safeParse(source);
  if (!parsed.success)
    throw new Error(
      `Lesson ${source.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const s = parsed.data;
  const ex = restoreExercise({
    type: EXERCISE_TYPE,
    version: EXERCISE_VERSION,
    id: s.id,
    title: s.title,
    brief: s.goal.brief,
    start: s.start,
    goal: { conditions: s.goal.conditions, constraints: s.goal.constraints ?? {} },
    hints: s.hints,
  });
  if (!ex.ok) throw new Error(`Lesson ${s.id}: ${ex.error}`);
  const solution = restoreScenario(s.solution);
  if (!solution.ok) throw new Error(`Lesson ${s.id}, solution: ${solution.error}`);
  const variants: Record<string, Scenario> = {};
  for (const [name, v] of Object.entries(s.variants)) {
    if (name === 'start' || name === 'solution')
      throw new Error(`Lesson ${s.id}: a variant cannot be called "${name}"`);
    if ('scenario' in v) {
      const r = restoreScenario(v.scenario);
      if (!r.ok) throw new Error(`Lesson ${s.id}, variant ${name}: ${r.error}`);
      variants[name] = r.scenario;
      continue;
    }
    const base = structuredClone(v.from === 'start' ? ex.exercise.start : solution.scenario);
    for (const change of v.set) {
      const node = base.nodes.find((n) => n.id === change.node);
      if (!node) throw new Error(`Lesson ${s.id}, variant ${name}: no node "${change.node}"`);
      setPath(node.config as Record<string, unknown>, change.path, change.value);
    }
    const r = restoreScenario(base);
    if (!r.ok) throw new Error(`Lesson ${s.id}, variant ${name}: ${r.error}`);
    variants[name] = r.scenario;
  }
  for (const f of s.facts)
    if (f.of !== 'start' && f.of !== 'solution' && !variants[f.of])
      throw new Error(`Lesson ${s.id}: a fact is about "${f.of}", which is not a variant`);
  return {
    number,
    id: s.id,
    topic: s.topic,
    topicTitle: topicTitle(s.topic),
    title: s.title,
    summary: s.summary,
    why: s.why,
    try: s.try,
    notice: s.notice,
    chart: s.chart,
    steps: s.steps,
    exercise: ex.exercise,
    hints: s.hints,
    takeaway: s.takeaway,
    facts: s.facts,
    variants,
    solution: solution.scenario,
  };
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cursor = obj;
  for (const k of keys.slice(0, -1)) {
    const next = cursor[k];
    if (typeof next !== 'object' || next === null) cursor[k] = {};
    cursor = cursor[k] as Record<string, unknown>;
  }
  cursor[keys.at(-1) as string] = value;
}

export type { CheckContext };
