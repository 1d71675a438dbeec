import { CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Marker } from '../run/frameFormat.ts';
import { axisValue, type ChartWindow, formatValue } from './chartData.ts';
import { MARKER_COLORS } from './palette.ts';

/** Shared chart furniture. Recharts walks its children by type, so these are plain elements. */
export const CHART_MARGIN = { top: 14, right: 10, bottom: 0, left: 0 };
export const AXIS_TICK = { fontSize: 11, fill: 'var(--sl-text-muted)' };

export function timeAxis(w: ChartWindow) {
  return (
    <XAxis
      key="x"
      dataKey="t"
      type="number"
      domain={[w.t0, w.t1]}
      allowDataOverflow
      tick={AXIS_TICK}
      tickFormatter={(t: number) => `${Math.round(t)}s`}
      tickCount={6}
      stroke="var(--sl-border-strong)"
    />
  );
}

export function valueAxis(props: { unit?: string; domain?: [number, number | 'auto' | 'dataMax'] } = {}) {
  return (
    <YAxis
      key="y"
      width={44}
      tick={AXIS_TICK}
      tickFormatter={(v: number) => `${axisValue(v)}${props.unit ?? ''}`}
      domain={props.domain ?? [0, 'auto']}
      stroke="var(--sl-border-strong)"
      allowDecimals={false}
    />
  );
}

export function grid() {
  return <CartesianGrid key="grid" stroke="var(--sl-border)" strokeDasharray="2 4" vertical={false} />;
}

export function tooltip(unit = '') {
  return (
    <Tooltip
      key="tooltip"
      isAnimationActive={false}
      labelFormatter={(t) => `${Number(t).toFixed(0)} s`}
      formatter={(v) => (typeof v === 'number' ? `${formatValue(v)}${unit}` : String(v))}
      contentStyle={{
        background: 'var(--sl-surface)',
        border: '1px solid var(--sl-border)',
        borderRadius: 8,
        fontSize: 12,
        color: 'var(--sl-text)',
      }}
    />
  );
}

/** Faults, recoveries and edits as labelled vertical lines. */
export function markerLines(markers: readonly Marker[]) {
  return markers.map((m) => (
    <ReferenceLine
      key={`${m.kind}:${m.t}:${m.label}`}
      x={m.t}
      stroke={MARKER_COLORS[m.kind]}
      strokeDasharray={m.kind === 'edit' ? '4 3' : undefined}
      strokeWidth={1.5}
      ifOverflow="hidden"
      label={{
        value: m.label,
        position: 'insideTopLeft',
        fill: MARKER_COLORS[m.kind],
        fontSize: 10,
        offset: 4,
      }}
    />
  ));
}
