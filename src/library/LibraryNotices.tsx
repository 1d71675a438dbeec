import { useEffect } from 'react';
import { useStore } from 'zustand';
import { CloseIcon } from '../ui/icons.tsx';
import { type LibrarySession, UNDO_MS } from './session.ts';

/**
 * The library's messages: one notice at a time (a deletion with Undo, a link that could not be
 * opened), and, while another tab has saved the scenario open here, the choice of what to keep.
 */
export function LibraryNotices({ session }: { session: LibrarySession }) {
  const notice = useStore(session.state, (s) => s.notice);
  const conflict = useStore(session.state, (s) => s.conflict);

  useEffect(() => {
    if (!notice || notice.sticky) return;
    const timer = setTimeout(() => session.dismissNotice(notice.id), notice.action ? UNDO_MS : 6000);
    return () => clearTimeout(timer);
  }, [notice, session]);

  return (
    <>
      {conflict && (
        <div className="sl-lib-conflict" role="alert" onKeyDown={(e) => e.stopPropagation()}>
          <p className="sl-lib-conflict__text">
            <strong>This scenario was changed in another tab.</strong> Your edits here are kept but not saved
            until you choose.
          </p>
          <div className="sl-lib-conflict__actions">
            <button
              type="button"
              className="sl-button sl-button--label"
              onClick={() => void session.reloadTheirs()}
            >
              Reload theirs
            </button>
            <button
              type="button"
              className="sl-button sl-button--label sl-button--primary"
              onClick={() => void session.keepMineAsCopy()}
            >
              Keep mine as a copy
            </button>
          </div>
        </div>
      )}
      {/* A log, not a status: the editor's status line stays the page's one status region. */}
      <div className="sl-lib-notices" role="log" aria-live="polite" aria-label="Library messages">
        {notice && (
          <div className={`sl-notice sl-notice--${notice.tone} sl-lib-notice`} key={notice.id}>
            <span className="sl-notice__text">{notice.text}</span>
            {notice.action && (
              <button
                type="button"
                className="sl-button sl-button--label sl-lib-notice__action"
                onClick={() => notice.action?.run()}
              >
                {notice.action.label}
              </button>
            )}
            <button
              type="button"
              className="sl-notice__close"
              aria-label="Dismiss library message"
              onClick={() => session.dismissNotice(notice.id)}
            >
              <CloseIcon size={16} />
            </button>
          </div>
        )}
      </div>
    </>
  );
}
