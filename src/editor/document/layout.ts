import { pairEdges, requestEdges, type Scenario } from '../../scenario/index.ts';
import { moveNodes, snap, type XY } from './operations.ts';

/** The size the layout assumes for a node it has not measured yet (matches the node view's CSS). */
export const NODE_SIZE = { width: 200, height: 64 } as const;
const COLUMN = 260;
const ROW = 100;

/**
 * Longest-path depth of every node along request edges: sources at 0, each hop one deeper.
 * Assumes no cycles. A standby balancer goes in its active balancer's column (below it).
 */
function depths(doc: Scenario): Map<string, number> {
  const incoming = new Map<string, number>(doc.nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>();
  for (const e of requestEdges(doc)) {
    incoming.set(e.target, (incoming.get(e.target) ?? 0) + 1);
    out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  }
  const depth = new Map<string, number>();
  const queue = doc.nodes.filter((n) => incoming.get(n.id) === 0).map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const t of out.get(id) ?? []) {
      depth.set(t, Math.max(depth.get(t) ?? 0, (depth.get(id) ?? 0) + 1));
      const left = (incoming.get(t) ?? 1) - 1;
      incoming.set(t, left);
      if (left === 0) queue.push(t);
    }
  }
  for (const e of pairEdges(doc))
    depth.set(e.target, Math.max(depth.get(e.target) ?? 0, depth.get(e.source) ?? 0));
  return depth;
}

/**
 * Documents may leave positions out (hand-written files, the CLI). The editor gives those nodes
 * a place before it shows them: a simple left-to-right layering by request flow, below anything
 * already placed. Synchronous and small on purpose; "Tidy up" uses dagre for the real thing.
 */
export function placeMissing(doc: Scenario): Scenario {
  const missing = doc.nodes.filter((n) => !n.position);
  if (missing.length === 0) return doc;
  const placed = doc.nodes.filter((n) => n.position);
  const top = placed.length > 0 ? Math.max(...placed.map((n) => n.position?.y ?? 0)) + ROW * 2 : 0;
  const depth = depths(doc);
  const rowsUsed = new Map<number, number>();
  const positions = new Map<string, XY>();
  for (const n of missing) {
    const column = depth.get(n.id) ?? 0;
    const row = rowsUsed.get(column) ?? 0;
    rowsUsed.set(column, row + 1);
    positions.set(n.id, snap({ x: column * COLUMN, y: top + row * ROW }));
  }
  return moveNodes(doc, positions);
}
