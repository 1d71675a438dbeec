import { describe, expect, it } from 'vitest';
import { restoreOrThrow, type Scenario } from '../../scenario/index.ts';
import { selectionFragment } from './fragment.ts';
import { NODE_SIZE } from './layout.ts';
import { duplicateOffset, freeSpot } from './placement.ts';

const doc = (nodes: { id: string; x: number; y: number }[]) =>
  restoreOrThrow({
    type: 'scalelab-scenario',
    version: 1,
    nodes: nodes.map(({ id, x, y }) => ({ id, type: 'server', position: { x, y } })),
  });
const none = new Map<string, { width: number; height: number }>();
const copyOf = (d: Scenario, id: string) => selectionFragment(d, [id]) as Scenario;

describe('placing new components', () => {
  it('a duplicate goes straight below its original, clear of it', () => {
    const d = doc([{ id: 'web-1', x: 100, y: 100 }]);
    const offset = duplicateOffset(d, none, copyOf(d, 'web-1'));
    expect(offset.x).toBe(0);
    expect(offset.y).toBeGreaterThanOrEqual(NODE_SIZE.height);
    expect(offset.y).toBeLessThanOrEqual(NODE_SIZE.height + 60);
  });

  it('duplicating again stacks the copy below the earlier copies, never on top of them', () => {
    const d = doc([
      { id: 'web-1', x: 100, y: 100 },
      { id: 'web-2', x: 100, y: 100 + NODE_SIZE.height + 40 },
    ]);
    const offset = duplicateOffset(d, none, copyOf(d, 'web-1'));
    expect(offset).toEqual({ x: 0, y: 2 * (NODE_SIZE.height + 40) });
  });

  it('measured sizes count: a taller node pushes its copy further down', () => {
    const d = doc([{ id: 'web-1', x: 0, y: 0 }]);
    const tall = new Map([['web-1', { width: NODE_SIZE.width, height: 120 }]]);
    const offset = duplicateOffset(d, tall, copyOf(d, 'web-1'));
    expect(offset.y).toBeGreaterThanOrEqual(120);
  });

  it('a new component avoids the ones already there', () => {
    const d = doc([{ id: 'web-1', x: 0, y: 0 }]);
    const spot = freeSpot(d, none, { x: 0, y: 0 });
    const apart =
      spot.x + NODE_SIZE.width <= 0 ||
      spot.x >= NODE_SIZE.width ||
      spot.y + NODE_SIZE.height <= 0 ||
      spot.y >= NODE_SIZE.height;
    expect(apart).toBe(true);
    expect(freeSpot(doc([]), none, { x: 40, y: 60 })).toEqual({ x: 40, y: 60 });
  });
});
