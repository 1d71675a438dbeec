import * as Comlink from 'comlink';
import type { Scenario } from '../../scenario/index.ts';
import type { Exercise } from '../goals.ts';
import type { GradeApi, GradeVerdict } from './gradeApi.ts';

/** Grades attempts off the main thread. */
export interface Grader {
  grade(exercise: Exercise, attempt: Scenario, onProgress: (fraction: number) => void): Promise<GradeVerdict>;
  dispose(): void;
}

/**
 * The grading worker in the page: started on the first Check, kept for the next ones. A
 * worker that dies (a script error) rejects the pending check and is replaced on the next.
 */
export function createBrowserGrader(): Grader {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<GradeApi> | null = null;
  let failed: ((e: Error) => void) | null = null;
  const start = () => {
    const w = new Worker(new URL('./grade.worker.ts', import.meta.url), {
      type: 'module',
      name: 'scalelab-grade',
    });
    w.addEventListener('error', (e) => {
      e.preventDefault();
      failed?.(new Error(e.message || 'the grading worker failed'));
      w.terminate();
      if (worker === w) {
        worker = null;
        remote = null;
      }
    });
    worker = w;
    remote = Comlink.wrap<GradeApi>(w);
    return remote;
  };
  return {
    grade: (exercise, attempt, onProgress) =>
      new Promise((resolve, reject) => {
        const api = remote ?? start();
        failed = reject;
        api.grade(exercise, attempt, Comlink.proxy(onProgress)).then(resolve, reject);
      }),
    dispose() {
      worker?.terminate();
      worker = null;
      remote = null;
    },
  };
}
