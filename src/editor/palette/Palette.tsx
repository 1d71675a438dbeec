import { type CSSProperties, type DragEvent, memo } from 'react';
import { isNodeType } from '../../scenario/index.ts';
import { PALETTE_MIME } from '../canvas/Canvas.tsx';
import { addAtCentre } from '../commands/actions.ts';
import type { CommandContext } from '../commands/context.ts';
import { type PaletteEntry, paletteEntries } from '../components/index.ts';

const available = paletteEntries.filter((e) => e.available);
const planned = paletteEntries.filter((e) => !e.available);

/**
 * Every component type. Drag one onto the canvas, or press it (click, tap, Enter) to add it in
 * the middle of the view — keyboard and touch users need the second way. Types the engine does
 * not simulate yet are shown, disabled, with what they will do.
 */
export const Palette = memo(function Palette({ ctx }: { ctx: CommandContext }) {
  return (
    <nav className="sl-palette" aria-labelledby="sl-palette-title">
      <h2 id="sl-palette-title" className="sl-panel-title">
        Components
      </h2>
      <p className="sl-palette__hint">Drag onto the canvas, or press to add.</p>
      <ul className="sl-palette__list">
        {available.map((e) => (
          <li key={e.type}>
            <PaletteItem entry={e} ctx={ctx} />
          </li>
        ))}
      </ul>
      {planned.length > 0 && (
        <>
          <h3 className="sl-palette__subtitle">Coming soon</h3>
          <ul className="sl-palette__list">
            {planned.map((e) => (
              <li key={e.type}>
                <PaletteItem entry={e} ctx={ctx} />
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
});

function PaletteItem({ entry, ctx }: { entry: PaletteEntry; ctx: CommandContext }) {
  const Icon = entry.icon;
  const descriptionId = `sl-palette-${entry.type}-description`;
  const tip = entry.available
    ? entry.description
    : `Coming soon — ${entry.description} The simulator does not model it yet.`;

  const onDragStart = (e: DragEvent<HTMLButtonElement>) => {
    e.dataTransfer.setData(PALETTE_MIME, entry.type);
    e.dataTransfer.setData('text/plain', entry.label);
    e.dataTransfer.effectAllowed = 'copy';
  };

  const onClick = () => {
    if (isNodeType(entry.type) && entry.available) addAtCentre(ctx, entry.type);
    else ctx.store.getState().notify(`${entry.label} is coming soon: ${entry.description}`, 'info');
  };

  return (
    <>
      <button
        type="button"
        className="sl-palette__item"
        style={{ '--sl-accent': entry.accent } as CSSProperties}
        draggable={entry.available}
        onDragStart={entry.available ? onDragStart : undefined}
        onClick={onClick}
        aria-disabled={entry.available ? undefined : true}
        aria-describedby={descriptionId}
        data-tooltip={tip}
        data-tooltip-side="right"
      >
        <span className="sl-palette__icon">
          <Icon size={20} />
        </span>
        <span className="sl-palette__label">{entry.label}</span>
      </button>
      {/* Outside the button, so the button's name stays exactly "Load balancer". */}
      <span id={descriptionId} className="sl-visually-hidden">
        {tip}
      </span>
    </>
  );
}
