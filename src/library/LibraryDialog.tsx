import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { CURRENT_VERSION, DOCUMENT_TYPE, restoreOrThrow } from '../scenario/index.ts';
import { CloseIcon } from '../ui/icons.tsx';
import { useModalDialog } from '../ui/useModalDialog.ts';
import type { LibraryEntry } from './library.ts';
import type { LibrarySession } from './session.ts';
import { libraryUi } from './ui.ts';

/** The library: open, rename, duplicate or delete a saved scenario; start a new one. */
export function LibraryDialog({ session }: { session: LibrarySession }) {
  const open = useStore(libraryUi, (s) => s.libraryOpen);
  return open ? <LibraryDialogOpen session={session} /> : null;
}

const close = () => libraryUi.setState({ libraryOpen: false });

function LibraryDialogOpen({ session }: { session: LibrarySession }) {
  const listVersion = useStore(session.state, (s) => s.listVersion);
  const openId = useStore(session.state, (s) => s.entry?.id ?? null);
  const enabled = useStore(session.state, (s) => s.enabled);
  const title = useStore(session.editor, (s) => s.doc.title);
  const notice = useStore(session.state, (s) => s.notice);
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);

  const dialog = useModalDialog(close);

  // biome-ignore lint/correctness/useExhaustiveDependencies: listVersion is the signal to re-read.
  useEffect(() => {
    let live = true;
    void session.library
      ?.list()
      .then((list) => {
        if (live) setEntries(list);
      })
      .catch(() => {
        if (live) setEntries([]);
      });
    return () => {
      live = false;
    };
  }, [session, listVersion]);

  const saved = entries?.filter((e) => e.deletedAt === null) ?? [];
  const deleted = entries?.filter((e) => e.deletedAt !== null) ?? [];
  const openAndClose = (id: string) => {
    close();
    void session.open(id);
  };
  const newScenario = () => {
    close();
    void session
      .openCopy(restoreOrThrow({ type: DOCUMENT_TYPE, version: CURRENT_VERSION }), 'new')
      .then(() => session.keepInLibrary());
  };

  return (
    <dialog
      ref={dialog.ref}
      className="sl-dialog sl-lib-dialog"
      aria-labelledby="sl-lib-title"
      onClose={dialog.onClose}
      onKeyDown={(e) => e.stopPropagation()}
      onClick={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div className="sl-dialog__content">
        <header className="sl-dialog__header">
          <h2 id="sl-lib-title">Your scenarios</h2>
          <div className="sl-lib-dialog__tools">
            <button
              type="button"
              className="sl-button sl-button--label"
              onClick={newScenario}
              disabled={!enabled}
            >
              New scenario
            </button>
            <button type="button" className="sl-button sl-button--icon" aria-label="Close" onClick={close}>
              <CloseIcon />
            </button>
          </div>
        </header>
        <p className="sl-lib-dialog__hint">
          {enabled
            ? 'Saved in this browser as you work. Nothing leaves your computer unless you share a link.'
            : 'Saving is off in this browser: share your work as a link to keep it.'}
        </p>
        {notice?.action && (
          // The page's notice is behind this modal dialog: its Undo is offered here too.
          <div className={`sl-notice sl-notice--${notice.tone} sl-lib-dialog__notice`}>
            <span className="sl-notice__text">{notice.text}</span>
            <button type="button" className="sl-button sl-button--label" onClick={() => notice.action?.run()}>
              {notice.action.label}
            </button>
          </div>
        )}
        {openId === null && (
          <div className="sl-lib-current">
            <span>
              <span className="sl-lib-row__name">{title}</span>
              <span className="sl-lib-row__meta">On the canvas now · not in the library yet</span>
            </span>
            {enabled && (
              <button
                type="button"
                className="sl-button sl-button--label"
                onClick={() => void session.keepInLibrary()}
              >
                Keep in library
              </button>
            )}
          </div>
        )}
        <ul className="sl-lib-list" aria-label="Saved scenarios">
          {saved.map((e) => (
            <li key={e.id} className="sl-lib-row" aria-label={e.name}>
              {renaming === e.id ? (
                <RenameField
                  name={e.name}
                  onDone={(name) => {
                    setRenaming(null);
                    if (name !== null && name !== e.name) void session.rename(e.id, name);
                  }}
                />
              ) : (
                <span className="sl-lib-row__label">
                  <span className="sl-lib-row__name">{e.name}</span>
                  <span className="sl-lib-row__meta">
                    {e.error
                      ? `Cannot be opened: ${e.error}`
                      : e.id === openId
                        ? 'Open now'
                        : savedAgo(e.updatedAt)}
                  </span>
                </span>
              )}
              <span className="sl-lib-row__actions">
                {e.error === null && e.id !== openId && (
                  <button
                    type="button"
                    className="sl-button sl-button--label"
                    onClick={() => openAndClose(e.id)}
                  >
                    Open
                  </button>
                )}
                {e.error === null && (
                  <>
                    <button
                      type="button"
                      className="sl-button sl-button--label"
                      aria-label={`Rename ${e.name}`}
                      onClick={() => setRenaming(e.id)}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="sl-button sl-button--label"
                      aria-label={`Duplicate ${e.name}`}
                      onClick={() => void session.duplicate(e.id)}
                    >
                      Duplicate
                    </button>
                  </>
                )}
                <button
                  type="button"
                  className="sl-button sl-button--label sl-button--danger"
                  aria-label={`Delete ${e.name}`}
                  onClick={() => void session.remove(e.id)}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
          {entries !== null && saved.length === 0 && (
            <li className="sl-lib-empty">
              Nothing saved yet: your first edit saves the scenario on the canvas.
            </li>
          )}
        </ul>
        {deleted.length > 0 && (
          <details className="sl-lib-deleted">
            <summary>Recently deleted ({deleted.length})</summary>
            <ul className="sl-lib-list" aria-label="Recently deleted">
              {deleted.map((e) => (
                <li key={e.id} className="sl-lib-row">
                  <span className="sl-lib-row__label">
                    <span className="sl-lib-row__name">{e.name}</span>
                    <span className="sl-lib-row__meta">
                      Deleted {savedAgo(e.deletedAt ?? 0).replace(/^Saved /, '')}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="sl-button sl-button--label"
                    aria-label={`Restore ${e.name}`}
                    onClick={() => void session.undoRemove(e.id, false)}
                  >
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </dialog>
  );
}

function RenameField({ name, onDone }: { name: string; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(name);
  const done = useRef(false);
  const finish = (result: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(result);
  };
  return (
    <input
      className="sl-lib-rename"
      aria-label="New name"
      // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename.
      autoFocus
      maxLength={200}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(value.trim() || null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(value.trim() || null);
        if (e.key === 'Escape') {
          // Cancels the rename, not the whole dialog.
          e.preventDefault();
          finish(null);
        }
      }}
    />
  );
}

function savedAgo(at: number): string {
  const s = Math.max(0, (Date.now() - at) / 1000);
  if (s < 60) return 'Saved just now';
  if (s < 3600) return `Saved ${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `Saved ${Math.round(s / 3600)} h ago`;
  return `Saved ${new Date(at).toLocaleDateString()}`;
}
