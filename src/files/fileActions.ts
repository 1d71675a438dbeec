import type { CommandContext } from '../editor/commands/context.ts';
import { nodeIndex } from '../editor/document/graph.ts';
import type { ImageResult } from './canvasImage.ts';
import { downloadBlob, downloadText } from './download.ts';
import { fileName } from './filename.ts';
import { JSON_TYPE, mayBeScenarioFile, readScenarioFile, scenarioJson } from './scenarioFile.ts';
import { seriesCsv } from './seriesCsv.ts';

/**
 * What the file commands do (export and import the scenario, pictures of the canvas, the
 * charts' data), written against `CommandContext` like every other command. Each ends with a
 * message in the status line: what was saved, or why nothing was. Loaded on first use through
 * `fileCommands.ts`.
 */

export function exportScenarioJson(ctx: CommandContext): void {
  const { doc, notify } = ctx.store.getState();
  const name = fileName(doc.title, 'json');
  downloadText(scenarioJson(doc), name, JSON_TYPE);
  notify(
    `Exported the scenario as ${name}. Import it here, or run it with npx scalelab simulate.`,
    'success',
  );
}

/**
 * A picked or dropped file: size cap, the restore funnel, then the library's opener, which keeps
 * the work on the canvas and opens the file beside it as a new copy. A bad file changes nothing.
 */
export async function openScenarioFile(ctx: CommandContext, file: File): Promise<void> {
  const { notify } = ctx.store.getState();
  if (!mayBeScenarioFile(file)) {
    notify(
      `“${file.name}” is not a scenario file. Drop or import a .json file exported from ScaleLab; your work is unchanged.`,
      'warning',
    );
    return;
  }
  const r = await readScenarioFile(file);
  if (!r.ok) {
    notify(r.reason, 'warning');
    return;
  }
  const upgraded = r.migratedFrom === null ? '' : ` (upgraded from format ${r.migratedFrom})`;
  // Said first: if the opener has something to say (where the previous work went), it shows last.
  notify(`Opened “${file.name}”${upgraded} as a new copy.`, 'success');
  ctx.opener.openCopy(r.scenario, 'file');
}

/** One picture at a time: a large graph takes a while to draw. */
let drawing = false;

export async function exportCanvasImage(ctx: CommandContext, format: 'png' | 'svg'): Promise<void> {
  const { doc, notify } = ctx.store.getState();
  if (drawing) {
    notify('Still drawing the previous picture…', 'info');
    return;
  }
  drawing = true;
  // A few seconds for a hundred components or more: say that something is happening.
  if (doc.nodes.length > 40) notify(`Drawing ${doc.nodes.length} components…`, 'info');
  let r: ImageResult;
  try {
    const { canvasImage } = await import('./canvasImage.ts');
    r = await canvasImage(ctx, format);
  } finally {
    drawing = false;
  }
  if (!r.ok) {
    notify(r.reason, 'warning');
    return;
  }
  const name = fileName(doc.title, format);
  downloadBlob(r.blob, name);
  notify(`Exported the canvas as ${name}.`, 'success');
}

/** Needs only the store and the run: the charts panel calls it too. */
export function exportSeriesCsv(ctx: Pick<CommandContext, 'store' | 'run'>): void {
  const { doc, notify } = ctx.store.getState();
  const nodes = nodeIndex(doc.nodes);
  const csv = ctx.run ? seriesCsv(ctx.run.series, (id) => nodes.get(id)?.label) : null;
  if (csv === null) {
    notify('No run yet, so no chart data to export. Press Run, then export the data.', 'info');
    return;
  }
  const name = fileName(doc.title, 'csv', '-series');
  downloadText(csv, name, 'text/csv');
  notify(`Exported the charts’ data as ${name}.`, 'success');
}
