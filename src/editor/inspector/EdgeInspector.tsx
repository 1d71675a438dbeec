import { EdgeFaultsSection } from '../../run/ui/LiveFaultsSection.tsx';
import { isPairEdge, scenarioEdge } from '../../scenario/index.ts';
import { edgeIndex, nodeIndex, nodeName } from '../document/graph.ts';
import { type NumberFieldSpec, singleFieldSpec } from '../schema/fieldSpecs.ts';
import { useEditor, useEditorStore } from '../store/context.tsx';
import { NumberField } from './fields/NumberField.tsx';
import { PairInspector } from './PairInspector.tsx';

const latencySpec = singleFieldSpec('latencyMs', scenarioEdge.shape.latencyMs) as NumberFieldSpec;

/** The selected connection: which way requests go, and the network latency of the hop. */
export function EdgeInspector({ edgeId }: { edgeId: string }) {
  const store = useEditorStore();
  const edge = useEditor((s) => edgeIndex(s.doc.edges).get(edgeId));
  const sourceName = useEditor((s) => {
    const n = edge && nodeIndex(s.doc.nodes).get(edge.source);
    return n ? nodeName(n) : '';
  });
  const targetName = useEditor((s) => {
    const n = edge && nodeIndex(s.doc.nodes).get(edge.target);
    return n ? nodeName(n) : '';
  });
  if (!edge) return null;
  if (isPairEdge(edge)) return <PairInspector active={edge.source} standby={edge.target} />;
  return (
    <div className="sl-inspector__body">
      <header className="sl-inspector__header">
        <div>
          <h2 className="sl-inspector__title">
            {sourceName} → {targetName}
          </h2>
          <p className="sl-inspector__kind">Connection</p>
        </div>
      </header>
      <p className="sl-inspector__about">
        {sourceName} sends requests to {targetName}; the answers come back the same way.
      </p>
      <NumberField
        id="sl-field-edge-latency"
        spec={latencySpec}
        value={edge.latencyMs}
        commit={(v) => store.getState().setEdgeLatency(edgeId, v ?? 0, `${edgeId}.latencyMs`)}
      />
      <button
        type="button"
        className="sl-button sl-button--label sl-button--danger"
        onClick={() => {
          const s = store.getState();
          s.removeElements([], [edgeId]);
          s.notify(`Removed the connection ${sourceName} → ${targetName}.`, 'info');
        }}
      >
        Remove connection
      </button>
      <EdgeFaultsSection source={edge.source} target={edge.target} />
    </div>
  );
}
