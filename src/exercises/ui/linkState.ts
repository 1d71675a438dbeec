import { linkKind } from '../exerciseLink.ts';

/** A built-in lesson's link, `#lesson=<id>` (ids as `npx scalelab lessons` lists them). */
export function lessonLinkId(hash: string): string | null {
  return /^#lesson=([a-z0-9-]{1,80})$/.exec(hash)?.[1] ?? null;
}

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
  if (kind === 'x' || kind === 'w' || lessonLinkId(hash) !== null)
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}
