import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Exercise, Workshop } from '../../exercises/index.ts';
import type { Scenario } from '../../scenario/index.ts';

/**
 * What the learner is doing, apart from the document: a lesson, an exercise (perhaps one of a
 * workshop), or nothing; and which of the learning dialogs is open. One per page, like the
 * page's URL: the command list opens the dialogs from here.
 */
export type Activity =
  | { kind: 'lesson'; lessonId: string; session: number; opened: Scenario }
  | {
      kind: 'exercise';
      exercise: Exercise;
      workshop: Workshop | null;
      index: number;
      session: number;
      opened: Scenario;
    };

let sessions = 0;
/** Each opening is a new session: the panel starts fresh even for the same lesson. */
export const nextSession = () => ++sessions;

export interface LearnState {
  activity: Activity | null;
  pickerOpen: boolean;
  authorOpen: boolean;
  /** A link that could not be opened: the funnel's message, shown instead of the exercise. */
  linkError: string | null;
  /** Exercises collected for a workshop by "Add to workshop", in order. */
  workshopDraft: Exercise[];
}

export const learnStore = createStore<LearnState>()(() => ({
  activity: null,
  pickerOpen: false,
  authorOpen: false,
  linkError: null,
  workshopDraft: [],
}));

export function useLearn<T>(selector: (s: LearnState) => T): T {
  return useStore(learnStore, selector);
}

export const openLessonPicker = () => learnStore.setState({ pickerOpen: true });
export const openAuthoring = () => learnStore.setState({ authorOpen: true });
