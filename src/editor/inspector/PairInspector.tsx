import { shortDuration } from '../components/format.ts';
import { nodeIndex, nodeName } from '../document/graph.ts';
import { useEditor, useEditorStore } from '../store/context.tsx';

/** A selected standby pair edge: what it means, and a way to undo the pairing. No latency: it carries nothing. */
export function PairInspector({ active, standby }: { active: string; standby: string }) {
  const store = useEditorStore();
  const activeName = useEditor((s) => {
    const n = nodeIndex(s.doc.nodes).get(active);
    return n ? nodeName(n) : active;
  });
  const standbyName = useEditor((s) => {
    const n = nodeIndex(s.doc.nodes).get(standby);
    return n ? nodeName(n) : standby;
  });
  const failoverMs = useEditor((s) => {
    const n = nodeIndex(s.doc.nodes).get(active);
    return n?.type === 'loadBalancer' ? n.config.failoverMs : 0;
  });
  return (
    <div className="sl-inspector__body">
      <header className="sl-inspector__header">
        <div>
          <h2 className="sl-inspector__title">
            {activeName} ⇢ {standbyName}
          </h2>
          <p className="sl-inspector__kind">Standby pair</p>
        </div>
      </header>
      <p className="sl-inspector__about">
        {standbyName} stands by for {activeName} and gets no requests from it. When {activeName} fails,
        requests sent to it fail for its failover time ({shortDuration(failoverMs)}), then {standbyName} takes
        them over and sends them to its own backends. When {activeName} is restored, it takes the traffic back
        at once.
      </p>
      <p className="sl-inspector__about">
        The failover time is a setting of {activeName}; both balancers cost money the whole time.
      </p>
      <button
        type="button"
        className="sl-button sl-button--label"
        onClick={() => store.getState().select([active])}
      >
        Show {activeName}
      </button>
      <button
        type="button"
        className="sl-button sl-button--label sl-button--danger"
        onClick={() => {
          const s = store.getState();
          const r = s.setStandby(active, null);
          s.notify(r.ok ? `${activeName} has no standby now.` : r.reason, r.ok ? 'info' : 'warning');
        }}
      >
        Remove pair
      </button>
    </div>
  );
}
