import { type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { LiveFault } from '../liveFault.ts';
import { edgeFaultChoices, type FaultChoice, nodeFaultChoices } from './faultChoices.ts';
import { useFaultMenuStore, useKeepEvent, useRun, useRunController } from './RunContext.tsx';
import './run.css';
import { moveMenuFocus } from '../../ui/menuKeys.ts';

/**
 * The context menu of a component or a connection during a run: Fail, Restore, Slow ×N,
 * Flush, Spike ×N, Cut, Heal — and "keep the last fault in the scenario" so a shared link
 * replays it. A WAI-ARIA menu: arrow keys move, Escape closes, focus returns to the canvas.
 */
export function FaultMenu({ typeOf }: { typeOf: (id: string) => string | undefined }) {
  const menuStore = useFaultMenuStore();
  const open = useStore(menuStore, (s) => s.open);
  const controller = useRunController();
  const running = useRun((s) => s.status === 'running' || s.status === 'paused');
  const finished = useRun((s) => s.status === 'finished');
  const nodeId = open?.target.kind === 'node' ? open.target.id : '';
  const live = useRun((s) => s.nodes[nodeId]);
  const edgeKey = open?.target.kind === 'edge' ? `${open.target.source}>${open.target.target}` : '';
  const cut = useRun((s) => s.edges[edgeKey]?.cut ?? false);
  const lastFault = useRun((s) => s.lastFault);
  const keepEvent = useKeepEvent();
  const ref = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useLayoutEffect(() => {
    if (!open || !ref.current) return;
    returnFocus.current = document.activeElement;
    // Keep the menu on screen.
    const el = ref.current;
    const r = el.getBoundingClientRect();
    const x = Math.min(open.x, window.innerWidth - r.width - 8);
    const y = Math.min(open.y, window.innerHeight - r.height - 8);
    el.style.left = `${Math.max(8, x)}px`;
    el.style.top = `${Math.max(8, y)}px`;
    el.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) menuStore.getState().close();
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [open, menuStore]);

  if (!open) return null;
  const t = open.target;
  const type = t.kind === 'node' ? (typeOf(t.id) ?? '') : '';
  const choices: FaultChoice[] =
    t.kind === 'node'
      ? nodeFaultChoices(t.id, type, live, running, finished)
      : edgeFaultChoices(t.source, t.target, cut, running, finished);
  const title = t.kind === 'node' ? t.id : `${t.source} → ${t.target}`;

  const close = () => {
    menuStore.getState().close();
    (returnFocus.current as HTMLElement | null)?.focus?.();
  };
  const choose = (fault: LiveFault) => {
    close();
    void controller.applyFault(fault);
  };
  const keep = () => {
    const ev = controller.takeLastFault();
    close();
    if (ev && keepEvent) keepEvent(ev);
  };

  return (
    <div
      ref={ref}
      className="sl-fault-menu"
      role="menu"
      aria-label={`Faults for ${title}`}
      style={{ left: open.x, top: open.y }}
      onKeyDown={(e) => onMenuKey(e, close)}
    >
      <div className="sl-fault-menu__title" aria-hidden="true">
        {title}
        {!running && <span className="sl-fault-menu__hint">Run the simulation to inject faults</span>}
      </div>
      {choices.map((c) => (
        <button
          key={c.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="sl-fault-menu__item"
          aria-disabled={c.disabled !== null}
          title={c.disabled ?? undefined}
          onClick={() => c.disabled === null && choose(c.fault)}
        >
          {c.label}
        </button>
      ))}
      {keepEvent && lastFault && (
        <>
          <hr className="sl-fault-menu__sep" />
          <button type="button" role="menuitem" tabIndex={-1} className="sl-fault-menu__item" onClick={keep}>
            Keep “{describeEvent(lastFault.event)}” in the scenario
          </button>
        </>
      )}
    </div>
  );
}

export function describeEvent(ev: {
  action: string;
  node?: string;
  source?: string;
  target?: string;
  at: number;
  factor?: number;
}): string {
  const what = ev.node ?? `${ev.source}→${ev.target}`;
  const factor = ev.factor !== undefined ? ` ×${ev.factor}` : '';
  return `${ev.action} ${what}${factor} at ${ev.at.toFixed(1)} s`;
}

function onMenuKey(e: KeyboardEvent<HTMLDivElement>, close: () => void) {
  if (moveMenuFocus(e)) return;
  switch (e.key) {
    case 'Escape':
    case 'Tab':
      e.preventDefault();
      close();
      break;
  }
}
