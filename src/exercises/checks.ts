import type { Report } from '../engine/index.ts';
import type { Scenario, ScenarioNode } from '../scenario/document.ts';
import { requestEdges } from '../scenario/edgeKinds.ts';
import type { Check, Condition, Selector } from './goals.ts';
import { measureCondition } from './judge.ts';

/**
 * Declarative checks on a design and on a run: a lesson's guided steps ("at least two servers
 * behind lb", "the run reached 60 s") and an exercise's design rules ("only platform servers
 * query the database"). Pure functions of the document and what is known of the last run.
 */

/** What is known of the current or last run. A live run fills `seconds` and `faults` as it goes. */
export interface RunSnapshot {
  /** Simulated seconds reached. */
  seconds: number;
  /** Faults applied so far: scheduled events or clicked during the run. */
  faults: ReadonlyArray<{ action: string; target: string }>;
  /** The whole-run report, once the run has finished (or a report of the part run so far). */
  report?: Report | null;
}

export interface CheckContext {
  scenario: Scenario;
  run?: RunSnapshot | null;
}

export interface CheckOutcome {
  met: boolean;
  /** Not met yet because it needs a run (or a finished one). */
  needsRun: boolean;
}

/** The snapshot of a finished run. */
export function snapshotOf(report: Report): RunSnapshot {
  return {
    seconds: report.engine.simulatedSeconds,
    faults: report.faults.map((f) => ({ action: f.action, target: f.target })),
    report,
  };
}

export function evaluateCheck(check: Check, ctx: CheckContext): CheckOutcome {
  const s = ctx.scenario;
  switch (check.kind) {
    case 'nodes':
      return doc(inRange(matchNodes(s, check.match).length, minOf(check), check.max));
    case 'config': {
      const nodes = matchNodes(s, check.match);
      // "every" over no nodes holds (nothing breaks the rule); "some" over no nodes does not.
      if (nodes.length === 0) return doc(check.every === true);
      const ok = (n: ScenarioNode) => valueMatches(valueAt(n.config, check.path), check);
      return doc(check.every ? nodes.every(ok) : nodes.some(ok));
    }
    case 'edges': {
      const from = check.from ? new Set(matchNodes(s, check.from).map((n) => n.id)) : null;
      const to = check.to ? new Set(matchNodes(s, check.to).map((n) => n.id)) : null;
      const edges = requestEdges(s).filter((e) => (!from || from.has(e.source)) && (!to || to.has(e.target)));
      const lat = check.latencyMs;
      const latOk =
        !lat ||
        edges.every(
          (e) =>
            (lat.min === undefined || e.latencyMs >= lat.min) &&
            (lat.max === undefined || e.latencyMs <= lat.max),
        );
      const defaultMin = check.min === undefined && check.max === undefined && !lat ? 1 : 0;
      return doc(latOk && inRange(edges.length, check.min ?? defaultMin, check.max));
    }
    case 'events': {
      const n = s.events.filter(
        (e) =>
          (check.action === undefined || e.action === check.action) &&
          (check.node === undefined || e.node === check.node),
      ).length;
      return doc(inRange(n, minOf(check), check.max));
    }
    case 'ran':
      return ctx.run ? doc(ctx.run.seconds >= check.seconds) : pending();
    case 'fault':
      if (!ctx.run) return pending();
      return doc(
        ctx.run.faults.some(
          (f) =>
            (check.action === undefined || f.action === check.action) &&
            (check.node === undefined || f.target === check.node),
        ),
      );
    case 'result': {
      const report = ctx.run?.report;
      if (!report) return pending();
      return doc(conditionHolds(check.condition, report));
    }
    case 'all': {
      const parts = check.of.map((c) => evaluateCheck(c, ctx));
      const met = parts.every((p) => p.met);
      return { met, needsRun: !met && parts.some((p) => !p.met && p.needsRun) };
    }
    case 'any': {
      const parts = check.of.map((c) => evaluateCheck(c, ctx));
      const met = parts.some((p) => p.met);
      return { met, needsRun: !met && parts.some((p) => p.needsRun) };
    }
    case 'not': {
      const inner = evaluateCheck(check.check, ctx);
      return inner.needsRun ? pending() : doc(!inner.met);
    }
  }
}

/** Whether a check needs a run to be decided (it, or any part of it, looks at results). */
export function checkNeedsRun(check: Check): boolean {
  switch (check.kind) {
    case 'ran':
    case 'fault':
    case 'result':
      return true;
    case 'all':
    case 'any':
      return check.of.some(checkNeedsRun);
    case 'not':
      return checkNeedsRun(check.check);
    default:
      return false;
  }
}

export function conditionHolds(condition: Condition, report: Report): boolean {
  return measureCondition(condition, report).passed;
}

const doc = (met: boolean): CheckOutcome => ({ met, needsRun: false });
const pending = (): CheckOutcome => ({ met: false, needsRun: true });

/** With no bounds given, a count means "at least one". */
function minOf(c: { min?: number | undefined; max?: number | undefined }): number {
  return c.min ?? (c.max === undefined ? 1 : 0);
}

function inRange(n: number, min: number, max: number | undefined): boolean {
  return n >= min && (max === undefined || n <= max);
}

export function matchNodes(s: Scenario, sel: Selector): ScenarioNode[] {
  return s.nodes.filter(
    (n) =>
      (sel.id === undefined || n.id === sel.id) &&
      (sel.type === undefined || n.type === sel.type) &&
      (sel.role === undefined || (n.type === 'server' && n.config.role === sel.role)) &&
      (sel.from === undefined || requestEdges(s).some((e) => e.source === sel.from && e.target === n.id)) &&
      (sel.to === undefined || requestEdges(s).some((e) => e.source === n.id && e.target === sel.to)),
  );
}

export function valueAt(obj: unknown, path: string): unknown {
  let cursor = obj;
  for (const key of path.split('.')) {
    if (cursor === null || typeof cursor !== 'object' || Array.isArray(cursor)) return undefined;
    if (!Object.hasOwn(cursor, key)) return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return cursor;
}

function valueMatches(
  v: unknown,
  c: { equals?: unknown; oneOf?: unknown[] | undefined; min?: number | undefined; max?: number | undefined },
): boolean {
  if (v === undefined) return false;
  if (c.equals !== undefined && !deepEqual(v, c.equals)) return false;
  if (c.oneOf !== undefined && !c.oneOf.some((o) => deepEqual(v, o))) return false;
  if (c.min !== undefined && !(typeof v === 'number' && v >= c.min)) return false;
  if (c.max !== undefined && !(typeof v === 'number' && v <= c.max)) return false;
  return true;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
