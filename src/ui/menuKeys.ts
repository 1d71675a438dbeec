import type { KeyboardEvent } from 'react';

/**
 * Arrow keys, Home and End move the focus among a menu's items (wrapping round), as in the
 * WAI-ARIA menu pattern. Answers whether the key was one of them; each menu decides itself what
 * Escape and Tab do.
 */
export function moveMenuFocus(e: KeyboardEvent<HTMLElement>): boolean {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
  if (to === undefined) return false;
  e.preventDefault();
  items[(to + items.length) % items.length]?.focus();
  return true;
}
