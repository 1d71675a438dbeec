/**
 * Progress saved in the browser (localStorage): which lesson steps were done, which lessons
 * and exercises were passed, a student's last attempt at an exercise. Tolerant: a missing,
 * full or garbled store reads as "nothing saved" and never breaks the page.
 */

/** The part of `Storage` used here (tests pass a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function browserStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** A JSON record of entries under one key, read and written whole. */
export function savedRecord<T>(key: string, valid: (v: unknown) => v is T) {
  const read = (store: KeyValueStore | null): Record<string, T> => {
    if (!store) return {};
    try {
      const raw = JSON.parse(store.getItem(key) ?? '{}') as unknown;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
      const out: Record<string, T> = {};
      for (const [k, v] of Object.entries(raw)) if (valid(v)) out[k] = v;
      return out;
    } catch {
      return {};
    }
  };
  return {
    read,
    get: (store: KeyValueStore | null, id: string): T | undefined => read(store)[id],
    update(store: KeyValueStore | null, id: string, change: (old: T | undefined) => T): T {
      const all = read(store);
      const next = change(all[id]);
      all[id] = next;
      try {
        store?.setItem(key, JSON.stringify(all));
      } catch {
        // Full or forbidden: progress is a convenience, the page goes on without it.
      }
      return next;
    },
  };
}

// ——— Lessons ———

export interface LessonSaved {
  /** Ids of the guided steps done. */
  steps: string[];
  /** The lesson's goal was met (Check passed). */
  passed: boolean;
}

const isLessonSaved = (v: unknown): v is LessonSaved =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as LessonSaved).steps) &&
  (v as LessonSaved).steps.every((s) => typeof s === 'string') &&
  typeof (v as LessonSaved).passed === 'boolean';

export const lessonProgressStore = savedRecord<LessonSaved>('scalelab.lessons.v1', isLessonSaved);

// ——— Exercises (by `exerciseKey`) ———

export interface ExerciseSaved {
  passed: boolean;
  /** The student's design as last edited (a scenario document), to come back to. */
  attempt?: unknown;
}

const isExerciseSaved = (v: unknown): v is ExerciseSaved =>
  typeof v === 'object' && v !== null && typeof (v as ExerciseSaved).passed === 'boolean';

export const exerciseProgressStore = savedRecord<ExerciseSaved>('scalelab.exercises.v1', isExerciseSaved);
