import { type ReactNode, startTransition, useEffect, useState } from 'react';

/**
 * Shows `children` as they were, and takes the new ones `slot` animation frames later, as a
 * transition React may interrupt. Six charts updating together make one long task; one chart
 * per frame keeps every frame short while a run goes on.
 */
export function Staggered({ slot, children }: { slot: number; children: ReactNode }) {
  const [shown, setShown] = useState(children);
  useEffect(() => {
    let frames = slot;
    let id = 0;
    const step = () => {
      if (frames-- > 0) id = requestAnimationFrame(step);
      else startTransition(() => setShown(children));
    };
    id = requestAnimationFrame(step);
    return () => cancelAnimationFrame(id);
  }, [children, slot]);
  return shown;
}
