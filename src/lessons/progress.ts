import { type CheckContext, evaluateCheck } from '../exercises/index.ts';
import type { Lesson, LessonStep } from './schema.ts';

/**
 * Guided steps that notice what the learner did. The UI calls `lessonProgress` whenever the
 * document changes or a run reports, keeps the ids of the steps already done (a step once
 * done stays done, even if the learner moves on and changes things again), and shows the
 * first step not done yet with the `done` text of the one before it.
 */
export interface StepProgress {
  id: string;
  done: boolean;
  /** Not done, and it needs a run (or a finished one) to be decided. */
  waitingForRun: boolean;
}

export interface LessonProgress {
  steps: StepProgress[];
  /** Index of the first step not done, or null when all are. */
  current: number | null;
  /** The step that was done last in order before `current` (its `done` text is the feedback to show). */
  lastDone: LessonStep | null;
  allDone: boolean;
}

export function lessonProgress(
  lesson: Pick<Lesson, 'steps'>,
  ctx: CheckContext,
  alreadyDone: ReadonlySet<string> = new Set(),
): LessonProgress {
  const steps = lesson.steps.map((step) => {
    if (alreadyDone.has(step.id)) return { id: step.id, done: true, waitingForRun: false };
    const r = evaluateCheck(step.check, ctx);
    return { id: step.id, done: r.met, waitingForRun: !r.met && r.needsRun };
  });
  const current = steps.findIndex((s) => !s.done);
  const cur = current === -1 ? null : current;
  const before = cur === null ? lesson.steps.length - 1 : cur - 1;
  return {
    steps,
    current: cur,
    lastDone: before >= 0 ? (lesson.steps[before] ?? null) : null,
    allDone: cur === null,
  };
}
