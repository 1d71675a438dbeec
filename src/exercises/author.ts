import type { Scenario, ScenarioInput } from '../scenario/document.ts';
import { requestEdges } from '../scenario/edgeKinds.ts';
import { restoreScenario } from '../scenario/restore.ts';
import {
  type Condition,
  type Constraints,
  EXERCISE_TYPE,
  EXERCISE_VERSION,
  type Exercise,
  type Lock,
  type Rule,
  WORKSHOP_TYPE,
  WORKSHOP_VERSION,
} from './goals.ts';
import { type ExerciseResult, restoreExercise, restoreWorkshop, type WorkshopResult } from './restore.ts';

/**
 * Teacher authoring, the pure part: "Create exercise" from a canvas. The UI collects a brief,
 * goals and constraints, picks the start (the whole canvas or a selection) and the nodes to
 * lock; these functions turn that into a validated exercise (then `encodeExerciseLink`).
 */

export interface ExerciseDraft {
  title: string;
  brief?: string;
  /** A stable id for saved progress; made from the title when missing. */
  id?: string;
  /** What the student starts with. Its seed, duration, warm-up and events are the exercise's. */
  start: Scenario | ScenarioInput;
  conditions: Condition[];
  constraints?: {
    allowedTypes?: Constraints['allowedTypes'];
    maxCount?: Constraints['maxCount'];
    budgetPerMonth?: number;
    locked?: Lock[];
    lockTraffic?: boolean;
    rules?: Rule[];
  };
  hints?: string[];
}

/** Builds and validates an exercise document from a draft (never throws). */
export function createExercise(draft: ExerciseDraft): ExerciseResult {
  const id = draft.id ?? slug(draft.title);
  return restoreExercise({
    type: EXERCISE_TYPE,
    version: EXERCISE_VERSION,
    ...(id ? { id } : {}),
    title: draft.title,
    brief: draft.brief ?? '',
    start: draft.start,
    goal: { conditions: draft.conditions, constraints: draft.constraints ?? {} },
    hints: draft.hints ?? [],
  });
}

/** A workshop: exercises in the order students meet them (validated, never throws). */
export function createWorkshop(title: string, exercises: Exercise[], description = ''): WorkshopResult {
  return restoreWorkshop({ type: WORKSHOP_TYPE, version: WORKSHOP_VERSION, title, description, exercises });
}

/**
 * Part of a canvas as a start scenario: the chosen nodes, the edges between them and the
 * events that apply to them; the run settings are kept. Fails (with the restore funnel's
 * message) when the part is not a valid scenario on its own.
 */
export function partOf(
  scenario: Scenario,
  nodeIds: Iterable<string>,
): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  const keep = new Set(nodeIds);
  const nodes = scenario.nodes.filter((n) => keep.has(n.id));
  if (nodes.length === 0) return { ok: false, error: 'Choose at least one node for the start.' };
  const edges = scenario.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  const edgeKeys = new Set(requestEdges({ edges }).map((e) => `${e.source}\u0000${e.target}`));
  const events = scenario.events.filter((ev) =>
    ev.action === 'cut' || ev.action === 'heal'
      ? edgeKeys.has(`${ev.source}\u0000${ev.target}`)
      : ev.node !== undefined && keep.has(ev.node),
  );
  const r = restoreScenario({ ...scenario, nodes, edges, events });
  return r.ok ? { ok: true, scenario: r.scenario } : { ok: false, error: r.error };
}

/**
 * A stable key for a student's saved progress on an exercise: its id when it has one, else a
 * hash of the whole document (so two different exercises without ids never share progress).
 */
export function exerciseKey(exercise: Exercise): string {
  const base = exercise.id ? `id:${exercise.id}` : 'doc';
  return `${base}:${hash(stableJson(exercise))}`;
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
