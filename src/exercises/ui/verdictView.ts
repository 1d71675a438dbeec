import type { Report } from '../../engine/index.ts';
import type { RunSnapshot } from '../checks.ts';
import type { Exercise, Lock } from '../goals.ts';
import type { GradeVerdict } from './gradeApi.ts';

/** The pure parts of the learning UI: what a verdict says in one line, which nodes are locked. */

/** "Passed: every goal is met." / "Not yet: 1 of 2 goals missed, 1 design rule broken." */
export function verdictHeadline(v: Pick<GradeVerdict, 'passed' | 'conditions' | 'constraints'>): string {
  if (v.passed) return 'Passed: every goal is met.';
  const goals = v.conditions.filter((c) => !c.passed).length;
  const design = v.constraints.filter((c) => !c.passed).length;
  const parts: string[] = [];
  if (goals > 0)
    parts.push(`${goals} of ${v.conditions.length} goal${v.conditions.length === 1 ? '' : 's'} missed`);
  if (design > 0) parts.push(`${design} design rule${design === 1 ? '' : 's'} broken`);
  return `Not yet: ${parts.join(', ')}.`;
}

/** Ids of the nodes an exercise locks, with what is locked ("all settings", "traffic", fields). */
export function lockedNodes(exercise: Pick<Exercise, 'goal'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const lock of exercise.goal.constraints.locked as Lock[]) {
    if (typeof lock === 'string') out.set(lock, 'all settings');
    else if (lock.fields === undefined) out.set(lock.node, 'all settings');
    else if (lock.fields === 'traffic') out.set(lock.node, 'its traffic');
    else out.set(lock.node, lock.fields.join(', '));
  }
  return out;
}

/**
 * What guided steps see of runs: the live run's clock and faults (so "press Run" is only done
 * by running), and the report of the last finished run, live or graded by Check (so "run to
 * the end and check the goal" is done either way).
 */
export function runForSteps(live: RunSnapshot | null, lastFinished: Report | null): RunSnapshot | null {
  if (!live && !lastFinished) return null;
  return { seconds: live?.seconds ?? 0, faults: live?.faults ?? [], report: lastFinished };
}

/** A progress bar's text: "Checking… 45%". */
export function progressText(fraction: number): string {
  return `Checking… ${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
}

/** The design constraints in words, for the brief ("At most 4 servers", "Budget $2,000 a month"). */
export function describeConstraints(
  exercise: Pick<Exercise, 'goal'>,
  typeLabel: (t: string) => string,
): string[] {
  const c = exercise.goal.constraints;
  const out: string[] = [];
  if (c.allowedTypes && c.allowedTypes.length > 0)
    out.push(`Only these components: ${c.allowedTypes.map(typeLabel).join(', ')}`);
  for (const [type, max] of Object.entries(c.maxCount ?? {}))
    if (max !== undefined)
      out.push(max === 0 ? `No ${typeLabel(type)}` : `At most ${max} × ${typeLabel(type)}`);
  if (c.budgetPerMonth !== undefined)
    out.push(`Budget: $${c.budgetPerMonth.toLocaleString('en-US')} a month`);
  if (c.lockTraffic) out.push('The traffic stays as given');
  for (const [id, what] of lockedNodes(exercise)) out.push(`\`${id}\` is locked (${what})`);
  for (const r of c.rules) out.push(r.label);
  return out;
}

/** Which exercise of a workshop to open first: the first not passed yet (or the first). */
export function firstUnfinished(keys: readonly string[], passed: (key: string) => boolean): number {
  const i = keys.findIndex((k) => !passed(k));
  return i === -1 ? 0 : i;
}

/**
 * Whether the canvas shows the design that was opened (same nodes, configs and edges; the
 * title and positions may differ): opening goes through the library, which loads it a moment
 * later, and nothing should be judged or saved against the design that was there before.
 */
export function sameDesign(
  a: Pick<import('../../scenario/index.ts').Scenario, 'nodes' | 'edges'>,
  b: Pick<import('../../scenario/index.ts').Scenario, 'nodes' | 'edges'>,
): boolean {
  const key = (s: typeof a) =>
    JSON.stringify([
      s.nodes.map((n) => [n.id, n.type, n.config]),
      s.edges.map((e) => [e.source, e.target, e.latencyMs, e.kind ?? null]),
    ]);
  return key(a) === key(b);
}

/** What the editor must not let the student change in this exercise, and why (see `editor/locks.ts`). */
export function editLocksFor(
  exercise: Pick<Exercise, 'goal' | 'start'>,
): Map<string, { all: boolean; reason: string }> {
  const out = new Map<string, { all: boolean; reason: string }>();
  if (exercise.goal.constraints.lockTraffic)
    for (const n of exercise.start.nodes)
      if (n.type === 'client')
        out.set(n.id, {
          all: false,
          reason: 'The exercise sets this traffic (rate, pattern, keys): change the design, not the users.',
        });
  for (const [id, what] of lockedNodes(exercise))
    out.set(
      id,
      what === 'all settings'
        ? {
            all: true,
            reason: 'Locked by the exercise: its settings stay as given and it cannot be removed.',
          }
        : {
            all: false,
            reason: `Locked by the exercise: ${what} stay${what.includes(',') ? '' : 's'} as given.`,
          },
    );
  return out;
}
