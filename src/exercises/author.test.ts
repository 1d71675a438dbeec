import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../scenario/restore.ts';
import { createExercise, createWorkshop, exerciseKey, partOf } from './author.ts';
import { evaluate } from './evaluate.ts';
import { decodeExerciseLink, encodeExerciseLink } from './exerciseLink.ts';
import { smallScenario, twoServers } from './testing.ts';

const canvas = restoreOrThrow(
  twoServers({
    nodes: [
      { id: 'users', type: 'client', config: { rps: 300 } },
      { id: 'lb', type: 'loadBalancer' },
      { id: 'web-1', type: 'server', config: { workers: 2, serviceTimeMs: 10 } },
      { id: 'web-2', type: 'server', config: { workers: 2, serviceTimeMs: 10 } },
    ],
    events: [
      { at: 5, action: 'fail', node: 'web-2' },
      { at: 6, action: 'cut', source: 'lb', target: 'web-2' },
    ],
  }),
);

describe('teacher authoring', () => {
  it('creates a valid exercise from a canvas, with an id made from the title, that travels as a link', () => {
    const r = createExercise({
      title: 'Survive a crash!',
      brief: 'web-2 dies at 5 s.',
      start: canvas,
      conditions: [{ metric: 'errorRate', max: 0.01 }],
      constraints: { maxCount: { server: 3 }, locked: ['users'] },
      hints: ['Retries?'],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.exercise.id).toBe('survive-a-crash');
    const back = decodeExerciseLink(encodeExerciseLink(r.exercise));
    expect(back.ok && back.exercise).toEqual(r.exercise);
    expect(evaluate(r.exercise, r.exercise.start).constraints.map((c) => c.id)).toEqual([
      'faults',
      'traffic',
      'lock:users',
      'maxCount:server',
    ]);
  });

  it('puts exercises in a workshop', () => {
    const a = createExercise({ title: 'A', start: canvas, conditions: [{ metric: 'p99', max: 100 }] });
    const b = createExercise({ title: 'B', start: canvas, conditions: [{ metric: 'p99', max: 50 }] });
    if (!a.ok || !b.ok) throw new Error('draft');
    const w = createWorkshop('Week 2', [a.exercise, b.exercise]);
    expect(w.ok && w.workshop.exercises.map((e) => e.id)).toEqual(['a', 'b']);
    expect(createWorkshop('Empty', []).ok).toBe(false);
    expect(createWorkshop('Twice', [a.exercise, a.exercise]).ok).toBe(false);
  });

  it('says what is wrong with a draft', () => {
    const r = createExercise({ title: 'x', start: canvas, conditions: [{ metric: 'p99' } as never] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/give a target/);
  });

  it('takes part of a canvas as the start, with the edges and events inside it', () => {
    const part = partOf(canvas, ['users', 'lb', 'web-1']);
    expect(part.ok).toBe(true);
    if (part.ok) {
      expect(part.scenario.nodes.map((n) => n.id)).toEqual(['users', 'lb', 'web-1']);
      expect(part.scenario.edges).toHaveLength(2);
      expect(part.scenario.events).toEqual([]);
      expect(part.scenario.seed).toBe(canvas.seed);
    }
    const withEvents = partOf(canvas, ['lb', 'web-2']);
    expect(withEvents.ok && withEvents.scenario.events.map((e) => e.action)).toEqual(['fail', 'cut']);
    expect(partOf(canvas, []).ok).toBe(false);
  });

  it('keys saved progress by the exercise’s content', () => {
    const make = (title: string, start = smallScenario()) => {
      const r = createExercise({ title, start, conditions: [{ metric: 'p99', max: 100 }] });
      if (!r.ok) throw new Error(r.error);
      return r.exercise;
    };
    expect(exerciseKey(make('A'))).toBe(exerciseKey(make('A')));
    expect(exerciseKey(make('A'))).not.toBe(exerciseKey(make('B')));
    expect(exerciseKey(make('A'))).not.toBe(exerciseKey(make('A', twoServers())));
    expect(exerciseKey(make('A'))).toMatch(/^id:a:[0-9a-f]{8}$/);
  });
});
