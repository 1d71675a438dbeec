import { useMemo } from 'react';
import type { Exercise, Workshop } from '../../exercises/index.ts';
import { exerciseKey } from '../../exercises/index.ts';
import { dropExerciseLink } from '../../exercises/ui/linkState.ts';
import {
  browserStorage,
  exerciseProgressStore,
  lessonProgressStore,
} from '../../exercises/ui/savedProgress.ts';
import { useScenarioOpener } from '../../library/opener.ts';
import type { RunController } from '../../run/runController.ts';
import { useOptionalRunController } from '../../run/ui/RunContext.tsx';
import { restoreScenario, type Scenario } from '../../scenario/index.ts';
import type { Lesson } from '../schema.ts';
import { learnStore, nextSession } from './learnStore.ts';

/** A run of the previous scenario must not go on with the new one: back to time 0. */
async function stopRun(run: RunController | null): Promise<void> {
  if (!run || run.store.getState().status === 'idle') return;
  await run.pause();
  await run.reset();
}

/**
 * Opening lessons and exercises. Every scenario goes through the library's opener, which keeps
 * what was on the canvas in the local library: learning never destroys the learner's work.
 */
export function useLearnActions() {
  const opener = useScenarioOpener();
  const run = useOptionalRunController();
  return useMemo(() => {
    const open = (scenario: Scenario, origin: 'lesson' | 'exercise') => {
      opener.openCopy(scenario, origin);
      void stopRun(run);
    };
    return {
      /** The lesson's start, fresh: its guided steps start over (a pass stays recorded). */
      openLesson(lesson: Lesson) {
        lessonProgressStore.update(browserStorage(), lesson.id, (old) => ({
          steps: [],
          passed: old?.passed ?? false,
        }));
        dropExerciseLink();
        open(lesson.exercise.start, 'lesson');
        learnStore.setState({
          activity: {
            kind: 'lesson',
            lessonId: lesson.id,
            session: nextSession(),
            opened: lesson.exercise.start,
          },
          pickerOpen: false,
          linkError: null,
        });
      },
      showSolution(lesson: Lesson) {
        if (!window.confirm('Load the reference solution? Your design stays in your library.')) return;
        open(lesson.solution, 'lesson');
      },
      /**
       * An exercise (of a workshop, perhaps): the student's saved attempt if there is one, else
       * the start.
       */
      openExercise(exercise: Exercise, workshop: Workshop | null, index: number) {
        const saved = exerciseProgressStore.get(browserStorage(), exerciseKey(exercise));
        const attempt = saved?.attempt === undefined ? null : restoreScenario(saved.attempt);
        const opened = attempt?.ok ? attempt.scenario : exercise.start;
        open(opened, 'exercise');
        learnStore.setState({
          activity: { kind: 'exercise', exercise, workshop, index, session: nextSession(), opened },
          linkError: null,
        });
      },
      startOver(exercise: Exercise) {
        if (
          !window.confirm('Start this exercise again from the beginning? Your design stays in your library.')
        )
          return;
        exerciseProgressStore.update(browserStorage(), exerciseKey(exercise), (old) => ({
          passed: old?.passed ?? false,
        }));
        open(exercise.start, 'exercise');
      },
      leave() {
        dropExerciseLink();
        learnStore.setState({ activity: null, linkError: null });
      },
    };
  }, [opener, run]);
}
