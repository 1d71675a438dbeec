import { useEffect } from 'react';
import { useStore } from 'zustand';
import { CommandButton } from '../editor/commands/CommandButton.tsx';
import { commandById } from '../editor/commands/commands.ts';
import type { CommandContext } from '../editor/commands/context.ts';
import { useOptionalRunController } from '../run/ui/RunContext.tsx';
import { useLibrarySession } from './context.ts';
import { LibraryIcon, PresentIcon } from './icons.tsx';
import type { LibrarySession } from './session.ts';
import { libraryUi, openLibrary } from './ui.ts';

/**
 * Beside the scenario's title: the library (showing whether the canvas is saved), Share link
 * and the present view. In the present view only Share and the way back stay.
 */
export function LibraryHeader({ ctx }: { ctx: CommandContext }) {
  const session = useLibrarySession();
  const run = useOptionalRunController();
  const present = useStore(libraryUi, (s) => s.present);

  // Opening another scenario starts its run afresh, at 0 s.
  useEffect(() => {
    if (!session) return;
    session.afterLoad = run ? () => void run.pause().then(() => run.reset()) : null;
    return () => {
      session.afterLoad = null;
    };
  }, [session, run]);

  const presentCommand = commandById.present;
  return (
    <div className="sl-lib-header">
      {session && !present && <SaveStatus session={session} />}
      <CommandButton id="shareLink" ctx={ctx} />
      <button
        type="button"
        className={`sl-button ${present ? 'sl-button--label' : 'sl-button--icon'}`}
        aria-pressed={present}
        aria-label={present ? undefined : presentCommand.label}
        aria-keyshortcuts="Shift+P"
        data-tooltip={`${presentCommand.description} (Shift+P)`}
        onClick={() => void presentCommand.run(ctx)}
      >
        <PresentIcon />
        {present && <span>Leave present view</span>}
      </button>
    </div>
  );
}

/**
 * The way into the library, which also tells whether the canvas is saved: a dot on the icon
 * (and the words, where the header has room), the whole sentence in the tooltip.
 */
function SaveStatus({ session }: { session: LibrarySession }) {
  const enabled = useStore(session.state, (s) => s.enabled);
  const saved = useStore(session.state, (s) => s.entry !== null);
  const dirty = useStore(session.state, (s) => s.dirty);
  const conflict = useStore(session.state, (s) => s.conflict !== null);
  const origin = useStore(session.state, (s) => s.origin);
  const [short, long] = !enabled
    ? ['Not saved', 'Saving is off in this browser: share a link to keep your work']
    : conflict
      ? ['Not saved', 'Not saved: another tab changed this scenario — choose what to keep']
      : !saved
        ? origin === 'link'
          ? ['Not saved', 'A shared copy: your first edit saves it in your library']
          : ['Not saved', 'Not in your library yet: your first edit saves it']
        : dirty
          ? ['Saving…', 'Saving in this browser…']
          : ['Saved', 'Saved in this browser’s library'];
  const state = saved && !conflict && enabled ? 'saved' : 'unsaved';
  return (
    <button
      type="button"
      className="sl-button sl-lib-status"
      data-state={state}
      aria-label={`Library (${short})`}
      aria-keyshortcuts="Shift+O"
      data-tooltip={`${long}. Open the library (Shift+O)`}
      onClick={openLibrary}
    >
      <span className="sl-lib-status__icon">
        <LibraryIcon />
        <span className="sl-lib-status__dot" aria-hidden="true" />
      </span>
      <span className="sl-lib-status__text">{short}</span>
    </button>
  );
}
