import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getStraightPath, useInternalNode } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge } from './flowElements.ts';

/**
 * A standby pair: a dashed line with no arrow and no latency, between the two balancers' facing
 * sides (a standby usually sits beside or below its active balancer, so handle to handle would
 * loop around them). It carries no requests, so it never shows live traffic.
 */
function PairEdgeView(props: EdgeProps<FlowEdge>) {
  const { source, target, sourceX, sourceY, targetX, targetY, selected } = props;
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  const [x1, y1, x2, y2] =
    from && to ? facingSides(boxOf(from), boxOf(to)) : [sourceX, sourceY, targetX, targetY];
  const [path, labelX, labelY] = getStraightPath({ sourceX: x1, sourceY: y1, targetX: x2, targetY: y2 });
  return (
    <>
      <BaseEdge path={path} className="sl-edge sl-edge--pair" interactionWidth={24} />
      <EdgeLabelRenderer>
        <div
          className={`sl-edge-label sl-edge-label--pair${selected ? ' is-selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          standby pair
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boxOf(node: NonNullable<ReturnType<typeof useInternalNode>>): Box {
  const p = node.internals.positionAbsolute;
  return { x: p.x, y: p.y, w: node.measured.width ?? 0, h: node.measured.height ?? 0 };
}

/** The midpoints of the two sides that face each other: top/bottom when stacked, else left/right. */
export function facingSides(a: Box, b: Box): [number, number, number, number] {
  const dx = b.x + b.w / 2 - (a.x + a.w / 2);
  const dy = b.y + b.h / 2 - (a.y + a.h / 2);
  // Stacked when the vertical gap beats the horizontal one, measured between the boxes' edges.
  const gapX = Math.abs(dx) - (a.w + b.w) / 2;
  const gapY = Math.abs(dy) - (a.h + b.h) / 2;
  if (gapY >= gapX) {
    const down = dy >= 0;
    return [a.x + a.w / 2, down ? a.y + a.h : a.y, b.x + b.w / 2, down ? b.y : b.y + b.h];
  }
  const right = dx >= 0;
  return [right ? a.x + a.w : a.x, a.y + a.h / 2, right ? b.x : b.x + b.w, b.y + b.h / 2];
}

export const PairEdge = memo(PairEdgeView);
