import { useContext, useEffect, useState } from 'react';
import { CanvasElementContext, type CommandContext } from '../editor/commands/context.ts';
import { openScenarioFile } from './fileCommands.ts';
import './files.css';

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * A scenario file dropped on the canvas opens like an imported one (a new copy; a bad file
 * says why and changes nothing). While a file is held over the canvas, a frame says so.
 * Palette drags carry no files and pass through untouched.
 */
export function FileDropTarget({ ctx }: { ctx: CommandContext }) {
  const canvas = useContext(CanvasElementContext);
  const [over, setOver] = useState(false);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let depth = 0; // dragenter/dragleave fire for every child the pointer crosses
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      const first = files[0];
      if (!first) return;
      if (files.length > 1) ctx.store.getState().notify('Drop one scenario file at a time.', 'info');
      else void openScenarioFile(ctx, first);
    };
    el.addEventListener('dragenter', onEnter);
    el.addEventListener('dragleave', onLeave);
    el.addEventListener('dragover', onOver);
    el.addEventListener('drop', onDrop);
    return () => {
      el.removeEventListener('dragenter', onEnter);
      el.removeEventListener('dragleave', onLeave);
      el.removeEventListener('dragover', onOver);
      el.removeEventListener('drop', onDrop);
    };
  }, [canvas, ctx]);

  return over ? (
    <div className="sl-file-drop" aria-hidden="true">
      Drop to open this scenario file as a new copy
    </div>
  ) : null;
}
