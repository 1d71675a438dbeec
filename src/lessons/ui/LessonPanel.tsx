import { useEffect, useMemo, useState } from 'react';
import { useEditor } from '../../editor/store/context.tsx';
import type { Report } from '../../engine/index.ts';
import { CheckSection } from '../../exercises/ui/CheckSection.tsx';
import { browserStorage, lessonProgressStore } from '../../exercises/ui/savedProgress.ts';
import { useCheck } from '../../exercises/ui/useCheck.ts';
import { runForSteps } from '../../exercises/ui/verdictView.ts';
import type { Scenario } from '../../scenario/index.ts';
import { lessonProgress } from '../progress.ts';
import type { ChartId, Lesson } from '../schema.ts';
import { Hints } from './Hints.tsx';
import { CheckIcon } from './icons.tsx';
import { PanelHeader } from './PanelHeader.tsx';
import { Prose } from './Prose.tsx';
import { useLearnActions } from './useLearnActions.ts';
import { useLoaded } from './useLoaded.ts';
import { useRunSeen } from './useRunSeen.ts';

const chartNames: Record<ChartId, string> = {
  latency: 'Latency',
  throughput: 'Throughput',
  errors: 'Errors',
  utilization: 'Utilisation',
  queue: 'Queue depth',
  hitRatio: 'Cache hit rate',
};

/**
 * A lesson beside the canvas: why it matters, what to try and notice, guided steps that tick
 * off as the learner does them (re-evaluated when the document changes or the run reports),
 * hints one at a time, the goal with Check, and the takeaway once it is met.
 */
export function LessonPanel({ lesson, opened }: { lesson: Lesson; opened: Scenario }) {
  const loaded = useLoaded(opened);
  const actions = useLearnActions();
  const doc = useEditor((s) => s.doc);
  const live = useRunSeen();
  const [lastFinished, setLastFinished] = useState<Report | null>(null);
  const [passed, setPassed] = useState(
    () => lessonProgressStore.get(browserStorage(), lesson.id)?.passed ?? false,
  );
  const [justPassed, setJustPassed] = useState(false);
  const { state, check } = useCheck(lesson.exercise, (v) => {
    if (v.report) setLastFinished(v.report);
    setJustPassed(v.passed);
    if (v.passed) {
      setPassed(true);
      lessonProgressStore.update(browserStorage(), lesson.id, (old) => ({
        steps: old?.steps ?? [],
        passed: true,
      }));
    }
  });
  useEffect(() => {
    if (live?.report) setLastFinished(live.report);
  }, [live?.report]);

  const [done, setDone] = useState<ReadonlySet<string>>(
    () => new Set(lessonProgressStore.get(browserStorage(), lesson.id)?.steps ?? []),
  );
  const progress = useMemo(
    () =>
      lessonProgress(
        lesson,
        // Until the lesson's start is on the canvas, judge the start itself (nothing is done yet).
        {
          scenario: loaded ? doc : lesson.exercise.start,
          run: loaded ? runForSteps(live, lastFinished) : null,
        },
        done,
      ),
    [lesson, doc, live, lastFinished, done, loaded],
  );
  useEffect(() => {
    const fresh = progress.steps.filter((s) => s.done && !done.has(s.id)).map((s) => s.id);
    if (fresh.length === 0) return;
    const next = new Set([...done, ...fresh]);
    setDone(next);
    lessonProgressStore.update(browserStorage(), lesson.id, (old) => ({
      steps: [...next],
      passed: old?.passed ?? false,
    }));
  }, [progress, done, lesson.id]);

  const doneCount = progress.steps.filter((s) => s.done).length;
  return (
    <>
      <PanelHeader
        kicker={`Lesson ${lesson.number} · ${lesson.topicTitle}`}
        title={lesson.title}
        onClose={actions.leave}
        closeLabel="Leave the lesson"
      />
      <div className="sl-learn__body">
        <details className="sl-learn__about" open={doneCount === 0 || undefined}>
          <summary>About this lesson</summary>
          <p>
            <strong>Why. </strong>
            <Prose text={lesson.why} />
          </p>
          <p>
            <strong>Try. </strong>
            <Prose text={lesson.try} />
          </p>
          <p>
            <strong>Notice. </strong>
            <Prose text={lesson.notice} />{' '}
            <span className="sl-learn__chart">Chart: {chartNames[lesson.chart]}</span>
          </p>
        </details>

        <section aria-labelledby="sl-steps-title">
          <h3 className="sl-learn__subtitle" id="sl-steps-title">
            Steps{' '}
            <span className="sl-learn__count">
              {doneCount} of {lesson.steps.length} done
            </span>
          </h3>
          {progress.lastDone && (
            <p className="sl-learn__feedback" aria-live="polite">
              <CheckIcon size={16} /> <Prose text={progress.lastDone.done} />
            </p>
          )}
          <ol className="sl-steps">
            {lesson.steps.map((step, i) => {
              const s = progress.steps[i];
              const current = progress.current === i;
              return (
                <li
                  key={step.id}
                  className={`sl-steps__item${s?.done ? ' is-done' : ''}${current ? ' is-current' : ''}`}
                  aria-current={current ? 'step' : undefined}
                >
                  <span className="sl-steps__mark">
                    {s?.done ? <CheckIcon size={14} /> : i + 1}
                    <span className="sl-visually-hidden">
                      {s?.done ? ' (done)' : current ? ' (now)' : ''}
                    </span>
                  </span>
                  <span className="sl-steps__text">
                    <span>
                      <Prose text={step.do} />
                    </span>
                    {current && step.chart && (
                      <span className="sl-learn__chart">Chart: {chartNames[step.chart]}</span>
                    )}
                    {current && s?.waitingForRun && (
                      <span className="sl-steps__waiting">Waiting for a run</span>
                    )}
                    {current && step.hint && (
                      <details className="sl-steps__hint">
                        <summary>Hint</summary>
                        <Prose text={step.hint} />
                      </details>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>

        <section aria-labelledby="sl-goal-title" className="sl-learn__goal">
          <h3 className="sl-learn__subtitle" id="sl-goal-title">
            Goal {passed && <span className="sl-picker__status">Done</span>}
          </h3>
          <p>
            <Prose text={lesson.exercise.brief} />
          </p>
          <CheckSection state={state} check={check} />
          {(justPassed || (passed && state.phase !== 'done')) && (
            <p className="sl-learn__takeaway">
              <strong>Takeaway. </strong>
              <Prose text={lesson.takeaway} />
            </p>
          )}
          <Hints hints={lesson.hints} resetKey={lesson.id} />
        </section>
        <footer className="sl-learn__footer">
          <button
            type="button"
            className="sl-button sl-button--label"
            onClick={() => actions.showSolution(lesson)}
          >
            Show solution
          </button>
          <button
            type="button"
            className="sl-button sl-button--label"
            onClick={() => actions.openLesson(lesson)}
          >
            Start again
          </button>
          <LessonLinkButton id={lesson.id} />
        </footer>
      </div>
    </>
  );
}

/** For a teacher: this lesson as a link (`#lesson=<id>`) to hand out; it opens the lesson fresh. */
function LessonLinkButton({ id }: { id: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const link = `${window.location.origin}${window.location.pathname}#lesson=${id}`;
  return (
    <button
      type="button"
      className="sl-button sl-button--label"
      data-tooltip={link}
      aria-description={copied === false ? `Copy this link by hand: ${link}` : undefined}
      onClick={() => {
        navigator.clipboard.writeText(link).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {copied ? 'Link copied' : 'Copy lesson link'}
    </button>
  );
}
