import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { requestEdges } from '../../scenario/index.ts';
import { connectableTargets, edgeKey, nodeRoster } from '../document/graph.ts';
import { useEditor, useEditorStore } from '../store/context.tsx';

/**
 * Where this component sends requests and where they come from, with a keyboard way to connect
 * (drawing an arrow needs a pointer). Only allowed targets are offered.
 */
export function ConnectionsSection({ id }: { id: string }) {
  const store = useEditorStore();
  const selectId = useId();
  const outgoing = useEditor(
    useShallow((s) =>
      requestEdges(s.doc)
        .filter((e) => e.source === id)
        .map((e) => e.target),
    ),
  );
  const incoming = useEditor(
    useShallow((s) =>
      requestEdges(s.doc)
        .filter((e) => e.target === id)
        .map((e) => e.source),
    ),
  );
  // Ids and names only: moving a node must not re-render this list (or re-check every pair).
  const roster = useEditor((s) => nodeRoster(s.doc.nodes));
  const edges = useEditor((s) => s.doc.edges);
  const names = useMemo(() => new Map(roster.map((r) => [r.id, r.name])), [roster]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when edges or the roster change, not on moves.
  const candidates = useMemo(() => connectableTargets(store.getState().doc, id), [store, edges, roster, id]);
  const name = (nid: string) => names.get(nid) ?? nid;

  const select = (nid: string) => store.getState().select([nid]);
  const selectEdge = (source: string, target: string) =>
    store.getState().select([], [edgeKey({ source, target })]);

  return (
    <section className="sl-connections" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`} className="sl-section-title">
        Connections
      </h3>
      <dl>
        <dt>Sends requests to</dt>
        <dd>
          {outgoing.length === 0 ? (
            <span className="sl-muted">nothing yet</span>
          ) : (
            <ul className="sl-chips">
              {outgoing.map((t) => (
                <li key={t}>
                  <button type="button" className="sl-chip" onClick={() => selectEdge(id, t)}>
                    → {name(t)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Receives requests from</dt>
        <dd>
          {incoming.length === 0 ? (
            <span className="sl-muted">nothing</span>
          ) : (
            <ul className="sl-chips">
              {incoming.map((src) => (
                <li key={src}>
                  <button type="button" className="sl-chip" onClick={() => select(src)}>
                    {name(src)} →
                  </button>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {candidates.length > 0 && (
        <div className="sl-field">
          <label htmlFor={selectId}>Connect to</label>
          <select
            id={selectId}
            className="sl-input sl-select"
            value=""
            onChange={(e) => {
              const s = store.getState();
              const r = s.connect(id, e.target.value);
              s.notify(
                r.ok ? `Connected ${name(id)} → ${name(e.target.value)}.` : r.reason,
                r.ok ? 'success' : 'warning',
              );
            }}
          >
            <option value="" disabled>
              Choose a component…
            </option>
            {candidates.map((c) => (
              <option key={c} value={c}>
                {name(c)}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}
