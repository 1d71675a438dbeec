import { CAUSES, type NodeColumn } from '../run/frameFormat.ts';
import type { NodeSeries, Series } from '../run/series.ts';

/**
 * The charts' time series as one CSV table (RFC 4180: commas, double quotes, CRLF): a row per
 * stored second (or per merged span, once a long run has halved its history), a column per
 * series, the unit in each header. Numbers are plain (dot decimal, no grouping); a missing value
 * (no completions that second, a node removed by an edit) is an empty cell. Pure: tested in Node.
 */

export interface CsvColumn {
  header: string;
  /** Value at row `i`; NaN for an empty cell. */
  at(i: number): number;
}

/**
 * `nameOf(id)` gives a node's label, if it has one (the charts' series are kept by id). Node
 * labels only ever follow a fixed prefix ("utilisation: "), so no header cell starts with `=`,
 * `+`, `-` or `@` and a spreadsheet never reads one as a formula.
 */
export function seriesColumns(series: Series, nameOf: (id: string) => string | undefined): CsvColumn[] {
  const g = series.global;
  const columns: CsvColumn[] = [
    { header: 'time (s)', at: (i) => g.t[i] as number },
    { header: 'latency p50 (ms)', at: (i) => g.p50[i] as number },
    { header: 'latency p95 (ms)', at: (i) => g.p95[i] as number },
    { header: 'latency p99 (ms)', at: (i) => g.p99[i] as number },
    { header: 'answered (req/s)', at: (i) => g.completed[i] as number },
    ...CAUSES.map((cause, k) => ({
      header: `failed ${cause} (req/s)`,
      at: (i: number) => (series.causes[k] as Float64Array)[i] as number,
    })),
  ];
  const nodes = [...series.nodes.values()];
  const names = uniqueNames(nodes, nameOf);
  const perNode = (
    column: NodeColumn,
    title: string,
    unit: string,
    k: number,
    always?: (n: NodeSeries) => boolean,
  ) => {
    for (const n of nodes) {
      const col = n.cols[column];
      if (!always?.(n) && !hasValue(col, series.length)) continue;
      // Node columns are 32-bit floats: seven significant digits is all they hold.
      columns.push({ header: `${title}: ${names.get(n.id)} (${unit})`, at: (i) => f32(col[i] as number, k) });
    }
  };
  perNode('hitRatio', 'cache hit rate', '%', 100, (n) => n.type === 'cache' || n.type === 'cdn');
  perNode('queue', 'queue depth', 'requests', 1);
  perNode('util', 'utilisation', '%', 100);
  return columns;
}

/** The whole table as CSV text, or null when the run has no rows yet. */
export function seriesCsv(series: Series, nameOf: (id: string) => string | undefined): string | null {
  if (series.length === 0) return null;
  const columns = seriesColumns(series, nameOf);
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (let i = 0; i < series.length; i++) lines.push(columns.map((c) => csvNumber(c.at(i))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A field quoted when it holds a comma, a quote or a line break; quotes inside doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A plain number ("0.25", "1200"), or an empty cell for a missing one. */
export function csvNumber(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

function f32(v: number, k: number): number {
  return Number.isFinite(v) ? Number((v * k).toPrecision(7)) : Number.NaN;
}

function hasValue(col: Float32Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (Number.isFinite(col[i] as number)) return true;
  return false;
}

/** Each node's label (or id); a label two nodes share gets the id added, so headers stay unique. */
function uniqueNames(nodes: readonly NodeSeries[], nameOf: (id: string) => string | undefined) {
  const base = new Map(nodes.map((n) => [n.id, nameOf(n.id)?.trim() || n.id]));
  const count = new Map<string, number>();
  for (const name of base.values()) count.set(name, (count.get(name) ?? 0) + 1);
  return new Map(
    [...base].map(([id, name]) => [id, (count.get(name) ?? 0) > 1 && name !== id ? `${name} [${id}]` : name]),
  );
}
