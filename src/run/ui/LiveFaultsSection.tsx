import type { LiveFault } from '../liveFault.ts';
import { describeEvent } from './FaultMenu.tsx';
import { edgeFaultChoices, nodeFaultChoices } from './faultChoices.ts';
import { useKeepEvent, useRun, useRunController } from './RunContext.tsx';
import './run.css';

/** The inspector's "Live faults" for a component: the same choices as its context menu. */
export function LiveFaultsSection({ id, type }: { id: string; type: string }) {
  const running = useRun((s) => s.status === 'running' || s.status === 'paused');
  const finished = useRun((s) => s.status === 'finished');
  const live = useRun((s) => s.nodes[id]);
  const choices = nodeFaultChoices(id, type, live, running, finished);
  if (choices.length === 0) return null;
  return <FaultButtons title="Live faults" choices={choices} running={running} />;
}

/** The inspector's "Live faults" for a connection: cut and heal. */
export function EdgeFaultsSection({ source, target }: { source: string; target: string }) {
  const running = useRun((s) => s.status === 'running' || s.status === 'paused');
  const finished = useRun((s) => s.status === 'finished');
  const cut = useRun((s) => s.edges[`${source}>${target}`]?.cut ?? false);
  return (
    <FaultButtons
      title="Live faults"
      choices={edgeFaultChoices(source, target, cut, running, finished)}
      running={running}
    />
  );
}

function FaultButtons({
  title,
  choices,
  running,
}: {
  title: string;
  choices: { fault: LiveFault; label: string; disabled: string | null }[];
  running: boolean;
}) {
  const controller = useRunController();
  const lastFault = useRun((s) => s.lastFault);
  const keepEvent = useKeepEvent();
  return (
    <section className="sl-live-faults" aria-labelledby="sl-live-faults-title">
      <h3 id="sl-live-faults-title" className="sl-live-faults__title">
        {title}
      </h3>
      {!running && (
        <p className="sl-live-faults__hint">
          Run the simulation, then break things here or by right-clicking.
        </p>
      )}
      <div className="sl-live-faults__buttons">
        {choices.map((c) => (
          <button
            key={c.label}
            type="button"
            className="sl-button sl-button--label sl-live-faults__button"
            disabled={c.disabled !== null}
            title={c.disabled ?? undefined}
            onClick={() => void controller.applyFault(c.fault)}
          >
            {c.label}
          </button>
        ))}
      </div>
      {keepEvent && lastFault && (
        <button
          type="button"
          className="sl-button sl-button--label sl-live-faults__keep"
          onClick={() => {
            const ev = controller.takeLastFault();
            if (ev) keepEvent(ev);
          }}
        >
          Keep “{describeEvent(lastFault.event)}” in the scenario
        </button>
      )}
    </section>
  );
}
