import { useEffect, useMemo, useState } from 'react';
import { useRun, useRunController } from '../run/ui/RunContext.tsx';
import {
  activeCauses,
  chartWindow,
  latencyRows,
  markersIn,
  nodeRows,
  throughputRows,
  topNodes,
  WINDOW_CHOICES,
} from './chartData.ts';
import { ErrorsChart } from './ErrorsChart.tsx';
import { LatencyChart } from './LatencyChart.tsx';
import { NodeLinesChart } from './NodeLinesChart.tsx';
import { ThroughputChart } from './ThroughputChart.tsx';
import './charts.css';

/** Charts redraw at most this often while running (a row a second at ×1, a hundred at ×100). */
const REDRAW_MS = 250;

/**
 * The live charts of a run, loaded lazily (recharts is the largest dependency). They read the
 * run's series when its version moves, at most four times a second while running and at once
 * when paused; the canvas never re-renders for them.
 */
export default function ChartsPanel() {
  const controller = useRunController();
  const series = controller.series;
  const version = useThrottled(
    useRun((s) => s.seriesVersion),
    useRun((s) => s.status === 'running'),
  );
  const status = useRun((s) => s.status);
  const allMarkers = useRun((s) => s.markers);
  // The clock matters to the window only when paused (a fault or an edit after the last row).
  const pausedAt = useRun((s) => (s.status === 'running' ? 0 : s.clockMs / 1000));
  const [seconds, setSeconds] = useState<number>(60);

  const data = useMemo(() => {
    void version; // the series is mutable: its version is what changes
    const w = chartWindow(series, status, seconds, pausedAt);
    const causes = activeCauses(series, w);
    const utilIds = topNodes(series, w, 'util', 6);
    const queueIds = topNodes(series, w, 'queue', 6, 0);
    const hitIds = topNodes(series, w, 'hitRatio', 6);
    const queueNodes = [...series.nodes.values()].filter((n) => n.type === 'queue').map((n) => n.id);
    return {
      w,
      causes,
      markers: markersIn(allMarkers, w),
      latency: latencyRows(series, w),
      throughput: throughputRows(series, w),
      util: { ids: utilIds, rows: nodeRows(series, w, 'util', utilIds, 100) },
      queue: { ids: queueIds, rows: nodeRows(series, w, 'queue', queueIds) },
      hit: { ids: hitIds, rows: nodeRows(series, w, 'hitRatio', hitIds, 100) },
      lag: { ids: queueNodes, rows: queueNodes.length > 0 ? nodeRows(series, w, 'timeMs', queueNodes) : [] },
      hasCache: [...series.nodes.values()].some((n) => n.type === 'cache' || n.type === 'cdn'),
      empty: series.length === 0,
    };
  }, [version, series, status, seconds, allMarkers, pausedAt]);

  return (
    <div className="sl-charts">
      <div className="sl-charts__bar">
        <label className="sl-charts__window">
          <span>While running, show the last</span>
          <select
            value={seconds}
            onChange={(e) => setSeconds(Number(e.target.value))}
            aria-label="Chart window"
          >
            {WINDOW_CHOICES.map((s) => (
              <option key={s} value={s}>
                {s} s
              </option>
            ))}
          </select>
        </label>
        <span className="sl-charts__scope">
          {data.empty
            ? 'Press Run: the charts fill as simulated seconds pass.'
            : data.w.whole
              ? `Whole run: 0–${Math.round(data.w.t1)} s`
              : `Last ${seconds} s`}
        </span>
      </div>
      <div className="sl-charts__grid">
        <LatencyChart rows={data.latency} w={data.w} markers={data.markers} />
        <ThroughputChart rows={data.throughput} w={data.w} markers={data.markers} causes={data.causes} />
        <ErrorsChart rows={data.throughput} w={data.w} markers={data.markers} causes={data.causes} />
        <NodeLinesChart
          title="Cache hit rate"
          unit="% of look-ups"
          suffix="%"
          rows={data.hit.rows}
          ids={data.hit.ids}
          w={data.w}
          markers={data.markers}
          domain={[0, 100]}
          empty={
            data.hasCache || data.hit.ids.length > 0
              ? null
              : 'No cache in this scenario. Add a cache (or give the database a row cache) to see how often it answers.'
          }
        />
        <NodeLinesChart
          title="Queue depth"
          unit="requests waiting"
          suffix=""
          rows={data.queue.rows}
          ids={data.queue.ids}
          w={data.w}
          markers={data.markers}
        />
        {data.lag.ids.length > 0 && (
          <NodeLinesChart
            title="Job lag"
            unit="ms from publish to done"
            suffix=" ms"
            rows={data.lag.rows}
            ids={data.lag.ids}
            w={data.w}
            markers={data.markers}
          />
        )}
        <NodeLinesChart
          title="Utilisation"
          unit="% busy"
          suffix="%"
          rows={data.util.rows}
          ids={data.util.ids}
          w={data.w}
          markers={data.markers}
          domain={[0, 100]}
        />
      </div>
    </div>
  );
}

/** `value`, updated at most every REDRAW_MS while `busy`, immediately otherwise. */
function useThrottled<T>(value: T, busy: boolean): T {
  const [shown, setShown] = useState(value);
  const [lastAt, setLastAt] = useState(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const now = performance.now();
    const wait = busy ? Math.max(0, lastAt + REDRAW_MS - now) : 0;
    const timer = setTimeout(() => {
      setShown(value);
      setLastAt(performance.now());
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, busy, lastAt]);
  return shown;
}
