import type { NodeType, Scenario } from '../../scenario/index.ts';
import { type ExerciseDraft, partOf } from '../author.ts';
import type { Condition } from '../goals.ts';
import { type MetricId, metricDef, metricIds, type Unit } from '../metrics.ts';

/**
 * The Create-exercise form as plain data, and its translation into an `ExerciseDraft`
 * (`createExercise` then validates it). Kept apart from the dialog so it can be tested.
 */

export interface ConditionRow {
  key: number;
  metric: MetricId;
  bound: 'max' | 'min';
  /** As typed, in the unit shown (percent for ratios). */
  value: string;
  /** '' (whole run), a node id, or `type:<nodeType>`. */
  target: string;
}

export interface AuthorForm {
  title: string;
  brief: string;
  /** One hint per line. */
  hints: string;
  conditions: ConditionRow[];
  /** Empty: any component type. */
  allowedTypes: NodeType[];
  /** Most per type, as typed ('' = no limit). */
  maxCount: Partial<Record<NodeType, string>>;
  budget: string;
  lockTraffic: boolean;
  start: 'canvas' | 'selection';
  locked: string[];
}

export function emptyForm(selection: readonly string[] = []): AuthorForm {
  return {
    title: '',
    brief: '',
    hints: '',
    conditions: [{ key: 1, metric: 'p99', bound: 'max', value: '150', target: '' }],
    allowedTypes: [],
    maxCount: {},
    budget: '',
    lockTraffic: true,
    start: selection.length > 0 ? 'selection' : 'canvas',
    locked: [],
  };
}

/** The unit shown in the form: ratios as percentages. */
export function shownUnit(unit: Unit): string {
  return { ms: 'ms', ratio: '%', rps: 'req/s', usd: '$', count: '' }[unit];
}

/** A typed number in the shown unit → the goal's value (ratios 0–1), or null if not a number. */
export function parseTarget(text: string, unit: Unit): number | null {
  const t = text.trim().replace(/,/g, '').replace(/[%$]/g, '');
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  return unit === 'ratio' ? n / 100 : n;
}

export interface TargetChoice {
  value: string;
  label: string;
}

/** Which nodes a condition on this metric may be about, in the given start. */
export function targetChoices(metric: MetricId, start: Scenario): TargetChoice[] {
  const def = metricDef(metric);
  if (def.scope === 'fault') {
    const ids = new Set<string>();
    for (const e of start.events) if (e.action !== 'cut' && e.action !== 'heal' && e.node) ids.add(e.node);
    return [...ids].map((id) => ({ value: id, label: id }));
  }
  const types = def.nodeTypes ?? [];
  const nodes = start.nodes.filter((n) => types.includes(n.type));
  const out: TargetChoice[] = def.scope === 'run' ? [{ value: '', label: 'the whole run' }] : [];
  if (def.scope === 'node')
    for (const t of types)
      if (nodes.some((n) => n.type === t)) out.push({ value: `type:${t}`, label: `every ${t}` });
  for (const n of nodes) out.push({ value: n.id, label: n.id });
  return out;
}

/** Metrics a condition can use in this start (a fault metric needs a fault in it). */
export function metricChoices(start: Scenario): Array<{ id: MetricId; label: string }> {
  return metricIds
    .filter((id) => metricDef(id).scope === 'run' || targetChoices(id, start).length > 0)
    .map((id) => ({ id, label: metricDef(id).label }));
}

/** A row with a new metric: its first target, a sensible bound. */
export function withMetric(row: ConditionRow, metric: MetricId, start: Scenario): ConditionRow {
  const def = metricDef(metric);
  return {
    ...row,
    metric,
    bound: def.better === 'higher' ? 'min' : 'max',
    target: targetChoices(metric, start)[0]?.value ?? '',
  };
}

export type DraftResult = { ok: true; draft: ExerciseDraft; start: Scenario } | { ok: false; error: string };

/** The form → a draft for `createExercise`, or the first thing to fix. */
export function buildDraft(form: AuthorForm, canvas: Scenario, selection: readonly string[]): DraftResult {
  if (form.title.trim() === '') return { ok: false, error: 'Give the exercise a title.' };
  let start = canvas;
  if (form.start === 'selection') {
    const part = partOf(canvas, selection);
    if (!part.ok) return { ok: false, error: `The selected part cannot be a start: ${part.error}` };
    start = part.scenario;
  }
  if (form.conditions.length === 0) return { ok: false, error: 'Add at least one goal.' };
  const conditions: Condition[] = [];
  for (const [i, row] of form.conditions.entries()) {
    const def = metricDef(row.metric);
    const value = parseTarget(row.value, def.unit);
    if (value === null) return { ok: false, error: `Goal ${i + 1} (${def.label}): type a number.` };
    const c: Condition = { metric: row.metric, [row.bound]: value };
    if (row.target.startsWith('type:')) c.type = row.target.slice(5) as NodeType;
    else if (row.target !== '') c.node = row.target;
    conditions.push(c);
  }
  const maxCount: Partial<Record<NodeType, number>> = {};
  for (const [type, text] of Object.entries(form.maxCount) as Array<[NodeType, string]>) {
    if (text.trim() === '') continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0)
      return { ok: false, error: `Most ${type} nodes: type a whole number.` };
    maxCount[type] = n;
  }
  let budgetPerMonth: number | undefined;
  if (form.budget.trim() !== '') {
    const b = parseTarget(form.budget, 'usd');
    if (b === null || b < 0) return { ok: false, error: 'Budget: type an amount in dollars a month.' };
    budgetPerMonth = b;
  }
  const inStart = new Set(start.nodes.map((n) => n.id));
  const draft: ExerciseDraft = {
    title: form.title.trim(),
    brief: form.brief.trim(),
    start,
    conditions,
    constraints: {
      ...(form.allowedTypes.length > 0 ? { allowedTypes: form.allowedTypes } : {}),
      ...(Object.keys(maxCount).length > 0 ? { maxCount } : {}),
      ...(budgetPerMonth === undefined ? {} : { budgetPerMonth }),
      locked: form.locked.filter((id) => inStart.has(id)),
      lockTraffic: form.lockTraffic,
    },
    hints: form.hints
      .split('\n')
      .map((h) => h.trim())
      .filter((h) => h !== ''),
  };
  return { ok: true, draft, start };
}

/** The page's address with a link's fragment: what the teacher sends. */
export function linkUrl(
  location: Pick<Location, 'origin' | 'pathname' | 'search'>,
  fragment: string,
): string {
  return `${location.origin}${location.pathname}${location.search}${fragment}`;
}
