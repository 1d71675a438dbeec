import type { SyntheticEvent } from 'react';

/**
 * A native dialog's `close` event handler that ignores a close the dialog did not keep.
 * Our dialogs call `showModal()` in an effect and `close()` in its cleanup; in development,
 * React's StrictMode runs every effect twice (mount, unmount, mount), and the `close` event of
 * that first cleanup arrives after the dialog has been shown again — handled naively, it shut
 * the dialog the moment it opened. Only a dialog that is really closed is reported.
 */
export function onDialogClosed(close: () => void) {
  return (e: SyntheticEvent<HTMLDialogElement>) => {
    if (!e.currentTarget.open) close();
  };
}
