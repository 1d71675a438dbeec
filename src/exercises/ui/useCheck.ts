import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../scenario/index.ts';
import type { Exercise } from '../goals.ts';
import type { GradeVerdict } from './gradeApi.ts';
import { createBrowserGrader, type Grader } from './grader.ts';

export type CheckState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: number }
  /** `doc`: the design that was checked (to say when it has been edited since). */
  | { phase: 'done'; verdict: GradeVerdict; doc: Scenario }
  | { phase: 'error'; message: string };

let shared: Grader | null = null;
/** One grading worker for the page, started on the first Check. */
function grader(): Grader {
  shared ??= createBrowserGrader();
  return shared;
}

/**
 * The Check button's state: grades the design in the grading worker (never on this thread),
 * with progress, and keeps the verdict. A new exercise starts from idle.
 */
export function useCheck(
  exercise: Exercise,
  onVerdict?: (verdict: GradeVerdict) => void,
): { state: CheckState; check(doc: Scenario): void } {
  const [state, setState] = useState<CheckState>({ phase: 'idle' });
  const ticket = useRef(0);
  const report = useRef(onVerdict);
  report.current = onVerdict;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new exercise starts a new check history.
  useEffect(() => {
    ticket.current++;
    setState({ phase: 'idle' });
  }, [exercise]);
  const check = useCallback(
    (doc: Scenario) => {
      const mine = ++ticket.current;
      // Progress comes over its own message port: a last report may arrive after the verdict.
      let over = false;
      setState({ phase: 'running', progress: 0 });
      grader()
        .grade(exercise, doc, (progress) => {
          if (ticket.current === mine && !over) setState({ phase: 'running', progress });
        })
        .then(
          (verdict) => {
            over = true;
            if (ticket.current !== mine) return;
            setState({ phase: 'done', verdict, doc });
            report.current?.(verdict);
          },
          (e: unknown) => {
            over = true;
            if (ticket.current !== mine) return;
            setState({
              phase: 'error',
              message: `The check could not run: ${e instanceof Error ? e.message : String(e)}. Your design is untouched; try again.`,
            });
          },
        );
    },
    [exercise],
  );
  return { state, check };
}
