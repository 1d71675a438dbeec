import { describe, expect, it } from 'vitest';
import { checkNeedsRun, evaluateCheck, snapshotOf } from '../exercises/index.ts';
import { restoreScenario } from '../scenario/restore.ts';
import {
  checkLesson,
  getLesson,
  type LessonCheck,
  lessonProgress,
  lessons,
  syllabusStatus,
} from './index.ts';

// Every lesson's contract, run through the engine with the lessons' own seeds: the start does
// not meet the goal, the reference solution does, and every number the text quotes is what
// the engine measures. Runs are short by design (the whole file takes a few seconds).

const checks = new Map<string, LessonCheck>();
const checked = (id: string): LessonCheck => {
  let c = checks.get(id);
  if (!c) {
    c = checkLesson(getLesson(id) as NonNullable<ReturnType<typeof getLesson>>);
    checks.set(id, c);
  }
  return c;
};

describe('the course', () => {
  it('has unique ids and numbers in order', () => {
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    expect(lessons.map((l) => l.number)).toEqual(lessons.map((_, i) => i + 1));
  });

  it('covers every syllabus topic the engine can simulate', () => {
    const status = syllabusStatus();
    expect(status.filter((t) => t.status === 'missing').map((t) => t.id)).toEqual([]);
    for (const t of status) if (t.status === 'waiting') expect(t.needs.length).toBeGreaterThan(0);
  });

  it('follows the syllabus order', () => {
    const order = syllabusStatus().map((t) => t.id);
    const topics = lessons.map((l) => order.indexOf(l.topic));
    expect(topics).toEqual([...topics].sort((a, b) => a - b));
  });

  it('keeps runs short', () => {
    for (const l of lessons) {
      const s = l.exercise.start;
      const requests = s.nodes.reduce((a, n) => a + (n.type === 'client' ? n.config.rps * s.duration : 0), 0);
      expect(requests, l.id).toBeLessThan(300_000);
    }
  });
});

describe.each(lessons.map((l) => [l.id, l] as const))('lesson %s', (id, lesson) => {
  it('has a start that misses the goal and a solution that meets it', () => {
    const c = checked(id);
    expect(c.problems).toEqual([]);
    expect(c.start.passed).toBe(false);
    expect(c.solution.passed).toBe(true);
    // The start fails on results, not only on a technicality.
    expect(c.start.conditions.some((x) => !x.passed)).toBe(true);
  });

  it('quotes numbers the engine measures', () => {
    for (const f of checked(id).facts)
      expect(f.passed, `${f.of}: ${f.says} (measured ${f.measured})`).toBe(true);
  });

  it('has steps the solution completes and the start does not', () => {
    const c = checked(id);
    const report = c.solution.report;
    expect(report).not.toBeNull();
    const solved = lessonProgress(lesson, {
      scenario: lesson.solution,
      run: report ? snapshotOf(report) : null,
    });
    expect(solved.steps.filter((s) => !s.done).map((s) => s.id)).toEqual([]);
    for (const step of lesson.steps) {
      if (checkNeedsRun(step.check)) continue;
      expect(evaluateCheck(step.check, { scenario: lesson.exercise.start }).met, step.id).toBe(false);
    }
  });

  it('has a start and a solution that are plain scenario documents', () => {
    expect(restoreScenario(JSON.parse(JSON.stringify(lesson.exercise.start))).ok).toBe(true);
    expect(restoreScenario(JSON.parse(JSON.stringify(lesson.solution))).ok).toBe(true);
  });
});
