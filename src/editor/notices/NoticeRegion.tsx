import { useEffect } from 'react';
import { CloseIcon } from '../../ui/icons.tsx';
import { useEditor, useEditorStore } from '../store/context.tsx';

const VISIBLE_MS = { info: 4000, success: 3500, warning: 9000 } as const;

/**
 * The editor's one status line: "Added Server 1.", or why a connection was refused. A polite
 * live region, present from the start so screen readers announce every new message.
 */
export function NoticeRegion() {
  const store = useEditorStore();
  const notice = useEditor((s) => s.notice);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => store.getState().dismissNotice(notice.id), VISIBLE_MS[notice.tone]);
    return () => clearTimeout(timer);
  }, [notice, store]);

  return (
    <div className="sl-notice-region" role="status" aria-live="polite" aria-atomic="true">
      {notice && (
        <div className={`sl-notice sl-notice--${notice.tone}`} key={notice.id}>
          <span className="sl-notice__text">{notice.message}</span>
          <button
            type="button"
            className="sl-notice__close"
            aria-label="Dismiss message"
            onClick={() => store.getState().dismissNotice(notice.id)}
          >
            <CloseIcon size={16} />
          </button>
        </div>
      )}
    </div>
  );
}
