import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { toBlob, toSvg } from 'html-to-image';
import type { FlowEdge, FlowNode } from '../editor/canvas/flowElements.ts';

/**
 * The canvas as a PNG or SVG picture, by React Flow's recommended route: html-to-image draws
 * the flow's viewport element — nodes, edges and their labels, never the minimap, the zoom
 * buttons or the dotted background — moved and scaled so every component is in the frame, on
 * the theme's canvas colour. This module (and html-to-image with it) is imported on first use
 * (`fileActions.ts`): it is not in the first-load bundle.
 */
export type ImageFormat = 'png' | 'svg';

export interface CanvasSource {
  canvas(): HTMLElement | null;
  flow: ReactFlowInstance<FlowNode, FlowEdge>;
}

/** Space around the components, CSS pixels. */
const PADDING = 48;
/** The picture's longest side at most, CSS pixels (the PNG has twice as many pixels). */
const MAX_SIDE = 4096;
const PNG_PIXEL_RATIO = 2;

/** Parts of the flow that are controls, not the drawing. */
const LEFT_OUT = [
  'react-flow__handle',
  'react-flow__minimap',
  'react-flow__controls',
  'react-flow__panel',
  'react-flow__attribution',
  'react-flow__nodesselection',
  'react-flow__selection',
];

export type ImageResult = { ok: true; blob: Blob } | { ok: false; reason: string };

export async function canvasImage(source: CanvasSource, format: ImageFormat): Promise<ImageResult> {
  const root = source.canvas();
  const flowEl = root?.querySelector<HTMLElement>('.react-flow');
  const viewport = root?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!root || !flowEl || !viewport) return { ok: false, reason: 'The canvas is not on the page yet.' };
  const nodes = source.flow.getNodes();
  if (nodes.length === 0) return { ok: false, reason: 'The canvas is empty: add a component first.' };

  const restore = await prepareForCapture(root, source, nodes.length);
  try {
    const bounds = source.flow.getNodesBounds(nodes);
    const zoom = Math.min(
      1,
      (MAX_SIDE - 2 * PADDING) / Math.max(1, bounds.width),
      (MAX_SIDE - 2 * PADDING) / Math.max(1, bounds.height),
    );
    const width = Math.ceil(bounds.width * zoom + 2 * PADDING);
    const height = Math.ceil(bounds.height * zoom + 2 * PADDING);
    const vp = getViewportForBounds(bounds, width, height, zoom, zoom, `${PADDING}px`);
    const options = {
      backgroundColor: getComputedStyle(flowEl).backgroundColor || '#ffffff',
      width,
      height,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})`,
      },
      filter: (el: HTMLElement) => !LEFT_OUT.some((c) => el.classList?.contains(c)),
      // System fonts only: nothing to embed, and reading every style sheet for fonts is slow.
      skipFonts: true,
    };
    if (format === 'png') {
      const blob = await toBlob(viewport, { ...options, pixelRatio: PNG_PIXEL_RATIO });
      return blob ? { ok: true, blob } : { ok: false, reason: 'The browser could not draw the picture.' };
    }
    const dataUrl = await toSvg(viewport, options);
    const svg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
    return { ok: true, blob: new Blob([svg], { type: 'image/svg+xml' }) };
  } catch (e) {
    return {
      ok: false,
      reason: `The picture could not be made: ${e instanceof Error ? e.message : String(e)}.`,
    };
  } finally {
    restore();
  }
}

/**
 * The picture shows the full drawing whatever the view: names even when zoomed far out (the
 * level-of-detail classes come off for the moment), no selection outlines, and every component
 * even in a large graph that draws only what is on screen (the view fits them all, then goes back).
 */
async function prepareForCapture(
  root: HTMLElement,
  source: CanvasSource,
  count: number,
): Promise<() => void> {
  const undo: Array<() => void> = [];
  const drawn = () => root.querySelectorAll('.react-flow__node').length;
  if (drawn() < count) {
    const before = source.flow.getViewport();
    undo.push(() => void source.flow.setViewport(before));
    await source.flow.fitView();
    // Nodes mount, are measured, then their edges are drawn from the measured handles: wait
    // for all of them, and a few frames more for the edges to settle.
    const edges = source.flow.getEdges().length;
    const edgesDrawn = () => root.querySelectorAll('.react-flow__edge').length;
    for (let frame = 0; frame < 120 && (drawn() < count || edgesDrawn() < edges); frame++) await nextFrame();
    for (let frame = 0; frame < 4; frame++) await nextFrame();
  }
  const unclass = (els: Iterable<Element>, names: readonly string[]) => {
    for (const el of els) {
      const removed = names.filter((n) => el.classList.contains(n));
      if (removed.length === 0) continue;
      el.classList.remove(...removed);
      undo.push(() => el.classList.add(...removed));
    }
  };
  unclass([root], ['is-far', 'is-overview']);
  unclass(root.querySelectorAll('.selected, .is-selected'), ['selected', 'is-selected']);
  return () => {
    for (const f of undo.reverse()) f();
  };
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
