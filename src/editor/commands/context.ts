import { type ReactFlowInstance, useReactFlow } from '@xyflow/react';
import { createContext, type RefObject, useContext, useMemo } from 'react';
import type { RunController } from '../../run/runController.ts';
import { useOptionalRunController } from '../../run/ui/RunContext.tsx';
import type { FlowEdge, FlowNode } from '../canvas/flowElements.ts';
import { useEditorStore } from '../store/context.tsx';
import type { EditorStore } from '../store/editorStore.ts';
import { type ClipboardPort, systemClipboard } from './clipboard.ts';

/** What a command may touch: the store, the canvas view, a clipboard, and the live run. */
export interface CommandContext {
  store: EditorStore;
  /** The live run (null where the editor is shown without one). */
  run: RunController | null;
  flow: ReactFlowInstance<FlowNode, FlowEdge>;
  /** The canvas element (to find the middle of the view), once mounted. */
  canvas(): HTMLElement | null;
  clipboard: ClipboardPort;
}

export const CanvasElementContext = createContext<RefObject<HTMLDivElement | null>>({ current: null });

export function useCommandContext(): CommandContext {
  const store = useEditorStore();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const canvas = useContext(CanvasElementContext);
  const run = useOptionalRunController();
  return useMemo(
    () => ({ store, run, flow, canvas: () => canvas.current, clipboard: systemClipboard }),
    [store, run, flow, canvas],
  );
}
