import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { shortDuration } from '../components/format.ts';
import { edgeIndex } from '../document/graph.ts';
import { useEditor } from '../store/context.tsx';
import type { FlowEdge } from './flowElements.ts';

/** An arrow "source sends requests to target", labelled with its network latency when it has one. */
function RequestEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected } =
    props;
  const latency = useEditor((s) => edgeIndex(s.doc.edges).get(id)?.latencyMs ?? 0);
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  return (
    <>
      <BaseEdge path={path} {...(markerEnd ? { markerEnd } : {})} className="sl-edge" interactionWidth={24} />
      {latency > 0 && (
        <EdgeLabelRenderer>
          <div
            className={`sl-edge-label${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {shortDuration(latency)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const RequestEdge = memo(RequestEdgeView);
