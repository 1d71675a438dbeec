import { useEffect, useState } from 'react';
import type { RunSnapshot } from '../../exercises/index.ts';
import { useOptionalRunController } from '../../run/ui/RunContext.tsx';

/**
 * What the live run has seen, for guided steps: asked of the run worker when the run store's
 * status, whole simulated second or markers change (a narrow subscription, outside React's
 * render: nothing re-renders for the frames in between). Null before a run and after Reset.
 */
export function useRunSeen(): RunSnapshot | null {
  const run = useOptionalRunController();
  const [seen, setSeen] = useState<RunSnapshot | null>(null);
  useEffect(() => {
    if (!run) return;
    let alive = true;
    let asking = false;
    let again = false;
    const ask = () => {
      if (asking) {
        again = true;
        return;
      }
      asking = true;
      void run.seen().then((s) => {
        asking = false;
        if (alive) setSeen(s);
        if (again && alive) {
          again = false;
          ask();
        }
      });
    };
    const unsubscribe = run.store.subscribe((s, p) => {
      const changed =
        s.status !== p.status ||
        Math.floor(s.clockMs / 1000) !== Math.floor(p.clockMs / 1000) ||
        s.markers !== p.markers;
      if (!changed) return;
      if (s.status === 'idle' || s.status === 'error') setSeen(null);
      else ask();
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [run]);
  return seen;
}
