import { isRequestEdge } from '../scenario/edgeKinds.ts';
import type { Scenario, ScenarioNode } from '../scenario/index.ts';

/**
 * What matters to a running simulation in a document edit. Moving a node or renaming it
 * changes the document but not the run: those edits must not reach the worker. Events at or
 * before `pastMs` (simulated) are ignored.
 */
export function simulationChanged(a: Scenario, b: Scenario, pastMs = -1): boolean {
  if (a === b) return false;
  if (a.seed !== b.seed || a.duration !== b.duration || a.warmup !== b.warmup) return true;
  // Events already in the past (a live fault kept as a scheduled one) change nothing now.
  const future = (events: Scenario['events']) => events.filter((e) => e.at * 1000 > pastMs);
  if (a.events !== b.events && !sameJson(future(a.events), future(b.events))) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return true;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i] as ScenarioNode;
    const y = b.nodes[i] as ScenarioNode;
    if (x === y) continue;
    if (x.id !== y.id || x.type !== y.type) return true;
    if (x.config !== y.config && !sameJson(x.config, y.config)) return true;
  }
  for (let i = 0; i < a.edges.length; i++) {
    const x = a.edges[i];
    const y = b.edges[i];
    if (x === y) continue;
    if (
      !x ||
      !y ||
      x.source !== y.source ||
      x.target !== y.target ||
      x.latencyMs !== y.latencyMs ||
      x.kind !== y.kind
    )
      return true;
  }
  return false;
}

/** Settings that shape a whole run and cannot change halfway through one. */
export function runSettingsChanged(a: Scenario, b: Scenario): boolean {
  return a.seed !== b.seed || a.duration !== b.duration || a.warmup !== b.warmup;
}

/** A short label for an edit, for its chart marker: "added web-3", "web-1 workers 4→8". */
export function describeEdit(a: Scenario, b: Scenario): string {
  const before = new Map(a.nodes.map((n) => [n.id, n]));
  const after = new Map(b.nodes.map((n) => [n.id, n]));
  const added = b.nodes.filter((n) => !before.has(n.id)).map((n) => n.id);
  const removed = a.nodes.filter((n) => !after.has(n.id)).map((n) => n.id);
  const parts: string[] = [];
  if (added.length > 0) parts.push(`added ${list(added)}`);
  if (removed.length > 0) parts.push(`removed ${list(removed)}`);
  for (const n of b.nodes) {
    const old = before.get(n.id);
    if (!old || old.config === n.config) continue;
    const oldConfig = old.config as Record<string, unknown>;
    const newConfig = n.config as Record<string, unknown>;
    for (const key of Object.keys(newConfig)) {
      if (sameJson(oldConfig[key], newConfig[key])) continue;
      parts.push(`${n.id} ${key} ${show(oldConfig[key])}→${show(newConfig[key])}`);
    }
  }
  // A standby pair is drawn ⇢: "connected lb-a⇢lb-b" reads as a new pair, not a route.
  const edgeKeys = (s: Scenario) =>
    new Set(s.edges.map((e) => `${e.source}${isRequestEdge(e) ? '→' : '⇢'}${e.target}`));
  const ea = edgeKeys(a);
  const eb = edgeKeys(b);
  const connected = [...eb].filter((k) => !ea.has(k));
  const disconnected = [...ea].filter((k) => !eb.has(k));
  // A new node brings its edges along: name them only when nothing else was added.
  if (added.length === 0 && connected.length > 0) parts.push(`connected ${list(connected)}`);
  if (removed.length === 0 && disconnected.length > 0) parts.push(`disconnected ${list(disconnected)}`);
  if (parts.length === 0) return 'edited';
  return parts.length > 2 ? `${parts.slice(0, 2).join(', ')} …` : parts.join(', ');
}

function list(items: string[]): string {
  return items.length > 3 ? `${items.slice(0, 3).join(', ')} +${items.length - 3}` : items.join(', ');
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'object') return '…';
  return String(v);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
