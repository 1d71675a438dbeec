import type { z } from 'zod';
import { components, isNodeType } from '../scenario/components/index.ts';
import { DOCUMENT_TYPE } from '../scenario/document.ts';
import { formatPath, MAX_INPUT_CHARS, type Problem, restoreScenario } from '../scenario/restore.ts';
import {
  EXERCISE_TYPE,
  EXERCISE_VERSION,
  type Exercise,
  exerciseSchema,
  WORKSHOP_TYPE,
  WORKSHOP_VERSION,
  type Workshop,
  workshopSchema,
} from './goals.ts';
import { metricDef } from './metrics.ts';

/**
 * The restore funnel for exercises and workshops, like the scenario's: every input — a file,
 * a link, a lesson, a teacher's form — becomes an exercise here and nowhere else. It never
 * throws: a bad input becomes a message that names the field and says what was expected.
 * The start scenario goes through the scenario's own restore funnel.
 */

export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** `exerciseMigrations[n]` turns a version-n exercise into version n+1. Never edit a shipped one. */
export const exerciseMigrations: Readonly<Record<number, Migration>> = {};
export const workshopMigrations: Readonly<Record<number, Migration>> = {};

export type ExerciseResult =
  | { ok: true; exercise: Exercise; warnings: string[] }
  | { ok: false; error: string; problems: Problem[] };

export type WorkshopResult =
  | { ok: true; workshop: Workshop; warnings: string[] }
  | { ok: false; error: string; problems: Problem[] };

export function restoreExercise(input: unknown): ExerciseResult {
  try {
    const env = envelope(input, EXERCISE_TYPE, EXERCISE_VERSION, exerciseMigrations, 'exercise');
    if (!env.ok) return env;
    return restoreExerciseBody(env.doc);
  } catch (e) {
    return fail(`This exercise could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

export function restoreWorkshop(input: unknown): WorkshopResult {
  try {
    const env = envelope(input, WORKSHOP_TYPE, WORKSHOP_VERSION, workshopMigrations, 'workshop');
    if (!env.ok) return env;
    const parsed = workshopSchema.safeParse(env.doc);
    if (!parsed.success) return fromIssues(parsed.error.issues, env.doc, 'workshop');
    const exercises: Exercise[] = [];
    const warnings: string[] = [];
    for (const [i, raw] of parsed.data.exercises.entries()) {
      const r = restoreExercise(raw);
      if (!r.ok) {
        const problems = r.problems.map((p) => ({
          path: `exercises[${i}]${p.path ? `.${p.path}` : ''}`,
          message: p.message,
        }));
        return fail(`Exercise ${i + 1} of the workshop has a problem:\n${r.error}`, problems);
      }
      exercises.push(r.exercise);
      warnings.push(...r.warnings.map((w) => `exercise ${i + 1}: ${w}`));
    }
    const ids = new Set<string>();
    for (const [i, ex] of exercises.entries()) {
      if (ex.id === undefined) continue;
      if (ids.has(ex.id))
        return fail(`Two exercises of the workshop have the id "${ex.id}"; ids must be unique.`, [
          { path: `exercises[${i}].id`, message: `"${ex.id}" is used twice` },
        ]);
      ids.add(ex.id);
    }
    return {
      ok: true,
      workshop: {
        type: WORKSHOP_TYPE,
        version: WORKSHOP_VERSION,
        title: parsed.data.title,
        description: parsed.data.description,
        exercises,
      },
      warnings,
    };
  } catch (e) {
    return fail(`This workshop could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

/** Same as restoreExercise but throws a readable Error; for built-in content and tests. */
export function exerciseOrThrow(input: unknown): Exercise {
  const r = restoreExercise(input);
  if (!r.ok) throw new Error(r.error);
  return r.exercise;
}

// ——— The envelope: JSON, type, version, migrations ———

type Envelope =
  | { ok: true; doc: Record<string, unknown> }
  | { ok: false; error: string; problems: Problem[] };

function envelope(
  input: unknown,
  type: string,
  current: number,
  steps: Readonly<Record<number, Migration>>,
  noun: 'exercise' | 'workshop',
): Envelope {
  let raw = input;
  if (typeof input === 'string') {
    if (input.length > MAX_INPUT_CHARS)
      return fail(
        `The ${noun} is too large (${input.length.toLocaleString('en-US')} characters; the limit is ${MAX_INPUT_CHARS.toLocaleString('en-US')}).`,
      );
    try {
      raw = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (e) {
      return fail(`This is not valid JSON: ${(e as Error).message}.`);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail(
      `Expected an ${noun} object like {"type": "${type}", "version": ${current}, …}, got ${describeValue(raw)}.`,
    );
  const doc = raw as Record<string, unknown>;
  if (doc.type !== type) {
    const what =
      doc.type === DOCUMENT_TYPE
        ? `This is a scenario, not ${noun === 'exercise' ? 'an exercise' : 'a workshop'}: an exercise wraps a scenario as its "start", with a "goal".`
        : doc.type === EXERCISE_TYPE || doc.type === WORKSHOP_TYPE
          ? `This is ${doc.type === EXERCISE_TYPE ? 'an exercise' : 'a workshop'}, not ${noun === 'exercise' ? 'an exercise' : 'a workshop'}.`
          : doc.type === undefined
            ? `This is not a ScaleLab ${noun}: the field "type" is missing (expected "${type}").`
            : `This is not a ScaleLab ${noun}: "type" is ${describeValue(doc.type)}, expected "${type}".`;
    return fail(what, [{ path: 'type', message: `expected "${type}", got ${describeValue(doc.type)}` }]);
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail(
      `The field "version" must be a whole number from 1 to ${current}, got ${describeValue(version)}.`,
      [{ path: 'version', message: 'expected a whole number' }],
    );
  if (version > current)
    return fail(
      `This ${noun} was made by a newer version of ScaleLab (format ${version}; this one reads up to ${current}). Reload the page to get the latest version.`,
      [{ path: 'version', message: `newer than ${current}` }],
    );
  let migrated = doc;
  for (let v = version; v < current; v++) {
    const step = steps[v];
    if (!step) return fail(`This ${noun} (format ${version}) could not be upgraded: no migration from ${v}.`);
    migrated = { ...step(migrated), version: v + 1 };
  }
  return { ok: true, doc: migrated };
}

// ——— The exercise body ———

function restoreExerciseBody(doc: Record<string, unknown>): ExerciseResult {
  const parsed = exerciseSchema.safeParse(doc);
  if (!parsed.success) return fromIssues(parsed.error.issues, doc, 'exercise');
  const data = parsed.data;
  if (data.start === undefined)
    return fail('The exercise has no "start" scenario.', [{ path: 'start', message: 'missing' }]);
  const start = restoreScenario(data.start);
  if (!start.ok) {
    const problems = start.problems.map((p) => ({
      path: `start${p.path ? `.${p.path}` : ''}`,
      message: p.message,
    }));
    return fail(`The exercise's start scenario has a problem:\n${start.error}`, problems);
  }
  const exercise: Exercise = { ...data, start: start.scenario };
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const s = start.scenario;
  const byId = new Map(s.nodes.map((n) => [n.id, n]));

  exercise.goal.constraints.locked.forEach((lock, i) => {
    const id = typeof lock === 'string' ? lock : lock.node;
    const node = byId.get(id);
    const where = `goal.constraints.locked[${i}]`;
    if (!node) {
      problems.push({ path: where, message: `the start has no node "${id}" to lock` });
      return;
    }
    if (typeof lock === 'string' || lock.fields === undefined) return;
    if (lock.fields === 'traffic') {
      if (node.type !== 'client')
        problems.push({
          path: `${where}.fields`,
          message: `"traffic" locks a client's traffic; "${id}" is a ${node.type}`,
        });
      return;
    }
    const known = Object.keys(components[node.type].config.shape);
    for (const f of lock.fields)
      if (!known.includes(f))
        problems.push({
          path: `${where}.fields`,
          message: `a ${node.type} has no field "${f}" (it knows: ${known.join(', ')})`,
        });
  });

  const faulted = new Set(
    s.events
      .filter((e) => e.action === 'fail' || e.action === 'slow' || e.action === 'cut' || e.action === 'flush')
      .map((e) => (e.action === 'cut' ? `${e.source}→${e.target}` : (e.node as string))),
  );
  exercise.goal.conditions.forEach((c, i) => {
    const def = metricDef(c.metric as never);
    const where = `goal.conditions[${i}]`;
    if (def.scope === 'fault') {
      if (!faulted.has(c.node as string))
        problems.push({
          path: `${where}.node`,
          message: `no event of the start scenario fails "${c.node}"; "${c.metric}" measures a fault the exercise applies`,
        });
      return;
    }
    if (c.node === undefined) return;
    const node = byId.get(c.node);
    if (!node) {
      warnings.push(
        `condition ${i + 1} (${c.metric}) is measured on "${c.node}", which the start does not have: the student must add a node with exactly that id`,
      );
      return;
    }
    const allowed = def.nodeTypes;
    if (allowed && !allowed.includes(node.type))
      problems.push({
        path: `${where}.node`,
        message: `"${c.node}" is a ${node.type}; "${c.metric}" is measured on ${allowed.join(', ')} nodes`,
      });
  });

  const maxCount = exercise.goal.constraints.maxCount ?? {};
  const allowedTypes = exercise.goal.constraints.allowedTypes;
  for (const lock of exercise.goal.constraints.locked) {
    const node = byId.get(typeof lock === 'string' ? lock : lock.node);
    if (node && allowedTypes && allowedTypes.length > 0 && !allowedTypes.includes(node.type))
      problems.push({
        path: 'goal.constraints.allowedTypes',
        message: `"${node.id}" is locked but its type (${node.type}) is not allowed: no design could pass`,
      });
  }
  for (const [type, max] of Object.entries(maxCount)) {
    if (!isNodeType(type)) continue;
    const lockedOfType = exercise.goal.constraints.locked.filter(
      (l) => byId.get(typeof l === 'string' ? l : l.node)?.type === type,
    ).length;
    if (max !== undefined && lockedOfType > max)
      problems.push({
        path: `goal.constraints.maxCount.${type}`,
        message: `${lockedOfType} ${type} nodes are locked, more than the ${max} allowed: no design could pass`,
      });
  }
  if (problems.length > 0) return fail(summarise(problems), problems);
  return { ok: true, exercise, warnings };
}

// ——— Messages ———

function fromIssues(
  issues: readonly z.core.$ZodIssue[],
  doc: Record<string, unknown>,
  noun: 'exercise' | 'workshop',
): { ok: false; error: string; problems: Problem[] } {
  const problems = issues.map((issue) => ({
    path: formatPath(issue.path, doc),
    message: explain(issue, doc),
  }));
  return fail(summarise(problems, noun), problems);
}

function explain(issue: z.core.$ZodIssue, doc: Record<string, unknown>): string {
  const got = valueAt(doc, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(got)}`;
    case 'invalid_type':
      return got === undefined
        ? `missing (expected ${noun(issue.expected)})`
        : `expected ${noun(issue.expected)}, got ${describeValue(got)}`;
    case 'invalid_union': {
      const kinds = '"nodes", "config", "edges", "events", "ran", "fault", "result", "all", "any", "not"';
      if (issue.path.at(-1) === 'kind')
        return got === undefined
          ? `a check needs a "kind": one of ${kinds}`
          : `unknown check kind ${describeValue(got)}; expected one of ${kinds}`;
      if (issue.path.at(-2) === 'locked')
        return `expected a node id, or {"node": id, "fields": [field names] or "traffic"}, got ${describeValue(got)}`;
      return `expected one of the allowed forms, got ${describeValue(got)}`;
    }
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`
        : issue.origin === 'string'
          ? issue.minimum === 1
            ? 'must not be empty'
            : `too short (at least ${String(issue.minimum)} characters)`
          : `expected a number ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}, got ${describeValue(got)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `too many entries (at most ${String(issue.maximum)})`
        : issue.origin === 'string'
          ? `too long (at most ${String(issue.maximum)} characters)`
          : `expected a number ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}, got ${describeValue(got)}`;
    default:
      return issue.message;
  }
}

function noun(expected: string): string {
  switch (expected) {
    case 'int':
      return 'a whole number';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    default:
      return `a ${expected}`;
  }
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let cursor = doc;
  for (const key of path) {
    if (cursor === null || typeof cursor !== 'object') return undefined;
    cursor = (cursor as Record<PropertyKey, unknown>)[key];
  }
  return cursor;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

function summarise(problems: Problem[], noun: 'exercise' | 'workshop' = 'exercise'): string {
  const shown = problems.slice(0, 5).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  const more = problems.length > 5 ? `\n…and ${problems.length - 5} more.` : '';
  return `The ${noun} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${shown.map((s) => `• ${s}`).join('\n')}${more}`;
}

function fail(
  error: string,
  problems: Problem[] = [{ path: '', message: error }],
): { ok: false; error: string; problems: Problem[] } {
  return { ok: false, error, problems };
}
