import { describe, expect, it } from 'vitest';
import {
  CAUSES,
  G,
  GLOBAL_COLUMNS,
  type Layout,
  LINK_COLUMNS,
  N,
  NODE_COLUMNS,
  type RowBlock,
} from './frameFormat.ts';
import { Series } from './series.ts';

function layout(id: number, nodeIds: string[], linkKeys: string[] = []): Layout {
  return { id, nodeIds, nodeTypes: nodeIds.map(() => 'server'), capacities: nodeIds.map(() => 1), linkKeys };
}

/** Rows for seconds t0+1 … t0+n: completed = 10·t, p99 = t, util of node k = k/10. */
function block(l: Layout, t0: number, n: number): RowBlock {
  const nn = l.nodeIds.length;
  const nl = l.linkKeys.length;
  const b: RowBlock = {
    layout: l.id,
    rows: n,
    global: new Float64Array(n * GLOBAL_COLUMNS.length),
    causes: new Float64Array(n * CAUSES.length),
    nodes: new Float32Array(n * nn * NODE_COLUMNS.length),
    links: new Float32Array(n * nl * LINK_COLUMNS.length),
  };
  for (let r = 0; r < n; r++) {
    const t = t0 + r + 1;
    b.global[r * GLOBAL_COLUMNS.length + G.t] = t;
    b.global[r * GLOBAL_COLUMNS.length + G.completed] = 10 * t;
    b.global[r * GLOBAL_COLUMNS.length + G.p99] = t;
    b.global[r * GLOBAL_COLUMNS.length + G.max] = 2 * t;
    for (let k = 0; k < nn; k++) b.nodes[(r * nn + k) * NODE_COLUMNS.length + N.util] = k / 10;
  }
  return b;
}

describe('Series', () => {
  it('stores rows column by column and finds time ranges', () => {
    const s = new Series(16);
    const l = layout(1, ['a', 'b']);
    s.append(block(l, 0, 5), l);
    expect(s.length).toBe(5);
    expect(Array.from(s.global.t.subarray(0, 5))).toEqual([1, 2, 3, 4, 5]);
    expect(s.nodes.get('b')?.cols.util[4]).toBeCloseTo(0.1);
    expect(s.range(2, 4)).toEqual([2, 4]); // t = 3, 4
    expect(s.range(-Infinity, Infinity)).toEqual([0, 5]);
    expect(s.lastT).toBe(5);
  });

  it('halves when full: fixed memory, twice the step, latency weighted by completions', () => {
    const s = new Series(8);
    const l = layout(1, ['a']);
    s.append(block(l, 0, 8), l);
    expect(s.step).toBe(1);
    s.append(block(l, 8, 1), l); // the 9th second forces a merge
    expect(s.step).toBe(2);
    expect(s.length).toBe(5); // 4 merged rows + the partial one
    expect(Array.from(s.global.t.subarray(0, 4))).toEqual([2, 4, 6, 8]);
    // Rows 1 and 2: completions 10 and 20 per second → mean 15; p99 weighted (1·10 + 2·20)/30.
    expect(s.global.completed[0]).toBe(15);
    expect(s.global.p99[0]).toBeCloseTo(50 / 30);
    expect(s.global.max[0]).toBe(4);
    s.append(block(l, 9, 1), l); // completes the partial row (seconds 9 and 10)
    expect(s.length).toBe(5);
    expect(s.global.t[4]).toBe(10);
    expect(s.global.completed[4]).toBe(95);
  });

  it('keeps series by id across layouts: a node added later has a gap before it came', () => {
    const s = new Series(16);
    const l1 = layout(1, ['a']);
    const l2 = layout(2, ['a', 'new']);
    s.append(block(l1, 0, 2), l1);
    s.append(block(l2, 2, 2), l2);
    const fresh = s.nodes.get('new')?.cols.util as Float32Array;
    expect(Number.isNaN(fresh[0] as number)).toBe(true);
    expect(fresh[2]).toBeCloseTo(0.1);
    // And a node removed by an edit has a gap after it left.
    const l3 = layout(3, ['new']);
    s.append(block(l3, 4, 1), l3);
    expect(Number.isNaN(s.nodes.get('a')?.cols.util[4] as number)).toBe(true);
  });

  it('clears for a new run', () => {
    const s = new Series(8);
    const l = layout(1, ['a']);
    s.append(block(l, 0, 3), l);
    const v = s.version;
    s.clear();
    expect(s.length).toBe(0);
    expect(s.nodes.size).toBe(0);
    expect(s.version).toBeGreaterThan(v);
  });
});
