import { Area, AreaChart } from 'recharts';
import type { Marker } from '../run/frameFormat.ts';
import { ChartCard } from './ChartCard.tsx';
import { type ChartWindow, lastValues, type Row } from './chartData.ts';
import { CHART_MARGIN, grid, markerLines, timeAxis, tooltip, valueAxis } from './common.tsx';
import { CAUSE_COLORS } from './palette.ts';

/** Failed requests per second, stacked by cause. */
export function ErrorsChart({
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
      title="Errors"
      unit="failed/s by cause"
      summary={causes.length === 0 ? 'No request has failed in this window.' : lastValues(rows, causes, '/s')}
      note={causes.length === 0 ? 'No errors' : null}
    >
      <AreaChart data={rows} margin={CHART_MARGIN} responsive style={{ width: '100%', height: '100%' }}>
        {grid()}
        {timeAxis(w)}
        {valueAxis(causes.length === 0 ? { domain: [0, 1] } : {})}
        {tooltip('/s')}
        {causes.map((c) => (
          <Area
            key={c}
            dataKey={c}
            name={c}
            stackId="1"
            stroke={CAUSE_COLORS[c]}
            fill={CAUSE_COLORS[c]}
            fillOpacity={0.55}
            isAnimationActive={false}
          />
        ))}
        {markerLines(markers)}
      </AreaChart>
    </ChartCard>
  );
}
