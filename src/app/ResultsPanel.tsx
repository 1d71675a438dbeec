import { useReactFlow } from '@xyflow/react';
import { FIT_OPTIONS } from '../editor/canvas/fitOptions.ts';
import { useEditor, useEditorStore } from '../editor/store/context.tsx';
import { RunResults } from '../run/ui/RunResults.tsx';
import { useOpenOnFirstRun } from '../run/ui/useOpenOnFirstRun.ts';
import { ChartIcon, ChevronDownIcon, ChevronUpIcon } from '../ui/icons.tsx';

/**
 * The results of a run: live charts, the Why panel and experiments (src/run/ui/RunResults.tsx).
 * Folded until the first Run, which opens it.
 */
export function ResultsPanel() {
  const store = useEditorStore();
  const open = useEditor((s) => s.resultsOpen);
  const flow = useReactFlow();
  // The first Run unfolds the results; the canvas gets shorter, so fit the system in it again.
  useOpenOnFirstRun(() => {
    if (store.getState().resultsOpen) return;
    store.getState().setResultsOpen(true);
    // After React Flow has measured its smaller pane (its resize observer runs after layout).
    setTimeout(() => void flow.fitView({ ...FIT_OPTIONS, duration: 200 }), 120);
  });
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
        <RunResults onShowNode={(id) => store.getState().select([id])} />
      </div>
    </section>
  );
}
