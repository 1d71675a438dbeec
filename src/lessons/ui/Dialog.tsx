import type { ReactNode } from 'react';
import { CloseIcon } from '../../ui/icons.tsx';
import { useModalDialog } from '../../ui/useModalDialog.ts';

/**
 * A native modal dialog like the help dialog's: focus stays inside, Escape closes it, focus
 * returns to where it was, a click on the backdrop closes it.
 */
export function Dialog({
  title,
  titleId,
  onClose,
  wide = false,
  children,
}: {
  title: string;
  titleId: string;
  onClose(): void;
  wide?: boolean;
  children: ReactNode;
}) {
  const dialog = useModalDialog(onClose);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape already closes a modal dialog.
    <dialog
      ref={dialog.ref}
      className={`sl-dialog sl-learn-dialog${wide ? ' sl-learn-dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onClose={dialog.onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="sl-dialog__content">
        <header className="sl-dialog__header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="sl-button sl-button--icon" aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
