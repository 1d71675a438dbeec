/**
 * The run commands' shortcuts, in the editor's shortcut notation ("Mod" is Ctrl, or ⌘ on a
 * Mac). The editor's command list routes the keys and lists them in the help; the run toolbar
 * shows them in its tooltips.
 */
export const RUN_SHORTCUTS = { toggle: 'Mod+Enter', step: '.', reset: 'Shift+R' } as const;
