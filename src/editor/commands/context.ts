import { type ReactFlowInstance, useReactFlow } from '@xyflow/react';
import { createContext, type RefObject, useContext, useMemo } from 'react';
import type { FlowEdge, FlowNode } from '../canvas/flowElements.ts';
import { useEditorStore } from '../store/context.tsx';
import type { EditorStore } from '../store/editorStore.ts';
import { type ClipboardPort, systemClipboard } from './clipboard.ts';

/** What a command may touch: the store, the canvas view, and a clipboard. Nothing else. */
export interface CommandContext {
  store: EditorStore;
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
  return useMemo(
    () => ({ store, flow, canvas: () => canvas.current, clipboard: systemClipboard }),
    [store, flow, canvas],
  );
}
