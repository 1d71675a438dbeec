import { useEffect } from 'react';
import * as actions from './actions.ts';
import { eventClipboard } from './clipboard.ts';
import { type Command, commands } from './commands.ts';
import type { CommandContext } from './context.ts';
import { matchesShortcut } from './shortcuts.ts';

/** Typing in a field keeps its own keys: Backspace deletes a character, Ctrl+Z undoes typing. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type);
  return false;
}

/** The present view is a page attribute (set by the library's view state). */
const isPresenting = () => document.documentElement.dataset.present !== undefined;

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return !!selection && !selection.isCollapsed && selection.toString().trim() !== '';
}

export function findCommand(e: KeyboardEvent): Command | undefined {
  return commands.find((c) => c.shortcuts.some((s) => matchesShortcut(s, e)));
}

/**
 * Routes key presses and clipboard events to the command list. One listener for the page; it
 * stays out of the way while a field has focus or the help dialog is open.
 */
export function useShortcuts(ctx: CommandContext): void {
  useEffect(() => {
    // A clipboard key press expects the matching clipboard event; if the browser does not send
    // one (some embedded or automated browsers), run the command through the async API instead.
    let pending: { command: Command; handled: boolean } | null = null;

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.repeat) return;
      if (ctx.store.getState().helpOpen) return;
      // Another modal dialog (the library, a share link) owns the keys, Escape included.
      if (document.querySelector('dialog:modal')) return;
      const command = findCommand(e);
      if (!command) return;
      if (isEditableTarget(e.target) && !command.inFields) return;
      // The present view does not edit (see Canvas): its keys do not either.
      if (isPresenting() && (command.group === 'Edit' || command.group === 'Clipboard')) return;
      if (command.clipboardEvent) {
        if (command.clipboardEvent !== 'paste' && hasTextSelection()) return;
        const entry = { command, handled: false };
        pending = entry;
        setTimeout(() => {
          if (pending === entry) pending = null;
          if (!entry.handled) void command.run(ctx);
        }, 0);
        return;
      }
      e.preventDefault();
      if (command.enabled && !command.enabled(ctx.store.getState())) return;
      void command.run(ctx);
    };

    const onClipboard = (e: ClipboardEvent) => {
      if (isEditableTarget(e.target) || ctx.store.getState().helpOpen) return;
      if (isPresenting() && e.type !== 'copy') return;
      if (e.type !== 'paste' && hasTextSelection()) return;
      if (pending) pending.handled = true;
      const port = { ...ctx, clipboard: eventClipboard(e) };
      if (e.type === 'paste') {
        e.preventDefault();
        actions.pasteText(port, e.clipboardData?.getData('text/plain') ?? null);
        return;
      }
      if (actions.copySelection(port, { cut: e.type === 'cut' })) e.preventDefault();
    };

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onClipboard);
    document.addEventListener('cut', onClipboard);
    document.addEventListener('paste', onClipboard);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onClipboard);
      document.removeEventListener('cut', onClipboard);
      document.removeEventListener('paste', onClipboard);
    };
  }, [ctx]);
}
