import type { CommandContext } from '../editor/commands/context.ts';

/**
 * The file commands as the command list calls them. The work itself (`fileActions.ts`: JSON,
 * CSV, pictures) loads on first use, so none of it is in the first-load bundle; only the file
 * picker opens at once, while the key press or click still counts as the user's gesture.
 */
const actions = () => import('./fileActions.ts');

export function exportScenarioJson(ctx: CommandContext): Promise<void> {
  return actions().then((a) => a.exportScenarioJson(ctx));
}

export function exportCanvasImage(ctx: CommandContext, format: 'png' | 'svg'): Promise<void> {
  return actions().then((a) => a.exportCanvasImage(ctx, format));
}

export function exportSeriesCsv(ctx: Pick<CommandContext, 'store' | 'run'>): Promise<void> {
  return actions().then((a) => a.exportSeriesCsv(ctx));
}

export function openScenarioFile(ctx: CommandContext, file: File): Promise<void> {
  return actions().then((a) => a.openScenarioFile(ctx, file));
}

/** The browser's file picker; the chosen file opens as a new copy (or says why it cannot). */
export function importScenarioJson(ctx: CommandContext): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.addEventListener(
    'change',
    () => {
      const file = input.files?.[0];
      if (file) void openScenarioFile(ctx, file);
    },
    { once: true },
  );
  input.click();
}
