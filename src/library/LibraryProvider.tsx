import { type ReactNode, useEffect, useMemo } from 'react';
import { isScenarioLink } from './boot.ts';
import { LibrarySessionContext } from './context.ts';
import { LibraryDialog } from './LibraryDialog.tsx';
import { LibraryNotices } from './LibraryNotices.tsx';
import { type ScenarioOpener, ScenarioOpenerContext } from './opener.ts';
import { ShareDialog } from './ShareDialog.tsx';
import type { LibrarySession } from './session.ts';
import './library.css';

/**
 * Gives the app its library: the opener every outside scenario goes through, autosave wired
 * to the page's life (written when the page is hidden or closed), scenario links pasted into
 * the address bar, and the library's dialogs and notices.
 */
export function LibraryProvider({ session, children }: { session: LibrarySession; children: ReactNode }) {
  const opener = useMemo<ScenarioOpener>(
    () => ({ openCopy: (scenario, origin) => void session.openCopy(scenario, origin) }),
    [session],
  );

  useEffect(() => {
    const onHide = () => void session.pageHide();
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) session.pageShown();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void session.flush();
    };
    // A scenario link pasted into the address bar of an open tab arrives without a reload.
    const onHash = () => {
      const hash = location.hash;
      if (!isScenarioLink(hash)) return;
      void import('../share/shareLink.ts').then(({ decodeScenarioLink }) => {
        const r = decodeScenarioLink(hash);
        if (r.ok) void session.openCopy(r.scenario, 'link');
        else session.notify(r.error, 'warning', { sticky: true });
      });
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('pageshow', onShow);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('pageshow', onShow);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('hashchange', onHash);
    };
  }, [session]);

  return (
    <ScenarioOpenerContext.Provider value={opener}>
      <LibrarySessionContext.Provider value={session}>
        {children}
        <LibraryNotices session={session} />
        <LibraryDialog session={session} />
        <ShareDialog />
      </LibrarySessionContext.Provider>
    </ScenarioOpenerContext.Provider>
  );
}
