import { Fragment, type KeyboardEvent } from 'react';
import { CommandButton } from './CommandButton.tsx';
import type { CommandId } from './commands.ts';
import type { CommandContext } from './context.ts';

const groups: readonly { label: string; ids: readonly CommandId[] }[] = [
  { label: 'History', ids: ['undo', 'redo'] },
  { label: 'Edit', ids: ['cut', 'copy', 'paste', 'duplicate', 'delete'] },
];

/** The editing toolbar in the header. Run controls will sit beside it, not inside it. */
export function Toolbar({ ctx }: { ctx: CommandContext }) {
  return (
    <div
      className="sl-toolbar"
      role="toolbar"
      aria-label="Editing"
      aria-orientation="horizontal"
      onKeyDown={moveFocusWithArrows}
    >
      {groups.map((g, i) => (
        <Fragment key={g.label}>
          {i > 0 && <span className="sl-toolbar__divider" aria-hidden="true" />}
          {g.ids.map((id) => (
            <CommandButton key={id} id={id} ctx={ctx} />
          ))}
        </Fragment>
      ))}
      <span className="sl-toolbar__divider" aria-hidden="true" />
      <CommandButton id="tidyUp" ctx={ctx} showLabel />
    </div>
  );
}

/** Arrow keys move between the toolbar's buttons, as in any desktop toolbar. */
function moveFocusWithArrows(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0 || buttons.length === 0) return;
  e.preventDefault();
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? buttons.length - 1
        : (at + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  buttons[next]?.focus();
}
