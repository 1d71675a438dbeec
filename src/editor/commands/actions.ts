import { components, type NodeType, type Scenario } from '../../scenario/index.ts';
import { FIT_OPTIONS } from '../canvas/fitOptions.ts';
import { fragmentBounds, fragmentToText, parseFragment, selectionFragment } from '../document/fragment.ts';
import { nodeIndex, nodeName } from '../document/graph.ts';
import { NODE_SIZE } from '../document/layout.ts';
import { GRID, type XY } from '../document/operations.ts';
import { duplicateOffset, freeSpot } from '../document/placement.ts';
import { undeletable } from '../locks.ts';
import type { CommandContext } from './context.ts';

/**
 * What the commands do, written against `CommandContext` so the toolbar, the keyboard, the
 * palette and the clipboard events all run the very same code.
 */

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The visible part of the canvas, in flow coordinates. */
export function viewBounds(ctx: CommandContext): { min: XY; max: XY } | null {
  const el = ctx.canvas();
  if (!el) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  return {
    min: ctx.flow.screenToFlowPosition({ x: r.left, y: r.top }, { snapToGrid: false }),
    max: ctx.flow.screenToFlowPosition({ x: r.right, y: r.bottom }, { snapToGrid: false }),
  };
}

function viewCentre(ctx: CommandContext): XY {
  const b = viewBounds(ctx);
  return b ? { x: (b.min.x + b.max.x) / 2, y: (b.min.y + b.max.y) / 2 } : { x: 0, y: 0 };
}

/** Adds a component with its top-left at `at` (a drop: exactly where the person put it). */
export function addComponent(ctx: CommandContext, type: NodeType, at: XY): void {
  const { addNode, notify } = ctx.store.getState();
  const r = addNode(type, at);
  if (!r.ok) notify(r.reason, 'warning');
  else
    notify(
      `Added ${nodeName(nodeIndex(ctx.store.getState().doc.nodes).get(r.id) ?? { id: r.id })}.`,
      'success',
    );
}

/** Click or Enter on a palette item: the new component goes in the middle of the view, in a free spot. */
export function addAtCentre(ctx: CommandContext, type: NodeType): void {
  const c = viewCentre(ctx);
  const { doc, measured } = ctx.store.getState();
  const spot = freeSpot(doc, measured, { x: c.x - NODE_SIZE.width / 2, y: c.y - NODE_SIZE.height / 2 });
  addComponent(ctx, type, spot);
}

export function deleteSelection(ctx: CommandContext): void {
  const s = ctx.store.getState();
  if (s.selectedNodes.size === 0 && s.selectedEdges.size === 0) return;
  if (refuseLocked(ctx, s.selectedNodes)) return;
  const r = s.removeElements(s.selectedNodes, s.selectedEdges);
  if (!r.ok) {
    s.notify(r.reason, 'warning');
    return;
  }
  const parts = [
    r.removed.nodes > 0 && plural(r.removed.nodes, 'component'),
    r.removed.edges > 0 && plural(r.removed.edges, 'connection'),
    r.removed.events > 0 && plural(r.removed.events, 'scheduled event'),
  ].filter(Boolean);
  s.notify(`Deleted ${parts.join(', ')}.`, 'info');
}

/** Components an exercise locks stay: says so instead of removing anything. */
function refuseLocked(ctx: CommandContext, ids: Iterable<string>): boolean {
  const locked = undeletable(ids);
  if (locked.length === 0) return false;
  ctx.store
    .getState()
    .notify(
      `${locked.join(', ')} ${locked.length === 1 ? 'is' : 'are'} locked by the exercise and cannot be removed.`,
      'warning',
    );
  return true;
}

/** How many times the current clipboard text was pasted: each paste lands a step further. */
let pasteRun = { text: '', count: 0 };

export function copySelection(ctx: CommandContext, { cut = false } = {}): boolean {
  const s = ctx.store.getState();
  const fragment = selectionFragment(s.doc, s.selectedNodes);
  if (!fragment) {
    s.notify(`Select components to ${cut ? 'cut' : 'copy'} first.`, 'info');
    return false;
  }
  const text = fragmentToText(fragment);
  ctx.clipboard.write(text);
  pasteRun = { text, count: 0 };
  if (cut) {
    if (refuseLocked(ctx, s.selectedNodes)) return false;
    s.removeElements(s.selectedNodes, []);
    s.notify(`Cut ${plural(fragment.nodes.length, 'component')}.`, 'info');
  } else s.notify(`Copied ${plural(fragment.nodes.length, 'component')}.`, 'info');
  return true;
}

/**
 * Where pasted or duplicated components go: a step down-right of the originals while those are
 * in view (repeated pastes cascade), else the middle of the view.
 */
function placement(ctx: CommandContext, fragment: Scenario, step: number): XY {
  const b = fragmentBounds(fragment.nodes);
  const view = viewBounds(ctx);
  const inView =
    !view ||
    (b.max.x >= view.min.x && b.min.x <= view.max.x && b.max.y >= view.min.y && b.min.y <= view.max.y);
  if (inView) return { x: GRID * 2 * step, y: GRID * 2 * step };
  const c = viewCentre(ctx);
  return {
    x: c.x - (b.min.x + b.max.x + NODE_SIZE.width) / 2,
    y: c.y - (b.min.y + b.max.y + NODE_SIZE.height) / 2,
  };
}

export function pasteText(ctx: CommandContext, text: string | null): void {
  const s = ctx.store.getState();
  const parsed = parseFragment(text ?? '');
  if (!parsed.ok) {
    s.notify(parsed.reason, 'warning');
    return;
  }
  if (pasteRun.text !== text) pasteRun = { text: text ?? '', count: 0 };
  pasteRun.count++;
  const r = s.insertFragment(parsed.fragment, placement(ctx, parsed.fragment, pasteRun.count));
  if (!r.ok) {
    s.notify(r.reason, 'warning');
    return;
  }
  s.notify(`Pasted ${plural(r.ids.length, 'component')}.`, 'success');
}

export async function paste(ctx: CommandContext): Promise<void> {
  pasteText(ctx, await ctx.clipboard.read());
}

export function duplicateSelection(ctx: CommandContext): void {
  const s = ctx.store.getState();
  const fragment = selectionFragment(s.doc, s.selectedNodes);
  if (!fragment) {
    s.notify('Select components to duplicate first.', 'info');
    return;
  }
  const r = s.insertFragment(fragment, duplicateOffset(s.doc, s.measured, fragment));
  if (!r.ok) {
    s.notify(r.reason, 'warning');
    return;
  }
  s.notify(`Duplicated ${plural(r.ids.length, 'component')}.`, 'success');
}

export function fitView(ctx: CommandContext): void {
  void ctx.flow.fitView({ ...FIT_OPTIONS, duration: 250 });
}

export async function tidyUp(ctx: CommandContext): Promise<void> {
  // dagre is loaded on first use: the first screen does not need it.
  const { tidyLayout } = await import('../document/tidy.ts');
  const s = ctx.store.getState();
  if (s.doc.nodes.length === 0) return;
  s.moveNodes(tidyLayout(s.doc, s.measured));
  s.notify('Tidied up: requests now flow left to right.', 'success');
  requestAnimationFrame(() => fitView(ctx));
}

export function startRename(ctx: CommandContext): void {
  const s = ctx.store.getState();
  const [only] = s.selectedNodes;
  if (s.selectedNodes.size !== 1 || only === undefined) {
    s.notify('Select one component to rename.', 'info');
    return;
  }
  s.setRenaming(only);
}

export function describeType(type: NodeType): string {
  return components[type].label;
}
