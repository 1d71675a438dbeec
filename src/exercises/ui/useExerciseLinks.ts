import { useEffect } from 'react';
import { getLesson, lessons } from '../../lessons/index.ts';
import { learnStore } from '../../lessons/ui/learnStore.ts';
import { useLearnActions } from '../../lessons/ui/useLearnActions.ts';
import { exerciseKey } from '../author.ts';
import { decodeExerciseLink, decodeWorkshopLink, linkKind } from '../exerciseLink.ts';
import type { Exercise } from '../goals.ts';
import { handledLink, lessonLinkId } from './linkState.ts';
import { browserStorage, exerciseProgressStore } from './savedProgress.ts';
import { firstUnfinished } from './verdictView.ts';

/**
 * Exercise and workshop links: `#x1.…` and `#w1.…` in the URL, on load and when the fragment
 * changes, open in exercise mode; `#lesson=<id>` opens a built-in lesson. (Scenario links, `#s1.…`, belong to the library's boot.) A
 * damaged link shows the restore funnel's message instead of the exercise.
 */
export function useExerciseLinks(): void {
  const actions = useLearnActions();
  useEffect(() => {
    const open = () => {
      const hash = window.location.hash;
      if (hash === handledLink.hash) return;
      const lessonId = lessonLinkId(hash);
      if (lessonId !== null) {
        handledLink.hash = hash;
        const lesson = getLesson(lessonId);
        if (lesson) actions.openLesson(lesson);
        else
          learnStore.setState({
            activity: null,
            linkError: `This link names a lesson “${lessonId}” that ScaleLab does not have. The lessons are: ${lessons.map((l) => l.id).join(', ')}.`,
          });
        return;
      }
      const kind = linkKind(hash);
      if (kind !== 'x' && kind !== 'w') return;
      handledLink.hash = hash;
      if (kind === 'x') {
        const r = decodeExerciseLink(hash);
        if (r.ok) actions.openExercise(r.exercise, null, 0);
        else learnStore.setState({ linkError: r.error, activity: null });
        return;
      }
      const r = decodeWorkshopLink(hash);
      if (!r.ok) {
        learnStore.setState({ linkError: r.error, activity: null });
        return;
      }
      const saved = exerciseProgressStore.read(browserStorage());
      const at = firstUnfinished(r.workshop.exercises.map(exerciseKey), (k) => saved[k]?.passed ?? false);
      actions.openExercise(r.workshop.exercises[at] as Exercise, r.workshop, at);
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [actions]);
}
