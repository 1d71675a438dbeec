import { Line, LineChart } from 'recharts';
import type { Marker } from '../run/frameFormat.ts';
import { ChartCard } from './ChartCard.tsx';
import { type ChartWindow, lastValues, type Row } from './chartData.ts';
import { CHART_MARGIN, grid, markerLines, timeAxis, tooltip, valueAxis } from './common.tsx';
import { LATENCY_COLORS } from './palette.ts';

/** End-to-end latency per simulated second: median, p95 and p99. */
export function LatencyChart({ rows, w, markers }: { rows: Row[]; w: ChartWindow; markers: Marker[] }) {
  return (
    <ChartCard
      title="Latency"
      unit="ms, p50 p95 p99"
      summary={lastValues(rows, ['p50', 'p95', 'p99'], ' ms')}
    >
      <LineChart data={rows} margin={CHART_MARGIN} responsive style={{ width: '100%', height: '100%' }}>
        {grid()}
        {timeAxis(w)}
        {valueAxis()}
        {tooltip(' ms')}
        {(['p50', 'p95', 'p99'] as const).map((k) => (
          <Line
            key={k}
            dataKey={k}
            name={k}
            stroke={LATENCY_COLORS[k]}
            strokeWidth={k === 'p99' ? 2 : 1.5}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
        {markerLines(markers)}
      </LineChart>
    </ChartCard>
  );
}
