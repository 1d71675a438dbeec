import { type FormEvent, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { formatValue } from '../charts/chartData.ts';
import { useRunController } from '../run/ui/RunContext.tsx';
import { createPointWorker } from './browserWorkers.ts';
import { ExperimentPlot } from './ExperimentPlot.tsx';
import type { PointResult } from './point.ts';
import { ExperimentRun, type Progress, workerCount } from './runner.ts';
import {
  applyParameter,
  METRICS,
  type MetricId,
  metricById,
  parameterChoices,
  sweepValues,
} from './sweep.ts';
import './experiments.css';

interface Finished {
  xs: number[];
  xLabel: string;
  xUnit: string;
  metric: MetricId;
  results: readonly (PointResult | null)[];
  outcome: 'running' | 'done' | 'cancelled';
  workers: number;
  wallMs: number;
}

/**
 * Experiments: vary one setting over a range and plot a result against it. Each point is a
 * full seeded run of the scenario at full speed; the points are spread over one worker per
 * core. This is how linear scaling and the latency knee are shown.
 */
export default function ExperimentPanel() {
  const controller = useRunController();
  // The settings on offer follow the document as it is edited.
  const doc = useSyncExternalStore(controller.subscribeDocument, () => controller.document);
  const choices = useMemo(() => parameterChoices(doc), [doc]);
  const [choiceId, setChoiceId] = useState(() => choices[0]?.id ?? '');
  const choice = choices.find((c) => c.id === choiceId) ?? choices[0];
  const [from, setFrom] = useState(String(choice?.from ?? 1));
  const [to, setTo] = useState(String(choice?.to ?? 8));
  const [steps, setSteps] = useState('8');
  const [metric, setMetric] = useState<MetricId>('p99');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<Finished | null>(null);
  const run = useRef<ExperimentRun | null>(null);

  useEffect(() => () => run.current?.cancel(), []);

  const pick = (id: string) => {
    const c = choices.find((x) => x.id === id);
    setChoiceId(id);
    if (c) {
      setFrom(String(c.from));
      setTo(String(c.to));
      setSteps(c.integer ? String(Math.min(8, Math.max(2, c.to - c.from + 1))) : '6');
      if (c.parameter.kind === 'servers') setMetric('maxThroughput');
    }
  };

  const start = (e: FormEvent) => {
    e.preventDefault();
    const current = controller.document;
    if (!choice) return;
    const xs = sweepValues(Number(from), Number(to), Number(steps), choice.integer);
    const jobs = xs.map((x, index) => ({
      index,
      seed: current.seed,
      scenario: applyParameter(current, choice.parameter, x),
    }));
    const workers = workerCount(jobs.length, navigator.hardwareConcurrency);
    const r = new ExperimentRun(jobs, createPointWorker, workers);
    run.current = r;
    const started = performance.now();
    const base: Finished = {
      xs,
      xLabel: `${choice.label} (${choice.unit})`,
      xUnit: choice.unit,
      metric,
      results: jobs.map(() => null),
      outcome: 'running',
      workers,
      wallMs: 0,
    };
    setResult(base);
    setProgress({ done: 0, total: jobs.length, results: base.results });
    void r
      .start((p) => {
        setProgress(p);
        setResult((prev) => (prev ? { ...prev, results: p.results } : prev));
      })
      .then((outcome) => {
        if (run.current !== r) return;
        run.current = null;
        setResult((prev) => (prev ? { ...prev, outcome, wallMs: performance.now() - started } : prev));
      });
  };

  const cancel = () => run.current?.cancel();
  const running = result?.outcome === 'running';
  const m = metricById[result?.metric ?? metric];
  const points =
    result?.xs.map((x, i) => {
      const r = result.results[i];
      return { x, y: r?.ok && Number.isFinite(r.values[m.id]) ? r.values[m.id] : null };
    }) ?? [];
  const failures = result?.results.filter((r): r is PointResult & { ok: false } => r !== null && !r.ok) ?? [];

  if (choices.length === 0)
    return (
      <p className="sl-exp__empty">
        Add components to the scenario: an experiment varies one of their settings.
      </p>
    );

  return (
    <div className="sl-exp">
      <div className="sl-exp__side">
        <form className="sl-exp__form" onSubmit={start} aria-label="Experiment">
          <label className="sl-exp__wide">
            <span>Vary</span>
            <select value={choice?.id} onChange={(e) => pick(e.target.value)} disabled={running}>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>From</span>
            <input
              type="number"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              disabled={running}
              step="any"
            />
          </label>
          <label>
            <span>To</span>
            <input
              type="number"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              disabled={running}
              step="any"
            />
          </label>
          <label>
            <span>Points</span>
            <input
              type="number"
              min={2}
              max={24}
              value={steps}
              onChange={(e) => setSteps(e.target.value)}
              disabled={running}
            />
          </label>
          <label className="sl-exp__wide">
            <span>Plot</span>
            <select value={metric} onChange={(e) => setMetric(e.target.value as MetricId)} disabled={running}>
              {METRICS.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label}
                </option>
              ))}
            </select>
          </label>
          {running ? (
            <button type="button" className="sl-button sl-button--label sl-exp__go" onClick={cancel}>
              Cancel
            </button>
          ) : (
            <button type="submit" className="sl-button sl-button--label sl-exp__go is-primary">
              Run experiment
            </button>
          )}
        </form>
        {progress && (
          <div className="sl-exp__progress">
            <progress max={progress.total} value={progress.done} aria-label="Experiment progress" />
            <span>
              {progress.done} of {progress.total} runs
              {result?.outcome === 'cancelled' ? ' — cancelled' : ''}
              {result?.outcome === 'done' ? ` in ${(result.wallMs / 1000).toFixed(1)} s` : ''}
            </span>
          </div>
        )}
        <p className="sl-exp__about">
          Each point is a full run of “{doc.title}” ({doc.duration} s, seed {doc.seed}) at full speed
          {result ? `, spread over ${result.workers} worker${result.workers === 1 ? '' : 's'}` : ''}.
        </p>
      </div>
      {result ? (
        <section className="sl-exp__result" aria-labelledby="sl-exp-title">
          <h3 id="sl-exp-title" className="sl-exp__title">
            {m.label} against {result.xLabel.replace(/ \(.*\)$/, '')}
          </h3>
          <div className="sl-exp__plot" aria-hidden="true">
            <div className="sl-exp__fill">
              <ExperimentPlot points={points} xLabel={result.xLabel} yLabel={m.unit} />
            </div>
          </div>
          <table className="sl-exp__table" aria-label="Experiment results">
            <thead>
              <tr>
                <th scope="col" title={result.xLabel}>
                  {result.xUnit}
                </th>
                <th scope="col" title={m.label}>
                  {m.unit}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={p.x}>
                  <th scope="row">{formatValue(p.x)}</th>
                  <td>{result.results[i] === null ? '…' : p.y === null ? '–' : formatValue(p.y)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {failures.length > 0 && (
            <p className="sl-exp__failed" role="alert">
              {failures.length} run{failures.length === 1 ? '' : 's'} failed: {failures[0]?.reason}
            </p>
          )}
        </section>
      ) : (
        <p className="sl-exp__empty">
          Choose a setting and a range: each point is a full run, and the plot shows how the result moves with
          the setting — linear scaling, or the knee where latency takes off.
        </p>
      )}
    </div>
  );
}
