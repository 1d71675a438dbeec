import { lazy, Suspense } from 'react';
import { ExercisePanel } from '../../exercises/ui/ExercisePanel.tsx';
import { dropExerciseLink } from '../../exercises/ui/linkState.ts';
import { useExerciseLinks } from '../../exercises/ui/useExerciseLinks.ts';
import { getLesson } from '../index.ts';
import { LessonPanel } from './LessonPanel.tsx';
import { LessonPicker } from './LessonPicker.tsx';
import { learnStore, openLessonPicker, useLearn } from './learnStore.ts';
import { PanelHeader } from './PanelHeader.tsx';
import './learn.css';

const AuthorDialog = lazy(() => import('../../exercises/ui/AuthorDialog.tsx'));

/**
 * Everything of learning in the page: the side panel of the lesson or exercise in progress
 * (a column of the layout, beside the canvas, never over it), the lesson picker, the
 * create-exercise dialog, and exercise and workshop links in the URL (`#x1.…`, `#w1.…`).
 */
export function LearnLayer() {
  useExerciseLinks();
  const activity = useLearn((s) => s.activity);
  const linkError = useLearn((s) => s.linkError);
  const pickerOpen = useLearn((s) => s.pickerOpen);
  const authorOpen = useLearn((s) => s.authorOpen);
  const lesson = activity?.kind === 'lesson' ? getLesson(activity.lessonId) : undefined;
  return (
    <>
      {(activity || linkError) && (
        <aside className="sl-learn" aria-label={lesson ? 'Lesson' : 'Exercise'}>
          {linkError ? (
            <LinkError message={linkError} />
          ) : lesson && activity?.kind === 'lesson' ? (
            <LessonPanel key={activity.session} lesson={lesson} opened={activity.opened} />
          ) : activity?.kind === 'exercise' ? (
            <ExercisePanel
              key={activity.session}
              exercise={activity.exercise}
              workshop={activity.workshop}
              index={activity.index}
              opened={activity.opened}
            />
          ) : null}
        </aside>
      )}
      {pickerOpen && <LessonPicker />}
      {authorOpen && (
        <Suspense fallback={null}>
          <AuthorDialog />
        </Suspense>
      )}
    </>
  );
}

function LinkError({ message }: { message: string }) {
  const close = () => {
    dropExerciseLink();
    learnStore.setState({ linkError: null });
  };
  return (
    <>
      <PanelHeader
        kicker="Exercise link"
        title="This link could not be opened"
        onClose={close}
        closeLabel="Close"
      />
      <div className="sl-learn__body">
        <p className="sl-learn__error" role="alert">
          {message}
        </p>
        <p>
          Your canvas is as it was. Ask your teacher for the link again, or open a built-in lesson meanwhile.
        </p>
        <button
          type="button"
          className="sl-button sl-button--label"
          onClick={() => {
            close();
            openLessonPicker();
          }}
        >
          Open the lessons
        </button>
      </div>
    </>
  );
}
