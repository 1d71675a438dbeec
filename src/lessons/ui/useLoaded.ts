import { useReactFlow } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { FIT_OPTIONS } from '../../editor/canvas/fitOptions.ts';
import { useEditorStore } from '../../editor/store/context.tsx';
import { sameDesign } from '../../exercises/ui/verdictView.ts';
import type { Scenario } from '../../scenario/index.ts';

/**
 * True once the canvas shows `opened` (the library opens a scenario a moment after it is
 * asked to), and from then on. Until then, steps are not judged and nothing is saved. When it
 * is, the view fits it (the panel beside the canvas has just made the canvas narrower).
 */
export function useLoaded(opened: Scenario | null): boolean {
  const store = useEditorStore();
  const [loaded, setLoaded] = useState(() => opened === null || sameDesign(store.getState().doc, opened));
  useEffect(() => {
    if (loaded || !opened) return;
    if (sameDesign(store.getState().doc, opened)) {
      setLoaded(true);
      return;
    }
    return store.subscribe((s, p) => {
      if (s.doc !== p.doc && sameDesign(s.doc, opened)) setLoaded(true);
    });
  }, [store, opened, loaded]);
  // Once it is there (and the panel has narrowed the canvas), show all of it.
  const flow = useReactFlow();
  useEffect(() => {
    if (!loaded) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => void flow.fitView({ ...FIT_OPTIONS, duration: 200 }));
    });
    return () => cancelAnimationFrame(frame);
  }, [loaded, flow]);
  return loaded;
}
