import { type ReactFlowInstance, useReactFlow } from '@xyflow/react';
import { createContext, type RefObject, useContext, useMemo, useRef } from 'react';
import { type ScenarioOpener, useScenarioOpener } from '../../library/opener.ts';
import type { RunController } from '../../run/runController.ts';
import { useOptionalRunController } from '../../run/ui/RunContext.tsx';
import type { FlowEdge, FlowNode } from '../canvas/flowElements.ts';
import { useEditorStore } from '../store/context.tsx';
import type { EditorStore } from '../store/editorStore.ts';
import { type ClipboardPort, systemClipboard } from './clipboard.ts';

/**
 * What a command may touch: the store, the canvas view, a clipboard, the live run, and the
 * opener that puts a scenario from outside (an imported file) on the canvas as a new copy.
 */
export interface CommandContext {
  store: EditorStore;
  /** The live run (null where the editor is shown without one). */
  run: RunController | null;
  flow: ReactFlowInstance<FlowNode, FlowEdge>;
  /** The canvas element (to find the middle of the view), once mounted. */
  canvas(): HTMLElement | null;
  clipboard: ClipboardPort;
  opener: ScenarioOpener;
}

export const CanvasElementContext = createContext<RefObject<HTMLDivElement | null>>({ current: null });

export function useCommandContext(): CommandContext {
  const store = useEditorStore();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const canvas = useContext(CanvasElementContext);
  const run = useOptionalRunController();
  // The opener may be a new object each render; the context stays the same one.
  const opener = useRef<ScenarioOpener>(null);
  opener.current = useScenarioOpener();
  return useMemo(
    () => ({
      store,
      run,
      flow,
      canvas: () => canvas.current,
      clipboard: systemClipboard,
      opener: { openCopy: (scenario, origin) => opener.current?.openCopy(scenario, origin) },
    }),
    [store, run, flow, canvas],
  );
}
