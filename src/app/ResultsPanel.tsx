import { useEditor, useEditorStore } from '../editor/store/context.tsx';
import { ChartIcon, ChevronDownIcon, ChevronUpIcon } from '../ui/icons.tsx';

/**
 * The reserved place for the live charts of a run (latency, throughput, errors, utilisation).
 * They arrive with the simulator's run store; until then the region says so and stays folded.
 */
export function ResultsPanel() {
  const store = useEditorStore();
  const open = useEditor((s) => s.resultsOpen);
  return (
    <section className={`sl-results${open ? ' is-open' : ''}`} aria-labelledby="sl-results-title">
      <button
        type="button"
        className="sl-results__toggle"
        aria-expanded={open}
        aria-controls="sl-results-body"
        onClick={() => store.getState().setResultsOpen(!open)}
      >
        <ChartIcon size={18} />
        <span id="sl-results-title">Results</span>
        {open ? <ChevronDownIcon size={18} /> : <ChevronUpIcon size={18} />}
      </button>
      <div id="sl-results-body" className="sl-results__body" hidden={!open}>
        <p className="sl-muted">
          Live charts of a run — latency, throughput, errors, utilisation — will appear here once the
          simulator can run this scenario.
        </p>
      </div>
    </section>
  );
}
