import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { liveEdgeLook } from '../../run/ui/edgeLive.ts';
import { useEdgeLive } from '../../run/ui/RunContext.tsx';
import { shortDuration } from '../components/format.ts';
import { edgeIndex } from '../document/graph.ts';
import { useEditor } from '../store/context.tsx';
import type { FlowEdge } from './flowElements.ts';

/**
 * An arrow "source sends requests to target", labelled with its network latency when it has one.
 * During a run it thickens with its traffic and turns red where requests fail (its own record).
 */
function RequestEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected } =
    props;
  const latency = useEditor((s) => edgeIndex(s.doc.edges).get(id)?.latencyMs ?? 0);
  const live = liveEdgeLook(useEdgeLive(id));
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
      <BaseEdge
        path={path}
        {...(markerEnd ? { markerEnd } : {})}
        className={live ? `sl-edge ${live.className}` : 'sl-edge'}
        {...(live ? { style: live.style } : {})}
        interactionWidth={24}
      />
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
