import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useCallback, useRef } from 'react';
import { Canvas } from '../editor/canvas/Canvas.tsx';
import { CommandButton } from '../editor/commands/CommandButton.tsx';
import { CanvasElementContext, useCommandContext } from '../editor/commands/context.ts';
import { Toolbar } from '../editor/commands/Toolbar.tsx';
import { useShortcuts } from '../editor/commands/useShortcuts.ts';
import { nodeIndex } from '../editor/document/graph.ts';
import { Inspector } from '../editor/inspector/Inspector.tsx';
import { NoticeRegion } from '../editor/notices/NoticeRegion.tsx';
import { Palette } from '../editor/palette/Palette.tsx';
import { EditorStoreProvider, useEditor, useEditorStore } from '../editor/store/context.tsx';
import type { EditorStore } from '../editor/store/editorStore.ts';
import { FileDropTarget } from '../files/FileDropTarget.tsx';
import { FileMenu } from '../files/FileMenu.tsx';
import { LearnButton } from '../lessons/ui/LearnButton.tsx';
import { LearnLayerLoader } from '../lessons/ui/LearnLayerLoader.tsx';
import { LibraryHeader } from '../library/LibraryHeader.tsx';
import { FaultMenu } from '../run/ui/FaultMenu.tsx';
import { RunProvider } from '../run/ui/RunContext.tsx';
import { RunControls } from '../run/ui/RunControls.tsx';
import { RunErrorBanner } from '../run/ui/RunErrorBanner.tsx';
import type { ScenarioEvent } from '../scenario/index.ts';
import { LogoMark } from '../ui/icons.tsx';
import { TooltipLayer } from '../ui/TooltipLayer.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';

const HelpDialog = lazy(() => import('../editor/help/HelpDialog.tsx'));

/** Providers only: the store for this editor, its live run, React Flow's, and the canvas element. */
export function App({ store }: { store: EditorStore }) {
  const canvas = useRef<HTMLDivElement>(null);
  const keepEvent = useCallback(
    (event: ScenarioEvent) => {
      const s = store.getState();
      const r = s.addEvent(event);
      s.notify(
        r.ok
          ? `Kept in the scenario: ${event.action} at ${event.at.toFixed(1)} s. A shared link replays it.`
          : r.reason,
        r.ok ? 'success' : 'warning',
      );
    },
    [store],
  );
  const notify = useCallback(
    (message: string, tone: 'info' | 'warning') => store.getState().notify(message, tone),
    [store],
  );
  return (
    <EditorStoreProvider store={store}>
      <RunProvider documents={store} keepEvent={keepEvent} notify={notify}>
        <ReactFlowProvider>
          <CanvasElementContext.Provider value={canvas}>
            <Shell />
          </CanvasElementContext.Provider>
        </ReactFlowProvider>
      </RunProvider>
    </EditorStoreProvider>
  );
}

/**
 * The page layout: the run toolbar in the header's run slot, the Results region (charts, Why,
 * experiments) under the canvas.
 */
function Shell() {
  const ctx = useCommandContext();
  useShortcuts(ctx);
  const helpOpen = useEditor((s) => s.helpOpen);
  const title = useEditor((s) => s.doc.title);
  const store = useEditorStore();
  const typeOf = useCallback((id: string) => nodeIndex(store.getState().doc.nodes).get(id)?.type, [store]);
  return (
    <div className="sl-app">
      <header className="sl-header">
        <span className="sl-brand">
          <LogoMark size={26} />
          <span className="sl-brand__name">ScaleLab</span>
        </span>
        <h1 className="sl-header__title" title={title}>
          {title}
        </h1>
        <LibraryHeader ctx={ctx} />
        <div className="sl-run-slot" data-slot="run-toolbar">
          <RunControls />
        </div>
        <Toolbar ctx={ctx} />
        <FileMenu ctx={ctx} />
        <LearnButton ctx={ctx} />
        <CommandButton id="help" ctx={ctx} />
      </header>
      <Palette ctx={ctx} />
      <main className="sl-main">
        <Canvas ctx={ctx} />
        <NoticeRegion />
        <RunErrorBanner />
        <FileDropTarget ctx={ctx} />
      </main>
      <ResultsPanel />
      <Inspector />
      <LearnLayerLoader />
      {helpOpen && (
        <Suspense fallback={null}>
          <HelpDialog />
        </Suspense>
      )}
      <FaultMenu typeOf={typeOf} />
      <TooltipLayer />
    </div>
  );
}
