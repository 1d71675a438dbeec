import { describe, expect, it } from 'vitest';
import {
  CAUSES,
  G,
  GLOBAL_COLUMNS,
  type Layout,
  N,
  NODE_COLUMNS,
  type RowBlock,
} from '../run/frameFormat.ts';
import { Series } from '../run/series.ts';
import {
  activeCauses,
  chartWindow,
  lastValues,
  latencyRows,
  markersIn,
  nodeRows,
  throughputRows,
  topNodes,
} from './chartData.ts';

const layout: Layout = {
  id: 1,
  nodeIds: ['a', 'b', 'c'],
  nodeTypes: ['server', 'server', 'cache'],
  capacities: [1, 1, 1],
  linkKeys: [],
};

/** n seconds: p99 = t, completed = 100, node a util 0.9, b 0.2, c NaN; timeouts at t = 5. */
function filled(n: number): Series {
  const s = new Series(1024);
  const b: RowBlock = {
    layout: 1,
    rows: n,
    global: new Float64Array(n * GLOBAL_COLUMNS.length),
    causes: new Float64Array(n * CAUSES.length),
    nodes: new Float32Array(n * 3 * NODE_COLUMNS.length).fill(Number.NaN),
    links: new Float32Array(0),
  };
  for (let r = 0; r < n; r++) {
    const o = r * GLOBAL_COLUMNS.length;
    b.global[o + G.t] = r + 1;
    b.global[o + G.completed] = 100;
    b.global[o + G.p50] = 10;
    b.global[o + G.p95] = 20;
    b.global[o + G.p99] = r + 1;
    if (r + 1 === 5) b.causes[r * CAUSES.length + CAUSES.indexOf('timeout')] = 7;
    b.nodes[(r * 3 + 0) * NODE_COLUMNS.length + N.util] = 0.9;
    b.nodes[(r * 3 + 1) * NODE_COLUMNS.length + N.util] = 0.2;
  }
  s.append(b, layout);
  return s;
}

describe('chart data', () => {
  it('shows the last N seconds while running and the whole run when paused', () => {
    const s = filled(100);
    expect(chartWindow(s, 'running', 60)).toEqual({ t0: 40, t1: 100, whole: false });
    expect(chartWindow(s, 'paused', 60)).toEqual({ t0: 0, t1: 100, whole: true });
    expect(chartWindow(filled(10), 'running', 60)).toEqual({ t0: 0, t1: 60, whole: false });
  });

  it('keeps at most maxPoints rows; tail percentiles keep the worst second of a bucket', () => {
    const s = filled(100);
    const rows = latencyRows(s, { t0: 0, t1: 100, whole: true }, 25);
    expect(rows).toHaveLength(25);
    expect(rows[0]).toMatchObject({ t: 4, p50: 10, p95: 20, p99: 4 });
    expect(rows[24]?.t).toBe(100);
  });

  it('stacks failures by cause, and names only causes that occurred', () => {
    const s = filled(10);
    const w = { t0: 0, t1: 10, whole: true };
    expect(activeCauses(s, w)).toEqual(['timeout']);
    const rows = throughputRows(s, w);
    expect(rows[4]).toMatchObject({ t: 5, answered: 100, timeout: 7 });
    expect(activeCauses(s, { t0: 5, t1: 10, whole: false })).toEqual([]);
  });

  it('picks the busiest nodes and scales per-node values', () => {
    const s = filled(10);
    const w = { t0: 0, t1: 10, whole: true };
    expect(topNodes(s, w, 'util', 6)).toEqual(['a', 'b']); // c has no value
    expect(topNodes(s, w, 'util', 1)).toEqual(['a']);
    const rows = nodeRows(s, w, 'util', ['a', 'c'], 100);
    expect(rows[0]?.a).toBeCloseTo(90, 3);
    expect(rows[0]?.c).toBeNull(); // a gap, not zero
  });

  it('keeps markers inside the window and reads the latest values aloud', () => {
    const ms = [
      { t: 3, kind: 'fault' as const, label: 'web-1 down' },
      { t: 50, kind: 'recovery' as const, label: 'web-1 back' },
    ];
    expect(markersIn(ms, { t0: 10, t1: 60, whole: false }).map((m) => m.label)).toEqual(['web-1 back']);
    const rows = latencyRows(filled(3), { t0: 0, t1: 3, whole: true });
    expect(lastValues(rows, ['p50', 'p99'], ' ms')).toBe('At 3 s: p50 10 ms, p99 3 ms.');
    expect(lastValues([], ['p50'], ' ms')).toBe('No data yet.');
  });
});
