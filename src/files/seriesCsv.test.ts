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
import { csvField, csvNumber, seriesCsv } from './seriesCsv.ts';

const layout: Layout = {
  id: 1,
  nodeIds: ['web-1', 'cache', 'users'],
  nodeTypes: ['server', 'cache', 'client'],
  capacities: [4, 1, 0],
  linkKeys: [],
};

/** n seconds: p50 = 10·t ms, answered 100/s, 2 timeouts/s from t = 3; web-1 busy 58 %, queue t. */
function filled(n: number): Series {
  const s = new Series(64);
  const GC = GLOBAL_COLUMNS.length;
  const NC = NODE_COLUMNS.length;
  const b: RowBlock = {
    layout: 1,
    rows: n,
    global: new Float64Array(n * GC).fill(Number.NaN),
    causes: new Float64Array(n * CAUSES.length),
    nodes: new Float32Array(n * 3 * NC).fill(Number.NaN),
    links: new Float32Array(0),
  };
  for (let r = 0; r < n; r++) {
    const t = r + 1;
    b.global[r * GC + G.t] = t;
    b.global[r * GC + G.completed] = 100;
    b.global[r * GC + G.p50] = 10 * t;
    b.global[r * GC + G.p95] = 20.5 * t;
    b.global[r * GC + G.p99] = 30.25 * t;
    if (t >= 3) b.causes[r * CAUSES.length + CAUSES.indexOf('timeout')] = 2;
    b.nodes[(r * 3 + 0) * NC + N.util] = 0.58;
    b.nodes[(r * 3 + 0) * NC + N.queue] = t;
    if (t >= 2) b.nodes[(r * 3 + 1) * NC + N.hitRatio] = 0.875;
    b.nodes[(r * 3 + 1) * NC + N.util] = 0.1;
  }
  s.append(b, layout);
  return s;
}

/** RFC 4180 parsing, written out plainly so the writer is checked against an independent reader. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('seriesCsv', () => {
  it('says there is nothing to export before a run', () => {
    expect(seriesCsv(new Series(8), () => undefined)).toBeNull();
  });

  it('has a time column and one column per series, units in the headers', () => {
    const rows = parseCsv(seriesCsv(filled(4), () => undefined) ?? '');
    expect(rows[0]).toEqual([
      'time (s)',
      'latency p50 (ms)',
      'latency p95 (ms)',
      'latency p99 (ms)',
      'answered (req/s)',
      ...CAUSES.map((c) => `failed ${c} (req/s)`),
      'cache hit rate: cache (%)',
      'queue depth: web-1 (requests)',
      'utilisation: web-1 (%)',
      'utilisation: cache (%)',
    ]);
    expect(rows).toHaveLength(5); // header + 4 seconds
    const col = (name: string) => rows.slice(1).map((r) => r[(rows[0] as string[]).indexOf(name)]);
    expect(col('time (s)')).toEqual(['1', '2', '3', '4']);
    expect(col('latency p95 (ms)')).toEqual(['20.5', '41', '61.5', '82']);
    expect(col('failed timeout (req/s)')).toEqual(['0', '0', '2', '2']);
    // 32-bit 0.58 is 0.5799999833…: written as the percentage it was, not float noise.
    expect(col('utilisation: web-1 (%)')).toEqual(['58', '58', '58', '58']);
    // No look-ups in the first second: an empty cell, not 0.
    expect(col('cache hit rate: cache (%)')).toEqual(['', '87.5', '87.5', '87.5']);
  });

  it('writes plain numbers: dot decimal, no grouping, empty for missing', () => {
    expect(csvNumber(1234567.5)).toBe('1234567.5');
    expect(csvNumber(0.001)).toBe('0.001');
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvNumber(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('quotes labels with commas, quotes and line breaks so they read back unchanged', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('plain name')).toBe('plain name');
    const labels: Record<string, string> = { 'web-1': 'a,"b"', cache: 'line\nbreak' };
    const text = seriesCsv(filled(2), (id) => labels[id]) ?? '';
    expect(text).toContain('"utilisation: a,""b"" (%)"');
    const rows = parseCsv(text);
    expect(rows[0]).toContain('utilisation: a,"b" (%)');
    expect(rows[0]).toContain('cache hit rate: line\nbreak (%)');
    expect(rows.every((r) => r.length === (rows[0] as string[]).length)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('keeps headers unique when two nodes share a label', () => {
    const rows = parseCsv(seriesCsv(filled(1), () => 'same') ?? '');
    expect(rows[0]).toContain('utilisation: same [web-1] (%)');
    expect(rows[0]).toContain('utilisation: same [cache] (%)');
  });
});
