import { CAUSES, type Marker, type NodeColumn, type RunStatus } from '../run/frameFormat.ts';
import type { Series } from '../run/series.ts';

/**
 * From the run's series to the rows a chart draws: a time window, at most `maxPoints` rows
 * (buckets averaged, gaps kept as gaps), values in display units. Pure, so tested in Node.
 */
export type Row = { t: number } & Record<string, number | null>;

export interface ChartWindow {
  /** Simulated seconds, exclusive start and inclusive end. */
  t0: number;
  t1: number;
  /** The whole run (paused or finished) rather than the last N seconds. */
  whole: boolean;
}

export const WINDOW_CHOICES = [30, 60, 120, 300] as const;
export const MAX_POINTS = 240;

/**
 * The last `seconds` while running; the whole run when paused or finished. `nowS` is the clock:
 * a fault or an edit made after the last whole second is still inside the window.
 */
export function chartWindow(series: Series, status: RunStatus, seconds: number, nowS = 0): ChartWindow {
  const t1 = Math.max(series.lastT, nowS);
  if (status === 'running') return { t0: Math.max(0, t1 - seconds), t1: Math.max(t1, seconds), whole: false };
  return { t0: 0, t1: Math.max(t1, 1), whole: true };
}

/** Buckets of row indices covering [from, to), at most `max` of them. */
function buckets(from: number, to: number, max: number): Array<[number, number]> {
  const n = to - from;
  if (n <= 0) return [];
  const size = Math.max(1, Math.ceil(n / max));
  const out: Array<[number, number]> = [];
  for (let i = from; i < to; i += size) out.push([i, Math.min(to, i + size)]);
  return out;
}

function meanOf(col: ArrayLike<number>, a: number, b: number): number | null {
  let s = 0;
  let k = 0;
  for (let i = a; i < b; i++) {
    const v = col[i] as number;
    if (Number.isFinite(v)) {
      s += v;
      k++;
    }
  }
  return k > 0 ? s / k : null;
}

function maxOf(col: ArrayLike<number>, a: number, b: number): number | null {
  let m = Number.NEGATIVE_INFINITY;
  for (let i = a; i < b; i++) {
    const v = col[i] as number;
    if (Number.isFinite(v) && v > m) m = v;
  }
  return m === Number.NEGATIVE_INFINITY ? null : m;
}

function rows(
  series: Series,
  w: ChartWindow,
  maxPoints: number,
  fill: (row: Row, a: number, b: number) => void,
): Row[] {
  const [from, to] = series.range(w.t0, w.t1);
  return buckets(from, to, maxPoints).map(([a, b]) => {
    const row = { t: series.global.t[b - 1] as number } as Row;
    fill(row, a, b);
    return row;
  });
}

const scale = (v: number | null, k: number) => (v === null ? null : v * k);

/** p50, p95, p99 in ms. Tail percentiles take the bucket's worst second: spikes stay visible. */
export function latencyRows(series: Series, w: ChartWindow, maxPoints = MAX_POINTS): Row[] {
  const g = series.global;
  return rows(series, w, maxPoints, (row, a, b) => {
    row.p50 = meanOf(g.p50, a, b);
    row.p95 = maxOf(g.p95, a, b);
    row.p99 = maxOf(g.p99, a, b);
  });
}

/** Answered per second, and failed per second by cause: stacked, they make the offered load. */
export function throughputRows(series: Series, w: ChartWindow, maxPoints = MAX_POINTS): Row[] {
  const g = series.global;
  return rows(series, w, maxPoints, (row, a, b) => {
    row.answered = meanOf(g.completed, a, b);
    CAUSES.forEach((c, i) => {
      row[c] = meanOf(series.causes[i] as Float64Array, a, b);
    });
  });
}

/** Causes that failed at least once in the window (the legend shows only these). */
export function activeCauses(series: Series, w: ChartWindow): string[] {
  const [from, to] = series.range(w.t0, w.t1);
  return CAUSES.filter((_, i) => (maxOf(series.causes[i] as Float64Array, from, to) ?? 0) > 0);
}

/** One key per node id; `k` scales (100 for percentages). */
export function nodeRows(
  series: Series,
  w: ChartWindow,
  column: NodeColumn,
  ids: readonly string[],
  k = 1,
  maxPoints = MAX_POINTS,
): Row[] {
  const cols = ids.map((id) => series.nodes.get(id)?.cols[column]);
  return rows(series, w, maxPoints, (row, a, b) => {
    ids.forEach((id, j) => {
      const col = cols[j];
      row[id] = col ? scale(meanOf(col, a, b), k) : null;
    });
  });
}

/**
 * The nodes to draw for a per-node chart: those with a value in the window, the `n` largest
 * by their peak (a 30-node system shows its 6 busiest, not a tangle of 30 lines).
 */
export function topNodes(
  series: Series,
  w: ChartWindow,
  column: NodeColumn,
  n = 6,
  minPeak = Number.NEGATIVE_INFINITY,
): string[] {
  const [from, to] = series.range(w.t0, w.t1);
  const peaks: Array<[string, number]> = [];
  for (const [id, s] of series.nodes) {
    const peak = maxOf(s.cols[column], from, to);
    if (peak !== null && peak >= minPeak) peaks.push([id, peak]);
  }
  peaks.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return peaks.slice(0, n).map(([id]) => id);
}

/** Markers inside the window. */
export function markersIn(markers: readonly Marker[], w: ChartWindow): Marker[] {
  return markers.filter((m) => m.t > w.t0 && m.t <= w.t1 + 1e-9);
}

/** An axis tick: whole numbers from 10 up, two significant digits below ("0.5", "2.5"). */
export function axisValue(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Math.abs(v) >= 10 || Number.isInteger(v)) return Math.round(v).toLocaleString('en-US');
  return String(Number(v.toPrecision(2)));
}

/** A sentence a screen reader can read for a chart: its latest values. */
export function lastValues(rowsIn: readonly Row[], keys: readonly string[], unit: string): string {
  const last = rowsIn[rowsIn.length - 1];
  if (!last) return 'No data yet.';
  const parts = keys
    .filter((k) => last[k] !== null && last[k] !== undefined)
    .map((k) => `${k} ${formatValue(last[k] as number)}${unit}`);
  return parts.length > 0 ? `At ${last.t.toFixed(0)} s: ${parts.join(', ')}.` : 'No data yet.';
}

export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}
