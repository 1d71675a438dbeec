import { describe, expect, it } from 'vitest';
import { checkNeedsRun, evaluateCheck, snapshotOf } from '../exercises/index.ts';
import { smallScenario, twoServers } from '../exercises/testing.ts';
import { restoreOrThrow, restoreScenario } from '../scenario/restore.ts';
import {
  checkLesson,
  getLesson,
  type LessonCheck,
  lessonErrors,
  lessonProgress,
  lessons,
  syllabusStatus,
} from './index.ts';
import { defineLesson, type LessonSource } from './schema.ts';

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
  it('builds every lesson', () => {
    expect(lessonErrors).toEqual([]);
  });

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

describe('the lesson machinery', () => {
  const source = (overrides: Partial<LessonSource> = {}): LessonSource => ({
    id: 'tiny',
    topic: 'horizontal-scaling',
    title: 'Tiny',
    summary: 'A tiny lesson.',
    why: 'Because.',
    try: 'Add a server.',
    notice: 'Latency.',
    chart: 'latency',
    steps: [
      { id: 'run', do: 'Run it.', done: 'Ran.', check: { kind: 'ran', seconds: 5 } },
      {
        id: 'add',
        do: 'Add a server.',
        done: 'Added.',
        check: { kind: 'nodes', match: { type: 'server', from: 'lb' }, min: 2 },
      },
    ],
    goal: { brief: 'p99 under 100 ms.', conditions: [{ metric: 'p99', max: 100 }] },
    hints: ['Two servers.'],
    takeaway: 'More is more.',
    facts: [{ of: 'start', says: 'p99 is tiny', condition: { metric: 'p99', max: 1 } }],
    start: smallScenario(),
    solution: twoServers(),
    ...overrides,
  });

  it('checkLesson reports a start that passes, a solution that fails and a false fact', () => {
    const c = checkLesson(defineLesson(1, source({ start: twoServers(), solution: smallScenario() })));
    expect(c.ok).toBe(false);
    expect(c.problems[0]).toBe('the start scenario already meets the goal');
    expect(c.problems[1]).toMatch(/^the solution misses: p99 latency ≤ 100 ms \(/);
    expect(c.problems[2]).toMatch(/^the text says "p99 is tiny" of the start, but the engine measures/);
  });

  it('defineLesson refuses a lesson with a bad goal, solution or variant', () => {
    expect(() =>
      defineLesson(1, source({ goal: { brief: 'x', conditions: [{ metric: 'p98', max: 1 }] } })),
    ).toThrow(/Lesson tiny: goal\.conditions\.0\.metric: unknown metric "p98"/);
    expect(() =>
      defineLesson(1, source({ solution: { type: 'scalelab-scenario', version: 1, nodes: 5 } })),
    ).toThrow(/Lesson tiny, solution:/);
    expect(() =>
      defineLesson(
        1,
        source({ variants: { v: { from: 'start', set: [{ node: 'nope', path: 'workers', value: 2 }] } } }),
      ),
    ).toThrow(/variant v: no node "nope"/);
    expect(() =>
      defineLesson(1, source({ facts: [{ of: 'ghost', says: 'x', condition: { metric: 'p99', max: 1 } }] })),
    ).toThrow(/"ghost", which is not a variant/);
  });

  it('lessonProgress notices what was done, keeps done steps done, and points at the next one', () => {
    const lesson = defineLesson(1, source());
    const start = lesson.exercise.start;
    const fresh = lessonProgress(lesson, { scenario: start });
    expect(fresh).toMatchObject({ current: 0, lastDone: null, allDone: false });
    expect(fresh.steps[0]).toEqual({ id: 'run', done: false, waitingForRun: true });

    const ran = lessonProgress(lesson, { scenario: start, run: { seconds: 6, faults: [] } });
    expect(ran.current).toBe(1);
    expect(ran.lastDone?.id).toBe('run');

    const fixed = restoreOrThrow(twoServers());
    // The learner added the server before running: the later step is done, the first is still current.
    expect(lessonProgress(lesson, { scenario: fixed }).steps.map((s) => s.done)).toEqual([false, true]);
    // Once done, a step stays done even if the document changes back.
    const sticky = lessonProgress(lesson, { scenario: start }, new Set(['run', 'add']));
    expect(sticky).toMatchObject({ current: null, allDone: true });
    expect(sticky.lastDone?.id).toBe('add');
  });
});
