/**
 * Shortcuts are written once, as data: "Mod+Shift+Z", "Delete", "?", "F". `Mod` is ⌘ on Apple
 * devices and Ctrl elsewhere. The same string is matched against key presses, shown in
 * tooltips and the help dialog, and exposed to assistive technology as `aria-keyshortcuts`.
 */
export const isApple =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

interface Parsed {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

const cache = new Map<string, Parsed>();

export function parseShortcut(shortcut: string): Parsed {
  const hit = cache.get(shortcut);
  if (hit) return hit;
  const match = /^((?:(?:Mod|Shift|Alt)\+)*)(.+)$/.exec(shortcut);
  const mods = (match?.[1] ?? '').split('+');
  const parsed = {
    mod: mods.includes('Mod'),
    shift: mods.includes('Shift'),
    alt: mods.includes('Alt'),
    key: match?.[2] ?? shortcut,
  };
  cache.set(shortcut, parsed);
  return parsed;
}

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(shortcut: string, e: KeyLike, apple = isApple): boolean {
  const s = parseShortcut(shortcut);
  const mod = apple ? e.metaKey : e.ctrlKey;
  const other = apple ? e.ctrlKey : e.metaKey;
  if (mod !== s.mod || other || e.altKey !== s.alt) return false;
  // Punctuation ("?", "+", "-") depends on the keyboard layout: Shift is part of typing it.
  if (s.key.length === 1 && !/[a-z0-9]/i.test(s.key)) return e.key === s.key;
  if (e.shiftKey !== s.shift) return false;
  if (e.key.toLowerCase() === s.key.toLowerCase()) return true;
  // Letters on non-Latin layouts: fall back to the physical key.
  return s.key.length === 1 && /[a-z]/i.test(s.key) && e.code === `Key${s.key.toUpperCase()}`;
}

const appleNames: Record<string, string> = { Delete: '⌦', Backspace: '⌫', Escape: 'Esc', Enter: '↩' };
const otherNames: Record<string, string> = { Delete: 'Del', Escape: 'Esc' };

/** "Mod+Shift+Z" → "Ctrl+Shift+Z" (or "⇧⌘Z" on a Mac). */
export function formatShortcut(shortcut: string, apple = isApple): string {
  const s = parseShortcut(shortcut);
  const key = (apple ? appleNames : otherNames)[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  if (apple) return `${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${s.mod ? '⌘' : ''}${key}`;
  return [s.mod && 'Ctrl', s.shift && 'Shift', s.alt && 'Alt', key].filter(Boolean).join('+');
}

/** The ARIA form: "Control+Shift+Z" / "Meta+Shift+Z". */
export function ariaShortcut(shortcut: string, apple = isApple): string {
  const s = parseShortcut(shortcut);
  const key =
    s.key === '+' ? 'Plus' : s.key === ' ' ? 'Space' : s.key.length === 1 ? s.key.toUpperCase() : s.key;
  return [s.mod && (apple ? 'Meta' : 'Control'), s.shift && 'Shift', s.alt && 'Alt', key]
    .filter(Boolean)
    .join('+');
}
