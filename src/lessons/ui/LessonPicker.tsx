import { useMemo } from 'react';
import { browserStorage, lessonProgressStore } from '../../exercises/ui/savedProgress.ts';
import { lessons } from '../index.ts';
import { Dialog } from './Dialog.tsx';
import { CheckIcon } from './icons.tsx';
import { learnStore, openAuthoring } from './learnStore.ts';
import { useLearnActions } from './useLearnActions.ts';

/** The course in syllabus order: each lesson's number, title, topic and one line, with done marks. */
export function LessonPicker() {
  const actions = useLearnActions();
  const saved = useMemo(() => lessonProgressStore.read(browserStorage()), []);
  const close = () => learnStore.setState({ pickerOpen: false });
  const passed = lessons.filter((l) => saved[l.id]?.passed).length;
  const next = lessons.find((l) => !saved[l.id]?.passed)?.id;
  return (
    <Dialog title="Lessons" titleId="sl-lessons-title" onClose={close} wide>
      <p className="sl-learn-dialog__intro">
        Fifteen short lessons on building systems that scale. Each opens a scenario with a goal; your own
        canvas is kept in your library.{' '}
        <strong>{passed === 0 ? 'Start with lesson 1.' : `${passed} of ${lessons.length} done.`}</strong>
      </p>
      <ol className="sl-picker">
        {lessons.map((l) => {
          const s = saved[l.id];
          const status = s?.passed ? 'done' : s && s.steps.length > 0 ? 'started' : 'new';
          const isNext = l.id === next;
          return (
            <li key={l.id}>
              <button
                type="button"
                className={`sl-picker__item is-${status}${isNext ? ' is-next' : ''}`}
                onClick={() => actions.openLesson(l)}
                aria-describedby={`sl-lesson-${l.id}-summary`}
              >
                <span className="sl-picker__number" aria-hidden="true">
                  {status === 'done' ? <CheckIcon size={16} /> : l.number}
                </span>
                <span className="sl-picker__text">
                  <span className="sl-picker__title">
                    {l.title}
                    {status === 'done' && <span className="sl-picker__status">Done</span>}
                    {status === 'started' && <span className="sl-picker__status is-started">Started</span>}
                    {isNext && <span className="sl-picker__status is-next">Next</span>}
                  </span>
                  <span className="sl-picker__topic">{l.topicTitle}</span>
                  <span className="sl-picker__summary" id={`sl-lesson-${l.id}-summary`}>
                    {l.summary}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <footer className="sl-learn-dialog__footer">
        <span className="sl-muted">Teaching a class?</span>
        <button
          type="button"
          className="sl-button sl-button--label"
          onClick={() => {
            close();
            openAuthoring();
          }}
        >
          Create an exercise from this canvas
        </button>
      </footer>
    </Dialog>
  );
}
