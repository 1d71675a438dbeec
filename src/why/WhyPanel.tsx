import { useEffect } from 'react';
import { useRun, useRunController } from '../run/ui/RunContext.tsx';
import { useVisible } from '../run/ui/useVisible.ts';
import { ms, percent } from './format.ts';
import type { Finding } from './rules.ts';
import type { TheoryRow } from './theory.ts';
import './why.css';

/**
 * Why: the bottleneck and the causes of errors in plain words, then theory beside measurement.
 * Computed in the worker about once a second while this panel is on screen.
 */
export function WhyPanel({ onShowNode }: { onShowNode?: (id: string) => void }) {
  const controller = useRunController();
  const why = useRun((s) => s.why);
  const status = useRun((s) => s.status);
  const [visible, root] = useVisible();
  // The worker computes the findings only while someone can read them.
  useEffect(() => (visible ? controller.watchWhy() : undefined), [controller, visible]);

  if (status === 'idle' || !why)
    return (
      <div className="sl-why" ref={root}>
        <p className="sl-why__empty">
          Press Run: this panel explains what limits the system and why requests fail.
        </p>
      </div>
    );
  return (
    <div className="sl-why" ref={root}>
      <section aria-labelledby="sl-why-findings">
        <h3 id="sl-why-findings" className="sl-why__heading">
          What is happening at {why.atS.toFixed(1)} s
        </h3>
        <ul className="sl-why__findings">
          {why.findings.map((f) => (
            <FindingItem key={f.id} finding={f} onShowNode={onShowNode} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="sl-why-theory">
        <h3 id="sl-why-theory" className="sl-why__heading">
          Theory beside measurement
        </h3>
        {why.windowS < 5 ? (
          <p className="sl-why__note">
            {why.warmupS > 0 && why.atS < why.warmupS
              ? `Measuring starts after the ${why.warmupS} s warm-up.`
              : 'A few more simulated seconds are needed to measure.'}
          </p>
        ) : (
          <>
            <p className="sl-why__note">
              {`Measured over ${why.windowS.toFixed(0)} s${
                why.windowStartS > why.warmupS
                  ? ` since the edit at ${why.windowStartS.toFixed(1)} s`
                  : why.warmupS > 0
                    ? ` after a ${why.warmupS} s warm-up`
                    : ''
              }; ± is a 95% confidence interval (batch means).`}
            </p>
            {why.theory.rows.length > 0 && <TheoryTable rows={why.theory.rows} />}
            {why.theory.gaps.length > 0 && (
              <ul className="sl-why__gaps">
                {why.theory.gaps.map((g) => (
                  <li key={g.subject}>
                    {g.subject === 'this window' ? (
                      <>No comparison for this window: {g.reason}.</>
                    ) : (
                      <>
                        No closed form for <strong>{g.subject}</strong>: {g.reason}.
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function FindingItem({
  finding,
  onShowNode,
}: {
  finding: Finding;
  onShowNode: ((id: string) => void) | undefined;
}) {
  const node = finding.node;
  return (
    <li className={`sl-why__finding sl-why__finding--${finding.severity}`}>
      <span className="sl-why__dot" aria-hidden="true" />
      <div>
        <p className="sl-why__title">
          <span className="sl-visually-hidden">{severityWord[finding.severity]}: </span>
          {finding.title}
        </p>
        <p className="sl-why__detail">{finding.detail}</p>
        {node && onShowNode && (
          <button type="button" className="sl-why__show" onClick={() => onShowNode(node)}>
            Show {node}
          </button>
        )}
      </div>
    </li>
  );
}

const severityWord = { critical: 'Problem', warning: 'Warning', info: 'Note', ok: 'Fine' } as const;

function TheoryTable({ rows }: { rows: TheoryRow[] }) {
  return (
    <table className="sl-why__table">
      <thead>
        <tr>
          <th scope="col">Quantity</th>
          <th scope="col">Model</th>
          <th scope="col">Theory</th>
          <th scope="col">Measured</th>
          <th scope="col">
            <span className="sl-visually-hidden">Agreement</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.subject}:${r.quantity}`} title={r.note}>
            <th scope="row">{r.quantity === 'hit ratio' ? `hit ratio of ${r.subject}` : r.quantity}</th>
            <td>
              {r.model}
              {!r.exact && <span className="sl-why__approx"> (estimate)</span>}
              <span className="sl-why__assume">{r.note}</span>
            </td>
            <td className="sl-why__num">{show(r.predicted, r.unit)}</td>
            <td className="sl-why__num">
              {show(r.measured.value, r.unit)}
              {Number.isFinite(r.measured.halfWidth) && (
                <span className="sl-why__ci"> ± {show(r.measured.halfWidth, r.unit)}</span>
              )}
            </td>
            <td className={r.agrees ? 'sl-why__agree' : 'sl-why__differ'}>
              {r.agrees ? 'agrees' : 'differs'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function show(v: number, unit: 'ms' | 'ratio'): string {
  if (v === Number.POSITIVE_INFINITY) return '∞ (overloaded)';
  return unit === 'ms' ? ms(v) : percent(v, 1);
}
