import { evaluate, measureCondition, type Verdict } from '../exercises/index.ts';
import type { Lesson } from './schema.ts';

/**
 * The lesson contract, checked in CI and by `scalelab lessons --check`: the start scenario
 * does not meet the goal, the reference solution does, and every number the text quotes
 * (its facts) is what the engine measures.
 */
export interface FactResult {
  of: string;
  says: string;
  measured: string;
  passed: boolean;
}

export interface LessonCheck {
  id: string;
  start: Verdict;
  solution: Verdict;
  facts: FactResult[];
  ok: boolean;
  /** What is wrong, for people. Empty when ok. */
  problems: string[];
}

export function checkLesson(lesson: Lesson): LessonCheck {
  const start = evaluate(lesson.exercise, lesson.exercise.start);
  const solution = evaluate(lesson.exercise, lesson.solution);
  const variants = new Map<string, Verdict>();
  const verdictOf = (of: string): Verdict => {
    if (of === 'start') return start;
    if (of === 'solution') return solution;
    let v = variants.get(of);
    if (!v) {
      v = evaluate(lesson.exercise, lesson.variants[of] as Lesson['solution']);
      variants.set(of, v);
    }
    return v;
  };
  const facts = lesson.facts.map((f): FactResult => {
    const report = verdictOf(f.of).report;
    if (!report) return { of: f.of, says: f.says, measured: 'no run', passed: false };
    const m = measureCondition(f.condition, report);
    return { of: f.of, says: f.says, measured: m.measuredText, passed: m.passed };
  });
  const problems: string[] = [];
  if (start.passed) problems.push('the start scenario already meets the goal');
  if (!solution.passed) {
    const missed = [...solution.conditions, ...solution.constraints]
      .filter((c) => !c.passed)
      .map((c) => `${c.label} (${'measuredText' in c ? c.measuredText : c.detail})`);
    problems.push(`the solution misses: ${missed.join('; ')}`);
  }
  for (const f of facts)
    if (!f.passed)
      problems.push(
        `the text says "${f.says}" of ${f.of === 'start' || f.of === 'solution' ? `the ${f.of}` : `the variant "${f.of}"`}, but the engine measures ${f.measured}`,
      );
  return { id: lesson.id, start, solution, facts, ok: problems.length === 0, problems };
}
