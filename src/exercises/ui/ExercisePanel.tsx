import { useEffect, useMemo, useState } from 'react';
import { setEditLocks } from '../../editor/locks.ts';
import { useEditor } from '../../editor/store/context.tsx';
import { Hints } from '../../lessons/ui/Hints.tsx';
import { CheckIcon, LockIcon } from '../../lessons/ui/icons.tsx';
import { PanelHeader } from '../../lessons/ui/PanelHeader.tsx';
import { Prose } from '../../lessons/ui/Prose.tsx';
import { useLearnActions } from '../../lessons/ui/useLearnActions.ts';
import { useLoaded } from '../../lessons/ui/useLoaded.ts';
import { components, type Scenario } from '../../scenario/index.ts';
import { exerciseKey } from '../author.ts';
import { checkConstraints } from '../evaluate.ts';
import type { Exercise, Workshop } from '../goals.ts';
import { conditionLabel } from '../judge.ts';
import { CheckSection } from './CheckSection.tsx';
import { browserStorage, exerciseProgressStore } from './savedProgress.ts';
import { useCheck } from './useCheck.ts';
import { describeConstraints, editLocksFor } from './verdictView.ts';

const typeLabel = (t: string) => components[t as keyof typeof components]?.label ?? t;

/**
 * Exercise mode: the brief and goals, Check, hints, and for a workshop its ordered list with
 * next and previous. The student's design and passes are saved locally, keyed by `exerciseKey`.
 */
export function ExercisePanel({
  exercise,
  workshop,
  index,
  opened,
}: {
  exercise: Exercise;
  workshop: Workshop | null;
  index: number;
  opened: Scenario;
}) {
  const loaded = useLoaded(opened);
  const actions = useLearnActions();
  const key = useMemo(() => exerciseKey(exercise), [exercise]);
  const doc = useEditor((s) => s.doc);
  const [passedKeys, setPassedKeys] = useState(() => passedSet(workshop ?? { exercises: [exercise] }));
  const { state, check } = useCheck(exercise, (v) => {
    if (!v.passed) return;
    exerciseProgressStore.update(browserStorage(), key, (old) => ({ ...old, passed: true }));
    setPassedKeys((s) => new Set([...s, key]));
  });

  // Locked components: the inspector and Delete say so while this exercise is open.
  useEffect(() => {
    setEditLocks(editLocksFor(exercise));
    return () => setEditLocks(new Map());
  }, [exercise]);

  // The student's design, saved as it changes (a moment after the last edit).
  useEffect(() => {
    if (!loaded) return;
    const t = setTimeout(
      () =>
        exerciseProgressStore.update(browserStorage(), key, (old) => ({
          passed: old?.passed ?? false,
          attempt: doc,
        })),
      400,
    );
    return () => clearTimeout(t);
  }, [doc, key, loaded]);

  // The design rules that can be told without a run, as the student edits (locks, counts, types).
  // (The budget waits for Check: pricing a design builds a simulation, too much for every drag.)
  const withoutBudget = useMemo(() => withoutBudgetOf(exercise), [exercise]);
  const broken = useMemo(
    () =>
      checkConstraints(withoutBudget, loaded ? doc : exercise.start).filter(
        (c) => !c.passed && c.detail !== 'needs a run',
      ),
    [withoutBudget, exercise.start, doc, loaded],
  );
  const rules = describeConstraints(exercise, typeLabel);
  const total = workshop?.exercises.length ?? 1;

  return (
    <>
      <PanelHeader
        kicker={workshop ? `${workshop.title} · exercise ${index + 1} of ${total}` : 'Exercise'}
        title={exercise.title}
        onClose={actions.leave}
        closeLabel="Leave the exercise"
      />
      <div className="sl-learn__body">
        {exercise.brief && (
          <p className="sl-learn__brief">
            <Prose text={exercise.brief} />
          </p>
        )}
        <section aria-labelledby="sl-ex-goals">
          <h3 className="sl-learn__subtitle" id="sl-ex-goals">
            Goals {passedKeys.has(key) && <span className="sl-picker__status">Passed</span>}
          </h3>
          <ul className="sl-goals">
            {exercise.goal.conditions.map((c) => (
              <li key={conditionLabel(c)}>{conditionLabel(c)}</li>
            ))}
          </ul>
          {rules.length > 0 && (
            <>
              <h3 className="sl-learn__subtitle">Rules</h3>
              <ul className="sl-goals sl-goals--rules">
                {rules.map((r) => (
                  <li key={r}>
                    {r.includes('is locked') && <LockIcon size={14} />} <Prose text={r} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {broken.length > 0 && (
            <div className="sl-learn__warning" aria-live="polite">
              <strong>Your design breaks a rule:</strong>
              <ul>
                {broken.map((b) => (
                  <li key={b.id}>
                    {b.label}: {b.detail}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <section className="sl-learn__goal" aria-label="Check">
          <CheckSection state={state} check={check} />
          <Hints hints={exercise.hints} resetKey={key} />
        </section>
        {workshop && (
          <nav className="sl-workshop" aria-label="Workshop exercises">
            <h3 className="sl-learn__subtitle">
              Workshop{' '}
              <span className="sl-learn__count">
                {passedCount(workshop, passedKeys)} of {total} passed
              </span>
            </h3>
            <ol className="sl-workshop__list">
              {workshop.exercises.map((ex, i) => {
                const k = exerciseKey(ex);
                return (
                  <li key={k}>
                    <button
                      type="button"
                      className={`sl-workshop__item${i === index ? ' is-current' : ''}`}
                      aria-current={i === index ? 'step' : undefined}
                      onClick={() => i !== index && actions.openExercise(ex, workshop, i)}
                    >
                      <span className="sl-steps__mark">
                        {passedKeys.has(k) ? <CheckIcon size={14} /> : i + 1}
                      </span>
                      {ex.title}
                    </button>
                  </li>
                );
              })}
            </ol>
            <div className="sl-workshop__nav">
              <button
                type="button"
                className="sl-button sl-button--label"
                disabled={index === 0}
                onClick={() =>
                  actions.openExercise(workshop.exercises[index - 1] as Exercise, workshop, index - 1)
                }
              >
                Previous
              </button>
              <button
                type="button"
                className={`sl-button sl-button--label${passedKeys.has(key) ? ' sl-button--primary' : ''}`}
                disabled={index >= total - 1}
                onClick={() =>
                  actions.openExercise(workshop.exercises[index + 1] as Exercise, workshop, index + 1)
                }
              >
                Next exercise
              </button>
            </div>
          </nav>
        )}
        <footer className="sl-learn__footer">
          <button
            type="button"
            className="sl-button sl-button--label"
            onClick={() => actions.startOver(exercise)}
          >
            Start over
          </button>
        </footer>
      </div>
    </>
  );
}

function passedSet(w: Pick<Workshop, 'exercises'>): Set<string> {
  const saved = exerciseProgressStore.read(browserStorage());
  return new Set(w.exercises.map(exerciseKey).filter((k) => saved[k]?.passed));
}

function passedCount(w: Workshop, passed: ReadonlySet<string>): number {
  return w.exercises.filter((e) => passed.has(exerciseKey(e))).length;
}

function withoutBudgetOf(exercise: Exercise): Exercise {
  const { budgetPerMonth: _budget, ...constraints } = exercise.goal.constraints;
  return { ...exercise, goal: { ...exercise.goal, constraints } };
}
