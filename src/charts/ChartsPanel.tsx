import { useEffect, useMemo, useRef, useState } from 'react';
import { useEditorStore } from '../editor/store/context.tsx';
import { exportSeriesCsv } from '../files/fileCommands.ts';
import { TableIcon } from '../files/icons.tsx';
import type { RunStore } from '../run/runStore.ts';
import { useRun, useRunController } from '../run/ui/RunContext.tsx';
import { useVisible } from '../run/ui/useVisible.ts';
import {
  activeCauses,
  chartWindow,
  latencyRows,
  markersIn,
  nodeRows,
  type Row,
  throughputRows,
  topNodes,
  WINDOW_CHOICES,
} from './chartData.ts';
import { ErrorsChart } from './ErrorsChart.tsx';
import { LatencyChart } from './LatencyChart.tsx';
import { NodeLinesChart } from './NodeLinesChart.tsx';
import { Staggered } from './Staggered.tsx';
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
  const editor = useEditorStore();
  const series = controller.series;
  // Folded away or on another tab: keep the last picture and stop redrawing.
  const [visible, root] = useVisible();
  const version = useThrottledVersion(controller.store, !visible);
  const status = useRun((s) => s.status);
  const allMarkers = useRun((s) => s.markers);
  // The clock matters to the window only when paused (a fault or an edit after the last row).
  const pausedAt = useRun((s) => (s.status === 'running' ? 0 : s.clockMs / 1000));
  const [seconds, setSeconds] = useState<number>(60);

  const last = useRef<ChartData | null>(null);
  const data: ChartData = useMemo(() => {
    void version; // the series is mutable: its version is what changes
    // Hidden: nothing to draw, keep the last picture (and the very same elements).
    if (!visible && last.current) return last.current;
    const w = chartWindow(series, status, seconds, pausedAt);
    const causes = activeCauses(series, w);
    const utilIds = topNodes(series, w, 'util', 6);
    const queueIds = topNodes(series, w, 'queue', 6, 0);
    const hitIds = topNodes(series, w, 'hitRatio', 6);
    const queueNodes = [...series.nodes.values()].filter((n) => n.type === 'queue').map((n) => n.id);
    const next = {
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
    last.current = next;
    return next;
  }, [version, series, status, seconds, allMarkers, pausedAt, visible]);

  // Elements made once per picture: a Staggered slot re-renders its chart only when they change.
  const charts = useMemo(
    () => (
      <>
        <Staggered slot={0}>
          <LatencyChart rows={data.latency} w={data.w} markers={data.markers} />
        </Staggered>
        <Staggered slot={1}>
          <ThroughputChart rows={data.throughput} w={data.w} markers={data.markers} causes={data.causes} />
        </Staggered>
        <Staggered slot={2}>
          <ErrorsChart rows={data.throughput} w={data.w} markers={data.markers} causes={data.causes} />
        </Staggered>
        <Staggered slot={3}>
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
        </Staggered>
        <Staggered slot={4}>
          <NodeLinesChart
            title="Queue depth"
            unit="requests waiting"
            suffix=""
            rows={data.queue.rows}
            ids={data.queue.ids}
            w={data.w}
            markers={data.markers}
          />
        </Staggered>
        {data.lag.ids.length > 0 && (
          <Staggered slot={5}>
            <NodeLinesChart
              title="Job lag"
              unit="ms from publish to done"
              suffix=" ms"
              rows={data.lag.rows}
              ids={data.lag.ids}
              w={data.w}
              markers={data.markers}
            />
          </Staggered>
        )}
        <Staggered slot={6}>
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
        </Staggered>
      </>
    ),
    [data],
  );

  return (
    <div className="sl-charts" ref={root}>
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
        <button
          type="button"
          className="sl-button sl-charts__csv"
          data-tooltip="Save every series of this run as a CSV table (time in simulated seconds)"
          onClick={() => void exportSeriesCsv({ store: editor, run: controller })}
        >
          <TableIcon size={16} />
          <span>Download CSV</span>
        </button>
      </div>
      <div className="sl-charts__grid">{charts}</div>
    </div>
  );
}

/**
 * The series version to draw: follows the run store without re-rendering the panel on every
 * change — at most every REDRAW_MS while running, at once when paused, not at all while hidden.
 */
function useThrottledVersion(store: RunStore, frozen: boolean): number {
  const [shown, setShown] = useState(() => store.getState().seriesVersion);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastAt = 0;
    const update = () => {
      timer = null;
      lastAt = performance.now();
      setShown(store.getState().seriesVersion);
    };
    const onChange = () => {
      if (frozen || timer !== null) return;
      const running = store.getState().status === 'running';
      const wait = running ? Math.max(0, lastAt + REDRAW_MS - performance.now()) : 0;
      timer = setTimeout(update, wait);
    };
    onChange();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.seriesVersion !== prev.seriesVersion || s.status !== prev.status) onChange();
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, frozen]);
  return shown;
}

interface ChartData {
  w: ReturnType<typeof chartWindow>;
  causes: string[];
  markers: ReturnType<typeof markersIn>;
  latency: Row[];
  throughput: Row[];
  util: { ids: string[]; rows: Row[] };
  queue: { ids: string[]; rows: Row[] };
  hit: { ids: string[]; rows: Row[] };
  lag: { ids: string[]; rows: Row[] };
  hasCache: boolean;
  empty: boolean;
}
