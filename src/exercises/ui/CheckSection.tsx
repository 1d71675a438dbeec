import { useEditor, useEditorStore } from '../../editor/store/context.tsx';
import { CheckIcon, CrossIcon } from '../../lessons/ui/icons.tsx';
import { Prose } from '../../lessons/ui/Prose.tsx';
import type { GradeVerdict } from './gradeApi.ts';
import type { CheckState } from './useCheck.ts';
import { progressText, verdictHeadline } from './verdictView.ts';

/** The Check button, its progress while the graded run goes on, and the verdict. */
export function CheckSection({
  state,
  check,
}: {
  state: CheckState;
  check(doc: import('../../scenario/index.ts').Scenario): void;
}) {
  const store = useEditorStore();
  const running = state.phase === 'running';
  return (
    <div className="sl-check">
      <div className="sl-check__bar">
        <button
          type="button"
          className="sl-button sl-button--primary"
          disabled={running}
          onClick={() => check(store.getState().doc)}
        >
          {running ? 'Checking…' : state.phase === 'done' ? 'Check again' : 'Check'}
        </button>
        {running ? (
          <div
            className="sl-check__progress"
            role="progressbar"
            aria-label="Checking"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(state.progress * 100)}
          >
            <span style={{ width: `${Math.round(state.progress * 100)}%` }} />
            <span className="sl-visually-hidden">{progressText(state.progress)}</span>
          </div>
        ) : (
          <span className="sl-check__about">
            Runs the whole scenario at full speed, with the exercise’s seed and faults.
          </span>
        )}
      </div>
      {state.phase === 'error' && (
        <p className="sl-learn__error" role="alert">
          {state.message}
        </p>
      )}
      {state.phase === 'done' && <VerdictView verdict={state.verdict} checkedDoc={state.doc} />}
    </div>
  );
}

function VerdictView({ verdict, checkedDoc }: { verdict: GradeVerdict; checkedDoc: unknown }) {
  const edited = useEditor((s) => s.doc !== checkedDoc);
  return (
    <section
      className={`sl-verdict ${verdict.passed ? 'is-passed' : 'is-failed'}`}
      aria-label="Verdict"
      aria-live="polite"
    >
      <p className="sl-verdict__headline">
        {verdict.passed ? <CheckIcon size={18} /> : <CrossIcon size={18} />}
        <strong>{verdictHeadline(verdict)}</strong>
      </p>
      {edited && <p className="sl-verdict__stale">You changed the design since this check.</p>}
      <h4 className="sl-learn__subtitle">Goals</h4>
      <ul className="sl-verdict__list">
        {verdict.conditions.map((c) => (
          <li key={c.label} className={c.passed ? 'is-pass' : 'is-fail'}>
            <span className="sl-verdict__mark">
              {c.passed ? <CheckIcon size={16} /> : <CrossIcon size={16} />}
              <span className="sl-visually-hidden">{c.passed ? 'Met:' : 'Missed:'}</span>
            </span>
            <span className="sl-verdict__label">{c.label}</span>
            <span className="sl-verdict__value">
              {c.measured === null ? (
                c.measuredText
              ) : (
                <>
                  measured <strong>{c.measuredText}</strong>, target {c.targetText}
                </>
              )}
            </span>
            {!c.passed && c.hint && (
              <span className="sl-verdict__hint">
                <Prose text={c.hint} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {verdict.constraints.length > 0 && (
        <>
          <h4 className="sl-learn__subtitle">Design</h4>
          <ul className="sl-verdict__list">
            {verdict.constraints.map((c) => (
              <li key={c.id} className={c.passed ? 'is-pass' : 'is-fail'}>
                <span className="sl-verdict__mark">
                  {c.passed ? <CheckIcon size={16} /> : <CrossIcon size={16} />}
                  <span className="sl-visually-hidden">{c.passed ? 'Kept:' : 'Broken:'}</span>
                </span>
                <span className="sl-verdict__label">{c.label}</span>
                {/* A kept rule needs no detail, except what the design costs. */}
                {(!c.passed || c.id === 'budget') && <span className="sl-verdict__value">{c.detail}</span>}
                {!c.passed && c.hint && (
                  <span className="sl-verdict__hint">
                    <Prose text={c.hint} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {verdict.notes.map((n) => (
        <p key={n} className="sl-verdict__note">
          {n}
        </p>
      ))}
    </section>
  );
}
