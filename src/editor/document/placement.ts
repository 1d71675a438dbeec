import type { Scenario } from '../../scenario/index.ts';
import { fragmentBounds } from './fragment.ts';
import { NODE_SIZE } from './layout.ts';
import { GRID, type XY } from './operations.ts';

type Sizes = ReadonlyMap<string, { width: number; height: number }>;
interface Box {
  x: number;
  y: number;
  right: number;
  bottom: number;
}

/** Where the document's nodes are, each grown by a margin for the arrows between them. */
function occupied(doc: Scenario, sizes: Sizes): Box[] {
  const margin = GRID * 2;
  return doc.nodes.map((n) => {
    const p = n.position ?? { x: 0, y: 0 };
    const size = sizes.get(n.id) ?? NODE_SIZE;
    return {
      x: p.x - margin,
      y: p.y - margin,
      right: p.x + size.width + margin,
      bottom: p.y + size.height + margin,
    };
  });
}

/** A new node with its top-left at `p` would overlap none of `boxes`. */
function fits(boxes: readonly Box[], p: XY): boolean {
  return boxes.every(
    (b) => p.x + NODE_SIZE.width <= b.x || p.x >= b.right || p.y + NODE_SIZE.height <= b.y || p.y >= b.bottom,
  );
}

/**
 * The free place nearest to `at` for a new node: no overlap with any node (with a margin for
 * the arrows between them). Searches a grid around `at`, nearest first.
 */
export function freeSpot(doc: Scenario, sizes: Sizes, at: XY): XY {
  const boxes = occupied(doc, sizes);
  const step = GRID * 2;
  const candidates: XY[] = [];
  for (let dx = -15; dx <= 15; dx++)
    for (let dy = -15; dy <= 15; dy++) candidates.push({ x: at.x + dx * step, y: at.y + dy * step });
  candidates.sort((a, b) => Math.hypot(a.x - at.x, a.y - at.y) - Math.hypot(b.x - at.x, b.y - at.y));
  return candidates.find((p) => fits(boxes, p)) ?? at;
}

/**
 * How far a duplicate moves from its original: straight below it, clear of it, the way a
 * second server is drawn under the first — and further down past earlier copies, so
 * duplicating web-1 three times stacks web-2, web-3 and web-4 under it instead of on top of
 * each other. Falls back to a step down-right if a long way down is still crowded.
 */
export function duplicateOffset(doc: Scenario, sizes: Sizes, fragment: Scenario): XY {
  const top = fragmentBounds(fragment.nodes).min.y;
  const bottom = Math.max(
    ...fragment.nodes.map((n) => (n.position?.y ?? 0) + (sizes.get(n.id) ?? NODE_SIZE).height),
  );
  const boxes = occupied(doc, sizes);
  const stride = bottom - top + GRID * 2;
  for (let k = 1; k <= 20; k++) {
    const dy = k * stride;
    const clear = fragment.nodes.every((n) => {
      const p = n.position ?? { x: 0, y: 0 };
      return fits(boxes, { x: p.x, y: p.y + dy });
    });
    if (clear) return { x: 0, y: dy };
  }
  return { x: GRID * 2, y: GRID * 2 };
}
