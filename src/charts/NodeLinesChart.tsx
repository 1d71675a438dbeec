import { Line, LineChart } from 'recharts';
import type { Marker } from '../run/frameFormat.ts';
import { ChartCard } from './ChartCard.tsx';
import { type ChartWindow, lastValues, type Row } from './chartData.ts';
import { CHART_MARGIN, grid, markerLines, timeAxis, tooltip, valueAxis } from './common.tsx';
import { seriesColor } from './palette.ts';

/** One line per node (Utilisation, Queue depth, Cache hit rate share this shape). */
export function NodeLinesChart({
  title,
  unit,
  suffix,
  rows,
  ids,
  w,
  markers,
  domain,
  empty,
}: {
  title: string;
  unit: string;
  suffix: string;
  rows: Row[];
  ids: string[];
  w: ChartWindow;
  markers: Marker[];
  domain?: [number, number | 'auto'];
  empty?: string | null;
}) {
  return (
    <ChartCard
      title={title}
      unit={unit}
      summary={lastValues(rows, ids, suffix)}
      empty={empty ?? null}
      legend={ids.map((id, i) => ({ name: id, color: seriesColor(i) }))}
    >
      <LineChart data={rows} margin={CHART_MARGIN} responsive style={{ width: '100%', height: '100%' }}>
        {grid()}
        {timeAxis(w)}
        {valueAxis(domain ? { domain, unit: suffix.trim() === '%' ? '%' : '' } : {})}
        {tooltip(suffix)}
        {ids.map((id, i) => (
          <Line
            key={id}
            dataKey={id}
            name={id}
            stroke={seriesColor(i)}
            strokeWidth={1.5}
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
