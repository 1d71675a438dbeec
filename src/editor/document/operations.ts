import type { z } from 'zod';
import {
  components,
  isPairEdge,
  LIMITS,
  type NodeType,
  type Scenario,
  type ScenarioEdge,
  type ScenarioNode,
  scenarioEdge,
  scenarioSchema,
} from '../../scenario/index.ts';
import { connectionRefusal, edgeIndex, edgeKey, nodeIndex } from './graph.ts';
import { freshId, idNumber } from './ids.ts';

/**
 * Document operations: data in, data out. Each takes a valid scenario and returns a new valid
 * one (sharing every untouched node and edge) or the reason it refused, in words for the
 * student. No React, no store, no history here: the store's document slice wraps these.
 */
export type Outcome<T = object> = ({ ok: true; doc: Scenario } & T) | { ok: false; reason: string };

export interface XY {
  x: number;
  y: number;
}

export const GRID = 20;

export function snap(p: XY): XY {
  return { x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID };
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** Adds a node of `type` with every setting at its default. */
export function addNode(doc: Scenario, type: NodeType, at: XY): Outcome<{ id: string }> {
  if (doc.nodes.length >= LIMITS.nodes)
    return refuse(`A scenario can have at most ${LIMITS.nodes.toLocaleString('en-US')} components.`);
  const id = freshId(type, new Set(nodeIndex(doc.nodes).keys()));
  const n = idNumber(id);
  const config = components[type].config.parse({});
  const node = {
    id,
    type,
    label: `${components[type].label}${n === null ? '' : ` ${n}`}`,
    position: snap(at),
    config,
  } as ScenarioNode;
  return { ok: true, doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

export function connect(doc: Scenario, source: string, target: string): Outcome {
  const refusal = connectionRefusal(doc, source, target);
  if (refusal) return refuse(refusal);
  const edge: ScenarioEdge = { source, target, latencyMs: 0 };
  return { ok: true, doc: { ...doc, edges: [...doc.edges, edge] } };
}

function replaceNode(doc: Scenario, id: string, make: (node: ScenarioNode) => ScenarioNode): Scenario {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? make(n) : n)) };
}

/** Shallow-merges `patch` into a node's config, refused unless the result is a valid config. */
export function updateConfig(doc: Scenario, id: string, patch: Record<string, unknown>): Outcome {
  const node = nodeIndex(doc.nodes).get(id);
  if (!node) return refuse('That component no longer exists.');
  const schema = components[node.type].config as z.ZodType;
  const parsed = schema.safeParse({ ...node.config, ...patch });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    return refuse(`${field ? `${field}: ` : ''}${issue?.message ?? 'invalid value'}`);
  }
  return { ok: true, doc: replaceNode(doc, id, (n) => ({ ...n, config: parsed.data }) as ScenarioNode) };
}

export const MAX_LABEL_CHARS = 80;

/** Renames a node. An empty label is removed: the node is then shown by its id. */
export function setLabel(doc: Scenario, id: string, label: string): Outcome {
  const node = nodeIndex(doc.nodes).get(id);
  if (!node) return refuse('That component no longer exists.');
  const trimmed = label.trim();
  if (trimmed.length > MAX_LABEL_CHARS) return refuse(`A name can be at most ${MAX_LABEL_CHARS} characters.`);
  if ((node.label ?? '') === trimmed) return { ok: true, doc };
  return {
    ok: true,
    doc: replaceNode(doc, id, (n) => {
      const { label: _old, ...rest } = n;
      return (trimmed ? { ...rest, label: trimmed } : rest) as ScenarioNode;
    }),
  };
}

export function setEdgeLatency(doc: Scenario, key: string, latencyMs: number): Outcome {
  const edge = edgeIndex(doc.edges).get(key);
  if (!edge) return refuse('That connection no longer exists.');
  if (isPairEdge(edge)) return refuse('A standby pair carries no requests, so it has no latency.');
  const parsed = scenarioEdge.shape.latencyMs.safeParse(latencyMs);
  if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? 'invalid latency');
  return {
    ok: true,
    doc: { ...doc, edges: doc.edges.map((e) => (e === edge ? { ...e, latencyMs: parsed.data } : e)) },
  };
}

export type ScenarioSettings = Pick<Scenario, 'title' | 'description' | 'seed' | 'duration' | 'warmup'>;

/** Edits the scenario's own settings (title, seed, duration, warm-up…) with the rules that tie them. */
export function updateSettings(doc: Scenario, patch: Partial<ScenarioSettings>): Outcome {
  const next: Scenario = { ...doc };
  for (const [key, value] of Object.entries(patch) as [keyof ScenarioSettings, unknown][]) {
    if (key === 'description' && (value === undefined || value === '')) {
      delete next.description;
      continue;
    }
    const parsed = scenarioSchema.shape[key].safeParse(value);
    if (!parsed.success) return refuse(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
    (next as Record<string, unknown>)[key] = parsed.data;
  }
  const problem = settingsProblem(next);
  if (problem) return refuse(problem);
  return { ok: true, doc: next };
}

/** The cross-field rules of the scenario settings (also checked by `restoreScenario`). */
export function settingsProblem(s: Pick<Scenario, 'duration' | 'warmup' | 'events'>): string | null {
  if (s.warmup >= s.duration)
    return `The warm-up (${s.warmup} s) must be shorter than the run (${s.duration} s).`;
  const late = s.events.find((e) => e.at > s.duration);
  if (late)
    return `An event is scheduled at ${late.at} s, after the end of a ${s.duration} s run. Make the run longer or move the event.`;
  return null;
}

/** Moves nodes; positions are not validated beyond being finite numbers. */
export function moveNodes(doc: Scenario, positions: ReadonlyMap<string, XY>): Scenario {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return n;
    if (n.position && n.position.x === p.x && n.position.y === p.y) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  return changed ? { ...doc, nodes } : doc;
}

export interface Removal {
  nodes: number;
  edges: number;
  events: number;
}

/**
 * Removes nodes and edges. Edges that touch a removed node go with it, and so do scheduled
 * events that name a removed node or edge — otherwise the document would point at nothing.
 */
export function removeElements(
  doc: Scenario,
  nodeIds: Iterable<string>,
  edgeKeys: Iterable<string>,
): Outcome<{ removed: Removal }> {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeKeys);
  const nodes = doc.nodes.filter((n) => !goneNodes.has(n.id));
  const edges = doc.edges.filter((e) => {
    const gone = goneEdges.has(edgeKey(e)) || goneNodes.has(e.source) || goneNodes.has(e.target);
    if (gone) goneEdges.add(edgeKey(e));
    return !gone;
  });
  const events = doc.events.filter((ev) => {
    if (ev.node && goneNodes.has(ev.node)) return false;
    if (ev.source && ev.target && goneEdges.has(edgeKey({ source: ev.source, target: ev.target })))
      return false;
    return true;
  });
  const removed = {
    nodes: doc.nodes.length - nodes.length,
    edges: doc.edges.length - edges.length,
    events: doc.events.length - events.length,
  };
  if (removed.nodes + removed.edges === 0) return { ok: true, doc, removed };
  return { ok: true, doc: { ...doc, nodes, edges, events }, removed };
}
