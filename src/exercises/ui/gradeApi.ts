import { Simulation } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import { gradedScenario, type Verdict, verdictFor } from '../evaluate.ts';
import type { Exercise } from '../goals.ts';

/** A verdict as it crosses the worker boundary: the graded scenario stays behind. */
export type GradeVerdict = Omit<Verdict, 'scenario'>;

/** How many slices a graded run is cut into, to report progress between them. */
const SLICES = 20;

/**
 * What the grading worker offers (exposed by `grade.worker.ts`, called directly in tests):
 * the attempt run at full speed under the exercise's seed, duration and faults, in slices so
 * the page can show progress. Slicing does not change the result (the engine is deterministic
 * however `runUntil` is cut).
 */
export interface GradeApi {
  grade(exercise: Exercise, attempt: Scenario, onProgress?: (fraction: number) => void): GradeVerdict;
}

export const gradeApi: GradeApi = {
  grade(exercise, attempt, onProgress) {
    const graded = gradedScenario(exercise, attempt);
    let report = null;
    if (graded.ok) {
      const sim = new Simulation(graded.scenario);
      for (let i = 1; i <= SLICES; i++) {
        sim.runUntil((sim.durationMs * i) / SLICES);
        if (i < SLICES) onProgress?.(i / SLICES);
      }
      report = sim.report();
    }
    const { scenario: _graded, ...verdict } = verdictFor(exercise, attempt, graded, report);
    return verdict;
  },
};
