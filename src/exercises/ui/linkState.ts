import { linkKind } from '../exerciseLink.ts';

/** The fragment last opened, so a remount (StrictMode's) does not open it twice. */
export const handledLink: { hash: string | null } = { hash: null };

/**
 * Leaving exercise mode takes the link out of the address bar (a reload then keeps the
 * learner's canvas), and the same link opens again if it is pasted again.
 */
export function dropExerciseLink(): void {
  handledLink.hash = null;
  const { hash, pathname, search } = window.location;
  const kind = linkKind(hash);
  if (kind === 'x' || kind === 'w')
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}
