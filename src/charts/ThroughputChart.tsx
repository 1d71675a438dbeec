import { Area, AreaChart } from 'recharts';
import type { Marker } from '../run/frameFormat.ts';
import { ChartCard } from './ChartCard.tsx';
import { type ChartWindow, lastValues, type Row } from './chartData.ts';
import { CHART_MARGIN, grid, markerLines, timeAxis, tooltip, valueAxis } from './common.tsx';
import { ANSWERED_COLOR, CAUSE_COLORS } from './palette.ts';

/** Requests per second: answered, with the failed ones stacked on top by cause. */
export function ThroughputChart({
  rows,
  w,
  markers,
  causes,
}: {
  rows: Row[];
  w: ChartWindow;
  markers: Marker[];
  causes: string[];
}) {
  return (
    <ChartCard
      title="Throughput"
      unit="req/s, answered + failed"
      summary={lastValues(rows, ['answered', ...causes], '/s')}
    >
      <AreaChart data={rows} margin={CHART_MARGIN} responsive style={{ width: '100%', height: '100%' }}>
        {grid()}
        {timeAxis(w)}
        {valueAxis()}
        {tooltip('/s')}
        <Area
          dataKey="answered"
          name="answered"
          stackId="1"
          stroke={ANSWERED_COLOR}
          fill={ANSWERED_COLOR}
          fillOpacity={0.35}
          isAnimationActive={false}
        />
        {causes.map((c) => (
          <Area
            key={c}
            dataKey={c}
            name={c}
            stackId="1"
            stroke={CAUSE_COLORS[c]}
            fill={CAUSE_COLORS[c]}
            fillOpacity={0.6}
            isAnimationActive={false}
          />
        ))}
        {markerLines(markers)}
      </AreaChart>
    </ChartCard>
  );
}
