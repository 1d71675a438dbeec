import { type SyntheticEvent, useEffect, useRef } from 'react';

/**
 * A native modal `<dialog>` for as long as the component is mounted: shown with `showModal()`
 * (focus stays inside, Escape cancels), closed on unmount with the focus handed back to where
 * it was. `onShown` runs once it is open (e.g. to select a field).
 *
 * The `close` handler it returns reports only a dialog that is really closed. In development,
 * React's StrictMode runs every effect twice (mount, unmount, mount); the `close` event of that
 * first cleanup arrives after the dialog has been shown again, and handled naively it shut the
 * dialog the moment it opened.
 */
export function useModalDialog(close: () => void, onShown?: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const shown = useRef(onShown);
  shown.current = onShown;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const returnTo = document.activeElement as HTMLElement | null;
    el.showModal();
    shown.current?.();
    return () => {
      el.close();
      returnTo?.focus?.();
    };
  }, []);
  const onClose = (e: SyntheticEvent<HTMLDialogElement>) => {
    if (!e.currentTarget.open) close();
  };
  return { ref, onClose };
}
