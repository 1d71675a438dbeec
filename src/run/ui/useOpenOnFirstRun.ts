import { useEffect, useRef } from 'react';
import { useRunController } from './RunContext.tsx';

/** Calls `open` the first time a run starts (the results region unfolds to show its charts). */
export function useOpenOnFirstRun(open: () => void): void {
  const controller = useRunController();
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    let done = false;
    return controller.store.subscribe((s, prev) => {
      if (!done && s.status === 'running' && prev.status !== 'running') {
        done = true;
        latest.current();
      }
    });
  }, [controller]);
}
