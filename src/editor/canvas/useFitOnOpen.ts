import type { ReactFlowInstance } from '@xyflow/react';
import { useEffect } from 'react';
import type { EditorStore } from '../store/editorStore.ts';
import { FIT_OPTIONS } from './fitOptions.ts';
import type { FlowEdge, FlowNode } from './flowElements.ts';

/**
 * Opening another scenario (from the library, a file, a link, a lesson or its solution) shows
 * all of it. React Flow's `fitView` prop fits only the first one, and a new scenario may sit
 * anywhere — often off screen. Two frames: React Flow measures the new nodes in the first.
 */
export function useFitOnOpen(store: EditorStore, flow: ReactFlowInstance<FlowNode, FlowEdge>): void {
  useEffect(() => {
    let frame = 0;
    const unsubscribe = store.subscribe((s, p) => {
      if (s.loads === p.loads) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => void flow.fitView({ ...FIT_OPTIONS, duration: 200 }));
      });
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, flow]);
}
