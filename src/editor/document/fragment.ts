import {
  CURRENT_VERSION,
  DOCUMENT_TYPE,
  isNodeType,
  LIMITS,
  restoreScenario,
  type Scenario,
  type ScenarioInput,
  type ScenarioNode,
} from '../../scenario/index.ts';
import { nodeIndex } from './graph.ts';
import { freshIdFrom, idNumber } from './ids.ts';
import { MAX_LABEL_CHARS, type Outcome, snap, type XY } from './operations.ts';

/**
 * Copy and paste use the scenario format itself: a copied selection is a small scenario
 * document (the chosen nodes and the edges between them), so it can travel through the system
 * clipboard to another tab, a text editor or a chat, and comes back through `restoreScenario`
 * like any other input.
 */
export function selectionFragment(doc: Scenario, nodeIds: Iterable<string>): Scenario | null {
  const chosen = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target));
  const { description: _description, ...rest } = doc;
  return {
    ...rest,
    title: `${nodes.length} component${nodes.length === 1 ? '' : 's'} from “${doc.title}”`.slice(
      0,
      LIMITS.titleChars,
    ),
    nodes,
    edges,
    events: [],
  };
}

/** The clipboard text: a scenario document with just the copied nodes and edges. */
export function fragmentToText(fragment: Scenario): string {
  const doc: ScenarioInput = {
    type: DOCUMENT_TYPE,
    version: CURRENT_VERSION,
    title: fragment.title,
    nodes: fragment.nodes,
    edges: fragment.edges.map(({ id: _id, ...e }) => e),
  };
  return JSON.stringify(doc, null, 2);
}

/** Reads clipboard text as a fragment. Anything that is not a scenario gives a clear reason. */
export function parseFragment(
  text: string,
): { ok: true; fragment: Scenario } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.includes('scalelab-scenario'))
    return {
      ok: false,
      reason: 'The clipboard holds no ScaleLab components. Select components and copy them first.',
    };
  const restored = restoreScenario(trimmed);
  if (!restored.ok) return { ok: false, reason: `Could not paste: ${restored.error}` };
  if (restored.scenario.nodes.length === 0)
    return { ok: false, reason: 'The copied scenario has no components to paste.' };
  return { ok: true, fragment: restored.scenario };
}

/** Bounding box of the fragment's node positions (top-left corners). */
export function fragmentBounds(nodes: readonly ScenarioNode[]): { min: XY; max: XY } {
  const xs = nodes.map((n) => n.position?.x ?? 0);
  const ys = nodes.map((n) => n.position?.y ?? 0);
  return { min: { x: Math.min(...xs), y: Math.min(...ys) }, max: { x: Math.max(...xs), y: Math.max(...ys) } };
}

/**
 * Adds a fragment's nodes and edges with fresh ids (a pasted `web-1` becomes `web-3` when
 * `web-1` and `web-2` exist), shifted by `offset`. Events are not pasted: they belong to the
 * scenario they were written for.
 */
export function insertFragment(doc: Scenario, fragment: Scenario, offset: XY): Outcome<{ ids: string[] }> {
  if (doc.nodes.length + fragment.nodes.length > LIMITS.nodes)
    return {
      ok: false,
      reason: `Pasting ${fragment.nodes.length} components would pass the limit of ${LIMITS.nodes.toLocaleString('en-US')}.`,
    };
  if (doc.edges.length + fragment.edges.length > LIMITS.edges)
    return {
      ok: false,
      reason: `Pasting would pass the limit of ${LIMITS.edges.toLocaleString('en-US')} connections.`,
    };
  const taken = new Set(nodeIndex(doc.nodes).keys());
  const labels = new Set(doc.nodes.map((n) => n.label).filter((l): l is string => l !== undefined));
  const rename = new Map<string, string>();
  const nodes = fragment.nodes
    .filter((n) => isNodeType(n.type))
    .map((n) => {
      const id = freshIdFrom(n.id, taken);
      rename.set(n.id, id);
      const p = n.position ?? { x: 0, y: 0 };
      const moved = { ...n, id, position: snap({ x: p.x + offset.x, y: p.y + offset.y }) };
      const label = uniqueLabel(renumberLabel(n.label, n.id, id), id, labels);
      return (label === undefined ? moved : { ...moved, label }) as ScenarioNode;
    });
  const edges = fragment.edges.flatMap(({ id: _id, ...e }) => {
    const source = rename.get(e.source);
    const target = rename.get(e.target);
    return source && target ? [{ ...e, source, target }] : [];
  });
  return {
    ok: true,
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    ids: nodes.map((n) => n.id),
  };
}

/** "Server 3" pasted as `server-5` becomes "Server 5"; labels without the id's number stay. */
function renumberLabel(label: string | undefined, oldId: string, newId: string): string | undefined {
  const before = idNumber(oldId);
  const after = idNumber(newId);
  if (label === undefined || oldId === newId || after === null) return label;
  if (before === null) return label === oldId ? newId : label;
  const match = new RegExp(`^(.*[\\s-])${before}$`).exec(label);
  return match ? `${match[1]}${after}` : label;
}

/** Two components called "Database" are confusing: a pasted copy becomes "Database 2". */
function uniqueLabel(label: string | undefined, id: string, labels: Set<string>): string | undefined {
  if (label === undefined) return undefined;
  let unique = label;
  for (let n = idNumber(id) ?? 2; labels.has(unique); n++) {
    const suffix = ` ${n}`;
    unique = `${label.slice(0, MAX_LABEL_CHARS - suffix.length)}${suffix}`;
  }
  labels.add(unique);
  return unique;
}
