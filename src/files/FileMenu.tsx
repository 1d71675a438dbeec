import { Fragment, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { type CommandId, commandById } from '../editor/commands/commands.ts';
import type { CommandContext } from '../editor/commands/context.ts';
import { formatShortcut } from '../editor/commands/shortcuts.ts';
import { useEditor } from '../editor/store/context.tsx';
import { ChevronDownIcon } from '../ui/icons.tsx';
import { FileIcon } from './icons.tsx';
import './files.css';
import { moveMenuFocus } from '../ui/menuKeys.ts';

/** The menu's sections; every item is a command from the one command list. */
const sections: readonly (readonly CommandId[])[] = [
  ['exportJson', 'importJson'],
  ['exportPng', 'exportSvg'],
  ['exportCsv'],
];

/**
 * "File ▾" in the header: export and import the scenario, pictures of the canvas, the charts'
 * data — five commands behind one button, so the header stays uncluttered. A WAI-ARIA menu
 * button: Enter, Space or ↓ opens it on the first item, arrows move, Escape closes.
 */
export function FileMenu({ ctx }: { ctx: CommandContext }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (id: CommandId) => {
    close();
    void commandById[id].run(ctx);
  };

  return (
    <div className="sl-file-menu">
      <button
        ref={button}
        type="button"
        className="sl-button sl-button--label sl-file-menu__button"
        aria-label="File"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-tooltip="Export and import: the scenario as JSON, pictures, chart data"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <FileIcon />
        <span className="sl-file-menu__text">File</span>
        <ChevronDownIcon size={16} />
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="sl-file-menu__list"
          role="menu"
          aria-label="File"
          onKeyDown={(e) => onMenuKey(e, close, () => setOpen(false))}
        >
          {sections.map((ids, i) => (
            <Fragment key={ids.join()}>
              {i > 0 && <hr className="sl-file-menu__sep" />}
              {ids.map((id) => (
                <MenuItem key={id} id={id} onChoose={choose} />
              ))}
            </Fragment>
          ))}
        </div>
      )}
    </div>
  );
}

function MenuItem({ id, onChoose }: { id: CommandId; onChoose: (id: CommandId) => void }) {
  const command = commandById[id];
  const enabled = useEditor((s) => command.enabled?.(s) ?? true);
  const Icon = command.icon;
  const shortcut = command.shortcuts[0];
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className="sl-file-menu__item"
      aria-disabled={!enabled}
      title={command.description}
      onClick={() => enabled && onChoose(id)}
    >
      <Icon size={18} />
      <span className="sl-file-menu__label">{command.label}</span>
      {shortcut && <kbd className="sl-file-menu__kbd">{formatShortcut(shortcut)}</kbd>}
    </button>
  );
}

function onMenuKey(e: KeyboardEvent<HTMLDivElement>, close: () => void, dismiss: () => void) {
  if (moveMenuFocus(e)) return;
  switch (e.key) {
    case 'Escape':
      e.preventDefault();
      // The page's shortcuts must not also see it (Escape clears the selection).
      e.stopPropagation();
      close();
      break;
    case 'Tab':
      dismiss();
      break;
  }
}
