import { useRef } from 'react';
import { useStore } from 'zustand';
import { CloseIcon } from '../ui/icons.tsx';
import { useModalDialog } from '../ui/useModalDialog.ts';
import { libraryUi } from './ui.ts';

/**
 * The link made by "Share link": selectable text with its length, and whether it reached the
 * clipboard. A modal dialog, so focus stays in it and Escape closes it.
 */
export function ShareDialog() {
  const share = useStore(libraryUi, (s) => s.share);
  if (!share) return null;
  return <ShareDialogOpen link={share.link} copied={share.copied} />;
}

function ShareDialogOpen({ link, copied }: { link: string; copied: boolean | null }) {
  const field = useRef<HTMLTextAreaElement>(null);
  const close = () => libraryUi.setState({ share: null });

  const dialog = useModalDialog(close, () => field.current?.select());

  const copyAgain = async () => {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(link);
      libraryUi.setState({ share: { link, copied: true } });
    } catch {
      libraryUi.setState({ share: { link, copied: false } });
    }
  };

  return (
    <dialog
      ref={dialog.ref}
      className="sl-dialog sl-lib-share"
      aria-labelledby="sl-share-title"
      onClose={dialog.onClose}
      onKeyDown={(e) => e.stopPropagation()}
      onClick={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div className="sl-dialog__content">
        <header className="sl-dialog__header">
          <h2 id="sl-share-title">Share link</h2>
          <button type="button" className="sl-button sl-button--icon" aria-label="Close" onClick={close}>
            <CloseIcon />
          </button>
        </header>
        <p className="sl-lib-share__status" role="status">
          {copied === null
            ? 'Copying…'
            : copied
              ? 'Copied to the clipboard.'
              : 'Select the link and copy it (Ctrl+C): this browser did not allow copying.'}
        </p>
        <textarea
          ref={field}
          className="sl-lib-share__link"
          aria-label="Link to this scenario"
          readOnly
          rows={3}
          value={link}
          onFocus={(e) => e.currentTarget.select()}
        />
        <p className="sl-lib-share__meta">
          <span>{link.length.toLocaleString('en-US')} characters</span>
          <span>
            The scenario travels inside the link: nothing is uploaded. Whoever opens it gets their own copy,
            with the same seed, so a run shows the same numbers.
          </span>
        </p>
        <div className="sl-lib-share__actions">
          <button type="button" className="sl-button sl-button--label" onClick={() => void copyAgain()}>
            Copy again
          </button>
          <button type="button" className="sl-button sl-button--label sl-button--primary" onClick={close}>
            Done
          </button>
        </div>
      </div>
    </dialog>
  );
}
