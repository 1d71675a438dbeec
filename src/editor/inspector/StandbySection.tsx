import { useId, useMemo } from 'react';
import { loadBalancerConfig } from '../../scenario/components/loadBalancer.ts';
import { activeOf, standbyOf } from '../../scenario/index.ts';
import { nodeIndex, nodeRoster } from '../document/graph.ts';
import { standbyCandidates } from '../document/standby.ts';
import { type NumberFieldSpec, singleFieldSpec } from '../schema/fieldSpecs.ts';
import { useEditor, useEditorStore } from '../store/context.tsx';
import { NumberField } from './fields/NumberField.tsx';

const failoverSpec = singleFieldSpec('failoverMs', loadBalancerConfig.shape.failoverMs) as NumberFieldSpec;

/**
 * A load balancer's standby balancer: another balancer on the canvas that takes over when this
 * one fails (a pair edge, drawn dashed). Chosen here rather than by dragging, because a drag
 * between two balancers means "send requests to it". The built-in twin (`standby`) is the other
 * way to get one; a balancer uses one or the other.
 */
export function StandbySection({ id }: { id: string }) {
  const store = useEditorStore();
  const selectId = useId();
  const standby = useEditor((s) => standbyOf(s.doc, id));
  const activeFor = useEditor((s) => activeOf(s.doc, id));
  const builtIn = useEditor((s) => {
    const n = nodeIndex(s.doc.nodes).get(id);
    return n?.type === 'loadBalancer' && n.config.standby;
  });
  const failoverMs = useEditor((s) => {
    const n = nodeIndex(s.doc.nodes).get(id);
    return n?.type === 'loadBalancer' ? n.config.failoverMs : 0;
  });
  const roster = useEditor((s) => nodeRoster(s.doc.nodes));
  const edges = useEditor((s) => s.doc.edges);
  const names = useMemo(() => new Map(roster.map((r) => [r.id, r.name])), [roster]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when edges or the roster change, not on moves.
  const candidates = useMemo(() => standbyCandidates(store.getState().doc, id), [store, edges, roster, id]);
  const name = (nid: string) => names.get(nid) ?? nid;

  const choose = (value: string) => {
    const s = store.getState();
    const next = value === '' ? null : value;
    const r = s.setStandby(id, next);
    s.notify(
      r.ok
        ? next
          ? `${name(next)} now stands by for ${name(id)}.`
          : `${name(id)} has no standby now.`
        : r.reason,
      r.ok ? 'success' : 'warning',
    );
  };

  return (
    <section className="sl-standby" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`} className="sl-section-title">
        Standby balancer
      </h3>
      {activeFor !== null ? (
        <p className="sl-muted">
          Stands by for{' '}
          <button type="button" className="sl-chip" onClick={() => store.getState().select([activeFor])}>
            {name(activeFor)}
          </button>
          : it takes over that balancer's traffic when it fails.
        </p>
      ) : builtIn ? (
        <p className="sl-muted">
          Uses its built-in standby twin ("Standby pair" above). Turn that off to choose another balancer on
          the canvas as its standby.
        </p>
      ) : (
        <>
          <div className="sl-field">
            <label htmlFor={selectId}>Standby balancer</label>
            <select
              id={selectId}
              className="sl-input sl-select"
              value={standby ?? ''}
              aria-describedby={`${selectId}-help`}
              onChange={(e) => choose(e.target.value)}
            >
              <option value="">None</option>
              {standby !== null && <option value={standby}>{name(standby)}</option>}
              {candidates
                .filter((c) => c !== standby)
                .map((c) => (
                  <option key={c} value={c}>
                    {name(c)}
                  </option>
                ))}
            </select>
            <p id={`${selectId}-help`} className="sl-muted sl-standby__help">
              Another balancer that takes over when this one fails, after the failover time. Give it the same
              servers to send to.
            </p>
          </div>
          {standby !== null && (
            <NumberField
              id={`sl-field-${id}-pair-failover`}
              spec={failoverSpec}
              value={failoverMs}
              commit={(v) => store.getState().updateConfig(id, { failoverMs: v ?? 0 }, `${id}.failoverMs`)}
            />
          )}
        </>
      )}
    </section>
  );
}
