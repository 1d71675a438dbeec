import { useEffect, useRef, useState } from 'react';

interface Tip {
  text: string;
  x: number;
  y: number;
  side: 'below' | 'right';
}

const DELAY_MS = 350;

/**
 * One tooltip for the whole page. Any element with `data-tooltip` gets it on hover and on
 * keyboard focus, placed beside the element and kept on screen. It repeats, visually, what the
 * element's name or description already tells assistive technology, so it is aria-hidden.
 */
export function TooltipLayer() {
  const [tip, setTip] = useState<Tip | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current: HTMLElement | null = null;
    const show = (el: HTMLElement, immediate: boolean) => {
      current = el;
      clearTimeout(timer.current);
      const open = () => {
        const text = el.dataset.tooltip;
        if (!text || !el.isConnected) return;
        const r = el.getBoundingClientRect();
        const side = el.dataset.tooltipSide === 'right' ? 'right' : 'below';
        setTip(
          side === 'right'
            ? { text, x: r.right + 8, y: r.top + r.height / 2, side }
            : { text, x: r.left + r.width / 2, y: r.bottom + 8, side },
        );
      };
      if (immediate) open();
      else timer.current = setTimeout(open, DELAY_MS);
    };
    const hide = () => {
      current = null;
      clearTimeout(timer.current);
      setTip(null);
    };
    const target = (e: Event) =>
      e.target instanceof Element ? e.target.closest<HTMLElement>('[data-tooltip]') : null;
    const onOver = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      const el = target(e);
      if (el !== current) el ? show(el, false) : hide();
    };
    const onFocus = (e: FocusEvent) => {
      const el = target(e);
      if (el?.matches(':focus-visible')) show(el, true);
      else hide();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    };
    document.addEventListener('pointerover', onOver);
    document.addEventListener('focusin', onFocus);
    document.addEventListener('focusout', hide);
    document.addEventListener('pointerdown', hide);
    document.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer.current);
      document.removeEventListener('pointerover', onOver);
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('focusout', hide);
      document.removeEventListener('pointerdown', hide);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  // Keep the tooltip inside the window once its size is known.
  useEffect(() => {
    const el = box.current;
    if (!el || !tip) return;
    const r = el.getBoundingClientRect();
    const dx = Math.min(0, window.innerWidth - 8 - r.right) + Math.max(0, 8 - r.left);
    const dy = Math.min(0, window.innerHeight - 8 - r.bottom) + Math.max(0, 8 - r.top);
    if (dx || dy) el.style.translate = `${dx}px ${dy}px`;
  }, [tip]);

  if (!tip) return null;
  return (
    <div
      ref={box}
      className={`sl-tooltip sl-tooltip--${tip.side}`}
      style={{ left: tip.x, top: tip.y }}
      aria-hidden="true"
    >
      {tip.text}
    </div>
  );
}
