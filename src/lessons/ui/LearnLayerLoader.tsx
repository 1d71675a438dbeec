import { lazy, Suspense, useEffect, useState } from 'react';
import { useLearn } from './learnStore.ts';

// The course, the grader's checks and the exercise links weigh more than the editor itself
// (they bring every lesson's scenarios and the engine for the lesson checks): they load the
// first time something of learning is asked for, not with the page.
const LearnLayer = lazy(() => import('./LearnLayer.tsx').then((m) => ({ default: m.LearnLayer })));

/**
 * An exercise or workshop link (`#x1.…`, `#w1.…`) or a lesson's (`#lesson=…`), told apart
 * without loading the decoder.
 */
const isLearnLink = (hash: string) => /#[xw]\d+\.|^#lesson=/.test(hash);

/**
 * Mounts the learning layer once it is needed — the Learn picker or the Create-exercise dialog
 * is opened, or the address holds an exercise or workshop link — and keeps it from then on.
 */
export function LearnLayerLoader() {
  const asked = useLearn((s) => s.activity !== null || s.linkError !== null || s.pickerOpen || s.authorOpen);
  const [linked, setLinked] = useState(() => isLearnLink(window.location.hash));
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const onHash = () => {
      if (isLearnLink(window.location.hash)) setLinked(true);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (asked || linked) setMounted(true);
  }, [asked, linked]);
  return mounted ? (
    <Suspense fallback={null}>
      <LearnLayer />
    </Suspense>
  ) : null;
}
