import dagre from '@dagrejs/dagre';
import { requestEdges, type Scenario } from '../../scenario/index.ts';
import { NODE_SIZE } from './layout.ts';
import { snap, type XY } from './operations.ts';

export interface Size {
  width: number;
  height: number;
}

/**
 * "Tidy up": a left-to-right layered layout by request flow (clients on the left, databases on
 * the right). Loaded on first use: dagre is not needed to draw the first screen.
 */
export function tidyLayout(doc: Scenario, sizes: ReadonlyMap<string, Size>): Map<string, XY> {
  if (doc.nodes.length === 0) return new Map();
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of doc.nodes) g.setNode(n.id, { ...NODE_SIZE, ...sizes.get(n.id) });
  // By request flow only: a standby balancer is ranked by the servers it sends to, which puts it
  // in its active balancer's column rather than after it.
  for (const e of requestEdges(doc)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  // Keep the drawing where it was: shift the result so its top-left matches the old top-left.
  const old = doc.nodes.map((n) => n.position ?? { x: 0, y: 0 });
  const origin = { x: Math.min(...old.map((p) => p.x)), y: Math.min(...old.map((p) => p.y)) };
  const raw = new Map<string, XY>();
  for (const n of doc.nodes) {
    const box = g.node(n.id);
    const size = { ...NODE_SIZE, ...sizes.get(n.id) };
    raw.set(n.id, { x: box.x - size.width / 2, y: box.y - size.height / 2 });
  }
  const xs = [...raw.values()].map((p) => p.x);
  const ys = [...raw.values()].map((p) => p.y);
  const shift = { x: origin.x - Math.min(...xs), y: origin.y - Math.min(...ys) };
  const result = new Map<string, XY>();
  for (const [id, p] of raw) result.set(id, snap({ x: p.x + shift.x, y: p.y + shift.y }));
  return result;
}
