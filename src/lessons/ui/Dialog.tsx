import { type ReactNode, useEffect, useRef } from 'react';
import { onDialogClosed } from '../../ui/dialogClose.ts';
import { CloseIcon } from '../../ui/icons.tsx';

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
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const returnTo = document.activeElement as HTMLElement | null;
    el.showModal();
    return () => {
      el.close();
      returnTo?.focus?.();
    };
  }, []);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape already closes a modal dialog.
    <dialog
      ref={dialog}
      className={`sl-dialog sl-learn-dialog${wide ? ' sl-learn-dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onClose={onDialogClosed(onClose)}
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
