import { commandById } from '../../editor/commands/commands.ts';
import type { CommandContext } from '../../editor/commands/context.ts';
import { formatShortcut } from '../../editor/commands/shortcuts.ts';
import { LearnIcon } from './icons.tsx';
import './learnButton.css';

/**
 * The header's Learn button (the `learn` command): labelled on wide screens, an icon with the
 * same accessible name where the header is crowded.
 */
export function LearnButton({ ctx }: { ctx: CommandContext }) {
  const command = commandById.learn;
  const shortcut = command.shortcuts[0];
  return (
    <button
      type="button"
      className="sl-button sl-button--label sl-learn-button"
      data-tooltip={`${command.description}${shortcut ? ` (${formatShortcut(shortcut)})` : ''}`}
      onClick={() => void command.run(ctx)}
    >
      <LearnIcon />
      <span className="sl-learn-button__label">Learn</span>
    </button>
  );
}
