import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useRef } from 'react';
import { Canvas } from '../editor/canvas/Canvas.tsx';
import { CommandButton } from '../editor/commands/CommandButton.tsx';
import { CanvasElementContext, useCommandContext } from '../editor/commands/context.ts';
import { Toolbar } from '../editor/commands/Toolbar.tsx';
import { useShortcuts } from '../editor/commands/useShortcuts.ts';
import { Inspector } from '../editor/inspector/Inspector.tsx';
import { NoticeRegion } from '../editor/notices/NoticeRegion.tsx';
import { Palette } from '../editor/palette/Palette.tsx';
import { EditorStoreProvider, useEditor } from '../editor/store/context.tsx';
import type { EditorStore } from '../editor/store/editorStore.ts';
import { LogoMark } from '../ui/icons.tsx';
import { TooltipLayer } from '../ui/TooltipLayer.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';

const HelpDialog = lazy(() => import('../editor/help/HelpDialog.tsx'));

/** Providers only: the store for this editor, React Flow's, and the canvas element. */
export function App({ store }: { store: EditorStore }) {
  const canvas = useRef<HTMLDivElement>(null);
  return (
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <CanvasElementContext.Provider value={canvas}>
          <Shell />
        </CanvasElementContext.Provider>
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

/**
 * The page layout. Reserved places: `sl-run-slot` in the header for the run toolbar
 * (Run/Pause/Step/Reset), and the folded Results region under the canvas for live charts.
 */
function Shell() {
  const ctx = useCommandContext();
  useShortcuts(ctx);
  const helpOpen = useEditor((s) => s.helpOpen);
  const title = useEditor((s) => s.doc.title);
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
        <div className="sl-run-slot" data-slot="run-toolbar" />
        <Toolbar ctx={ctx} />
        <CommandButton id="help" ctx={ctx} />
      </header>
      <Palette ctx={ctx} />
      <main className="sl-main">
        <Canvas ctx={ctx} />
        <NoticeRegion />
      </main>
      <ResultsPanel />
      <Inspector />
      {helpOpen && (
        <Suspense fallback={null}>
          <HelpDialog />
        </Suspense>
      )}
      <TooltipLayer />
    </div>
  );
}
