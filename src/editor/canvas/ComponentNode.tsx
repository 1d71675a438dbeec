import { Handle, type NodeProps, Position } from '@xyflow/react';
import { type CSSProperties, memo } from 'react';
import { NodeLiveState } from '../../run/ui/NodeLiveState.tsx';
import { components, type NodeType } from '../../scenario/index.ts';
import { anyView, handlesOf } from '../components/index.ts';
import { nodeIndex } from '../document/graph.ts';
import { useEditor } from '../store/context.tsx';
import type { FlowNode } from './flowElements.ts';
import { NodeLabelEditor } from './NodeLabelEditor.tsx';

/**
 * One node view for every component type; the type's definition (src/editor/components/)
 * supplies icon, colour and summary. It subscribes to its own node's config and label only:
 * moving or editing another node does not re-render it, and neither does moving this one.
 * During a run, `NodeLiveState` reads this node's own live record from the run store.
 */
function ComponentNodeView({ id, type }: NodeProps<FlowNode>) {
  const config = useEditor((s) => nodeIndex(s.doc.nodes).get(id)?.config);
  const label = useEditor((s) => nodeIndex(s.doc.nodes).get(id)?.label);
  const renaming = useEditor((s) => s.renaming === id);
  const nodeType = type as NodeType;
  if (!config) return null;
  const view = anyView(nodeType);
  const Icon = view.icon;
  const handles = handlesOf[nodeType];
  const name = label?.trim() ? label : id;
  const summary = view.summary(config);

  return (
    <div className="sl-node" style={{ '--sl-accent': view.accent } as CSSProperties}>
      {handles.input && <Handle type="target" position={Position.Left} className="sl-handle" />}
      <span className="sl-node__badge">
        <Icon size={22} />
      </span>
      <span className="sl-node__text">
        {renaming ? (
          <NodeLabelEditor id={id} name={name} />
        ) : (
          <span className="sl-node__label" title={name}>
            {name}
          </span>
        )}
        <span className="sl-node__summary" title={`${components[nodeType].label}: ${summary}`}>
          {wrapBetweenParts(summary)}
        </span>
      </span>
      {handles.output && <Handle type="source" position={Position.Right} className="sl-handle" />}
      <NodeLiveState id={id} />
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);

/**
 * A long summary may wrap, but only between its parts: "round-robin ·" / "health 1 s × 2",
 * never "health 1 s ×" / "2". Spaces inside a part become no-break spaces.
 */
function wrapBetweenParts(summary: string): string {
  return summary
    .split(' · ')
    .map((part) => part.replaceAll(' ', '\u00a0'))
    .join('\u00a0· ');
}
