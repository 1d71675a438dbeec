import { CloseIcon } from '../../ui/icons.tsx';
import { useModalDialog } from '../../ui/useModalDialog.ts';
import { type Command, commands } from '../commands/commands.ts';
import { formatShortcut } from '../commands/shortcuts.ts';
import { useEditorStore } from '../store/context.tsx';

const gestures: readonly [string, string][] = [
  ['Add a component', 'Drag it from the palette, or press it to add it in the middle'],
  [
    'Connect',
    'Drag from the dot on the right of a component to another component (on touch: tap the dot, then the other component’s dot)',
  ],
  ['Select several', 'Shift+click, or Shift+drag a box on the empty canvas'],
  ['Rename', 'Double-click a component'],
  ['Move the view', 'Drag the empty canvas; scroll or pinch to zoom'],
  ['Move a selected component', 'Arrow keys (with the component focused)'],
];

const groupOrder: readonly Command['group'][] = [
  'Run',
  'Edit',
  'Clipboard',
  'Selection',
  'View',
  'File',
  'Learn',
  'Help',
];

/**
 * Every shortcut, read from the command list, and the pointer gestures. Loaded on first use:
 * nobody needs it to draw the first screen. A native modal dialog: focus stays inside, Escape
 * closes it, focus returns to where it was.
 */
export default function HelpDialog() {
  const store = useEditorStore();
  const close = () => store.getState().setHelpOpen(false);
  const dialog = useModalDialog(close);

  return (
    // A click on the backdrop closes it; keyboard users have Escape (the dialog's own cancel).
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape already closes a modal dialog.
    <dialog
      ref={dialog.ref}
      className="sl-dialog"
      aria-labelledby="sl-help-title"
      onClose={dialog.onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div className="sl-dialog__content">
        <header className="sl-dialog__header">
          <h2 id="sl-help-title">Keyboard shortcuts</h2>
          <button type="button" className="sl-button sl-button--icon" aria-label="Close" onClick={close}>
            <CloseIcon />
          </button>
        </header>
        <div className="sl-dialog__columns">
          {groupOrder.map((group) => (
            <section key={group} aria-label={group}>
              <h3 className="sl-section-title">{group}</h3>
              <dl className="sl-shortcuts">
                {commands
                  .filter((c) => c.group === group)
                  .map((c) => (
                    <div key={c.id} className="sl-shortcuts__row">
                      <dt>{c.label}</dt>
                      <dd>
                        {c.shortcuts.map((s, i) => (
                          <span key={s}>
                            {i > 0 && <span className="sl-muted"> or </span>}
                            <kbd>{formatShortcut(s)}</kbd>
                          </span>
                        ))}
                      </dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
          <section aria-label="Mouse and touch">
            <h3 className="sl-section-title">Mouse and touch</h3>
            <dl className="sl-shortcuts">
              {gestures.map(([what, how]) => (
                <div key={what} className="sl-shortcuts__row sl-shortcuts__row--wide">
                  <dt>{what}</dt>
                  <dd>{how}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </dialog>
  );
}
