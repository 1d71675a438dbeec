import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { axisValue, formatValue } from '../charts/chartData.ts';
import { AXIS_TICK } from '../charts/common.tsx';

export interface PlotPoint {
  x: number;
  y: number | null;
}

/** The result of an experiment: the metric against the setting, one dot per run. */
export function ExperimentPlot({
  points,
  xLabel,
  yLabel,
}: {
  points: PlotPoint[];
  xLabel: string;
  yLabel: string;
}) {
  return (
    <LineChart
      data={points}
      margin={{ top: 10, right: 16, bottom: 18, left: 8 }}
      responsive
      style={{ width: '100%', height: '100%' }}
    >
      <CartesianGrid stroke="var(--sl-border)" strokeDasharray="2 4" />
      <XAxis
        dataKey="x"
        type="number"
        domain={['dataMin', 'dataMax']}
        {...(points.length <= 12 ? { ticks: points.map((p) => p.x) } : {})}
        tick={AXIS_TICK}
        tickFormatter={(v: number) => axisValue(v)}
        label={{
          value: xLabel,
          position: 'insideBottom',
          offset: -12,
          fontSize: 11,
          fill: 'var(--sl-text-muted)',
        }}
        stroke="var(--sl-border-strong)"
      />
      <YAxis
        width={56}
        tick={AXIS_TICK}
        tickFormatter={(v: number) => axisValue(v)}
        label={{
          value: yLabel,
          angle: -90,
          position: 'insideLeft',
          fontSize: 11,
          fill: 'var(--sl-text-muted)',
        }}
        stroke="var(--sl-border-strong)"
      />
      <Tooltip
        isAnimationActive={false}
        labelFormatter={(x) => `${xLabel}: ${formatValue(Number(x))}`}
        formatter={(v) => (typeof v === 'number' ? formatValue(v) : String(v))}
        contentStyle={{
          background: 'var(--sl-surface)',
          border: '1px solid var(--sl-border)',
          borderRadius: 8,
          fontSize: 12,
        }}
      />
      <Line
        dataKey="y"
        name={yLabel}
        stroke="#0072b2"
        strokeWidth={2}
        dot={{ r: 3.5, fill: '#0072b2' }}
        isAnimationActive={false}
        connectNulls
      />
    </LineChart>
  );
}
