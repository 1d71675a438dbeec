import { useEditor } from '../store/context.tsx';
import { type CommandId, commandById } from './commands.ts';
import type { CommandContext } from './context.ts';
import { ariaShortcut, formatShortcut } from './shortcuts.ts';

/** A button for one command: its label is the accessible name, its shortcut the tooltip. */
export function CommandButton({
  id,
  ctx,
  showLabel = false,
}: {
  id: CommandId;
  ctx: CommandContext;
  showLabel?: boolean;
}) {
  const command = commandById[id];
  const enabled = useEditor((s) => command.enabled?.(s) ?? true);
  const Icon = command.icon;
  const shortcut = command.shortcuts[0];
  const tip = `${command.description ?? command.label}${shortcut ? ` (${formatShortcut(shortcut)})` : ''}`;
  return (
    <button
      type="button"
      className={`sl-button${showLabel ? ' sl-button--label' : ' sl-button--icon'}`}
      aria-label={showLabel ? undefined : command.label}
      aria-keyshortcuts={command.shortcuts.map((s) => ariaShortcut(s)).join(' ') || undefined}
      data-tooltip={tip}
      disabled={!enabled}
      onClick={() => void command.run(ctx)}
    >
      <Icon />
      {showLabel && <span>{command.label}</span>}
    </button>
  );
}
