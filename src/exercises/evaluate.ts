import { type Report, Simulation } from '../engine/index.ts';
import { components, type NodeType } from '../scenario/components/index.ts';
import type { Scenario, ScenarioEvent, ScenarioNode } from '../scenario/document.ts';
import { requestEdges } from '../scenario/edgeKinds.ts';
import { restoreScenario } from '../scenario/restore.ts';
import { deepEqual, evaluateCheck, snapshotOf } from './checks.ts';
import { type Exercise, type Lock, TRAFFIC_FIELDS } from './goals.ts';
import { type ConditionResult, measureCondition, plural, typeName, unmeasured } from './judge.ts';
import { formatValue } from './metrics.ts';

/**
 * Grading: an attempt (a scenario) is run under the exercise's seed, duration, warm-up and
 * faults, at full speed, and judged against the goal's conditions and constraints.
 *
 *   evaluate(exercise, attempt) → Verdict          everything, synchronously
 *
 * or, for a caller that runs the engine elsewhere (a Web Worker):
 *
 *   gradedScenario(exercise, attempt) → the scenario to run
 *   verdictFor(exercise, attempt, graded, report) → Verdict
 */

export interface ConstraintResult {
  /** Stable per kind: "traffic", "faults", "budget", "maxCount:server", "lock:db", "rule:0" … */
  id: string;
  label: string;
  passed: boolean;
  /** What was found: "you have 4", "workers: 4 → 8", or on success a short description. */
  detail: string;
  hint: string | null;
}

export interface Verdict {
  passed: boolean;
  title: string;
  conditions: ConditionResult[];
  constraints: ConstraintResult[];
  /** Things the student should know about how the attempt was graded. */
  notes: string[];
  /** The scenario that was run: the attempt under the exercise's seed, duration, warm-up and events. */
  scenario: Scenario | null;
  report: Report | null;
}

export type Graded = { ok: true; scenario: Scenario } | { ok: false; reason: string };

/** The attempt as it is graded: the exercise's seed, duration, warm-up and events. */
export function gradedScenario(exercise: Exercise, attempt: Scenario): Graded {
  const ids = new Set(attempt.nodes.map((n) => n.id));
  const edges = new Set(requestEdges(attempt).map((e) => `${e.source}\u0000${e.target}`));
  const missing: string[] = [];
  for (const ev of exercise.start.events) {
    if (ev.action === 'cut' || ev.action === 'heal') {
      if (!edges.has(`${ev.source}\u0000${ev.target}`))
        missing.push(
          `the exercise will ${ev.action} the edge ${ev.source} → ${ev.target} at ${ev.at} s, but your design has no such edge`,
        );
    } else if (ev.node !== undefined && !ids.has(ev.node))
      missing.push(
        `the exercise will ${ev.action} "${ev.node}" at ${ev.at} s, but your design has no node "${ev.node}"`,
      );
  }
  if (missing.length > 0) return { ok: false, reason: unique(missing).join('; ') };
  const s = exercise.start;
  const r = restoreScenario({
    ...attempt,
    seed: s.seed,
    duration: s.duration,
    warmup: s.warmup,
    events: s.events,
  });
  if (!r.ok) return { ok: false, reason: r.error };
  return { ok: true, scenario: r.scenario };
}

/** Runs the engine on the graded scenario and judges it. */
export function evaluate(exercise: Exercise, attempt: Scenario): Verdict {
  const graded = gradedScenario(exercise, attempt);
  const report = graded.ok ? new Simulation(graded.scenario).run() : null;
  return verdictFor(exercise, attempt, graded, report);
}

/** The verdict, given the graded scenario and the report of its run (null if it could not run). */
export function verdictFor(
  exercise: Exercise,
  attempt: Scenario,
  graded: Graded,
  report: Report | null,
): Verdict {
  const conditions = exercise.goal.conditions.map((c) =>
    report
      ? measureCondition(c, report)
      : unmeasured(c, graded.ok ? 'the run did not happen' : 'the design could not be run'),
  );
  const constraints = checkConstraints(exercise, attempt, report);
  if (exercise.start.events.length > 0 || !graded.ok)
    constraints.unshift({
      id: 'faults',
      label: 'The exercise’s faults apply to the design',
      passed: graded.ok,
      detail: graded.ok ? describeEvents(exercise.start.events) : graded.reason,
      hint: graded.ok
        ? null
        : 'Keep the nodes and edges the exercise’s faults are applied to, with the same ids.',
    });
  return {
    passed: conditions.every((c) => c.passed) && constraints.every((c) => c.passed),
    title: exercise.title,
    conditions,
    constraints,
    notes: notesFor(exercise, attempt),
    scenario: graded.ok ? graded.scenario : null,
    report,
  };
}

/**
 * The design constraints. Budget uses the report's cost when there is one; rules that look at
 * a run use it too. Without a report, the cost is computed from the design alone.
 */
export function checkConstraints(
  exercise: Exercise,
  attempt: Scenario,
  report: Report | null = null,
): ConstraintResult[] {
  const c = exercise.goal.constraints;
  const out: ConstraintResult[] = [];
  const start = exercise.start;
  const byId = new Map(attempt.nodes.map((n) => [n.id, n]));

  if (c.lockTraffic) {
    const problems: string[] = [];
    const startClients = start.nodes.filter((n) => n.type === 'client');
    for (const sc of startClients) {
      const n = byId.get(sc.id);
      if (!n) problems.push(`the client "${sc.id}" was removed`);
      else if (n.type !== 'client') problems.push(`"${sc.id}" is no longer a client`);
      else problems.push(...diffFields(sc, n, TRAFFIC_FIELDS).map((d) => `${sc.id}: ${d}`));
    }
    const known = new Set(startClients.map((n) => n.id));
    for (const n of attempt.nodes)
      if (n.type === 'client' && !known.has(n.id))
        problems.push(`"${n.id}" is a client the exercise did not have`);
    out.push({
      id: 'traffic',
      label: 'The traffic stays as given',
      passed: problems.length === 0,
      detail: problems.length === 0 ? describeTraffic(startClients) : list(problems),
      hint: problems.length === 0 ? null : 'The exercise sets the traffic: change the design, not the users.',
    });
  }

  c.locked.forEach((lock) => {
    const id = lockNode(lock);
    const was = start.nodes.find((n) => n.id === id);
    if (!was) return;
    const fields = lockFields(lock, was);
    const now = byId.get(id);
    let problems: string[];
    if (!now) problems = [`"${id}" was removed`];
    else if (now.type !== was.type)
      problems = [`"${id}" is now a ${typeName(now.type)}, not a ${typeName(was.type)}`];
    else problems = diffFields(was, now, fields);
    const all = typeof lock === 'string' || lock.fields === undefined;
    out.push({
      id: `lock:${id}`,
      label: all
        ? `“${id}” stays as given`
        : lock.fields === 'traffic'
          ? `“${id}” keeps its traffic`
          : `“${id}” keeps its ${fields.join(', ')}`,
      passed: problems.length === 0,
      detail: problems.length === 0 ? 'unchanged' : list(problems),
      hint: problems.length === 0 ? null : `“${id}” is locked by the exercise: put it back as it was.`,
    });
  });

  const allowed = c.allowedTypes;
  if (allowed && allowed.length > 0) {
    const bad = attempt.nodes.filter((n) => !allowed.includes(n.type));
    out.push({
      id: 'allowedTypes',
      label: `Only these components: ${allowed.map(typeName).join(', ')}`,
      passed: bad.length === 0,
      detail: bad.length === 0 ? 'yes' : list(bad.map((n) => `“${n.id}” is a ${typeName(n.type)}`)),
      hint: bad.length === 0 ? null : 'Solve it with the allowed components only.',
    });
  }

  for (const [type, max] of Object.entries(c.maxCount ?? {}) as Array<[NodeType, number | undefined]>) {
    if (max === undefined) continue;
    const have = attempt.nodes.filter((n) => n.type === type).length;
    out.push({
      id: `maxCount:${type}`,
      label:
        max === 0 ? `No ${typeName(type)}` : `At most ${max} ${max === 1 ? typeName(type) : plural(type)}`,
      passed: have <= max,
      detail: `you have ${have}`,
      hint:
        have <= max
          ? null
          : `Make do with ${max === 0 ? `no ${typeName(type)}` : max}: use what you have better.`,
    });
  }

  if (c.budgetPerMonth !== undefined) {
    const cost = report ? report.costPerMonth : costOf(attempt);
    out.push({
      id: 'budget',
      label: `Costs at most ${formatValue(c.budgetPerMonth, 'usd')}`,
      passed: cost <= c.budgetPerMonth + 1e-9,
      detail: formatValue(cost, 'usd'),
      hint:
        cost <= c.budgetPerMonth + 1e-9
          ? null
          : 'Every machine has a monthly price: remove what is not the bottleneck, or choose a cheaper kind.',
    });
  }

  const ctx = { scenario: attempt, run: report ? snapshotOf(report) : null };
  c.rules.forEach((rule, i) => {
    const r = evaluateCheck(rule.check, ctx);
    out.push({
      id: `rule:${i}`,
      label: rule.label,
      passed: r.met,
      detail: r.met ? 'yes' : r.needsRun ? 'needs a run' : 'no',
      hint: r.met ? null : (rule.hint ?? null),
    });
  });
  return out;
}

/** Monthly cost of a design, as the engine prices it. */
export function costOf(s: Scenario): number {
  return new Simulation(s).nodes.reduce((a, n) => a + n.costPerMonth(), 0);
}

function lockNode(lock: Lock): string {
  return typeof lock === 'string' ? lock : lock.node;
}

function lockFields(lock: Lock, node: ScenarioNode): readonly string[] {
  if (typeof lock === 'string' || lock.fields === undefined)
    return Object.keys(components[node.type].config.shape);
  return lock.fields === 'traffic' ? TRAFFIC_FIELDS : lock.fields;
}

/** "workers: 4 → 8" for each field that differs. */
function diffFields(was: ScenarioNode, now: ScenarioNode, fields: readonly string[]): string[] {
  const a = was.config as Record<string, unknown>;
  const b = now.config as Record<string, unknown>;
  return fields.filter((f) => !deepEqual(a[f], b[f])).map((f) => `${f}: ${show(a[f])} → ${show(b[f])}`);
}

function show(v: unknown): string {
  if (v === null) return 'empty';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function describeTraffic(clients: ScenarioNode[]): string {
  return clients
    .map((n) => {
      if (n.type !== 'client') return n.id;
      const p = n.config.pattern;
      const shape =
        p.type === 'constant'
          ? ''
          : p.type === 'ramp'
            ? `, rising to ${p.toRps} by ${p.endS} s`
            : p.type === 'step'
              ? `, ${p.toRps} from ${p.atS} s`
              : p.type === 'spike'
                ? `, ×${p.factor} from ${p.atS} s for ${p.forS} s`
                : `, rising and falling every ${p.periodS} s`;
      return `${n.id}: ${n.config.rps.toLocaleString('en-US')} req/s${shape}`;
    })
    .join('; ');
}

function describeEvents(events: readonly ScenarioEvent[]): string {
  return events
    .map((e) => {
      const what = e.action === 'cut' || e.action === 'heal' ? `${e.source} → ${e.target}` : e.node;
      const extra =
        e.action === 'slow'
          ? ` ×${e.factor ?? 2}`
          : e.action === 'spike'
            ? ` ×${e.factor ?? 2} for ${e.for ?? 10} s`
            : '';
      return `${e.action} ${what}${extra} at ${e.at} s`;
    })
    .join('; ');
}

function notesFor(exercise: Exercise, attempt: Scenario): string[] {
  const s = exercise.start;
  const notes: string[] = [];
  if (attempt.seed !== s.seed || attempt.duration !== s.duration || attempt.warmup !== s.warmup)
    notes.push(
      `Graded with the exercise's run: seed ${s.seed}, ${s.duration} s${s.warmup > 0 ? ` (the first ${s.warmup} s not counted)` : ''}.`,
    );
  if (!deepEqual(attempt.events, s.events))
    notes.push(
      s.events.length > 0
        ? 'Your own scheduled events were set aside: the exercise’s faults apply.'
        : 'Your own scheduled events were set aside: this exercise is graded without faults.',
    );
  return notes;
}

function list(items: string[]): string {
  const shown = items.slice(0, 4).join('; ');
  return items.length > 4 ? `${shown}; and ${items.length - 4} more` : shown;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
