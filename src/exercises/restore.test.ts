import { describe, expect, it } from 'vitest';
import { restoreExercise, restoreWorkshop } from './restore.ts';
import { smallExercise, smallScenario } from './testing.ts';

const errorOf = (input: unknown): string => {
  const r = restoreExercise(input);
  if (r.ok) throw new Error('expected a failure');
  return r.error;
};

describe('restoreExercise', () => {
  it('restores an exercise from an object or JSON text, filling defaults', () => {
    for (const input of [
      smallExercise(),
      JSON.stringify(smallExercise()),
      `\uFEFF${JSON.stringify(smallExercise())}`,
    ]) {
      const r = restoreExercise(input);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.exercise.start.nodes).toHaveLength(3);
      expect(r.exercise.start.nodes[2]?.type).toBe('server');
      expect(r.exercise.goal.constraints.lockTraffic).toBe(true);
      expect(r.exercise.goal.constraints.locked).toEqual([]);
      expect(r.warnings).toEqual([]);
    }
  });

  it('says what is wrong with the envelope', () => {
    expect(errorOf('{"type": ')).toMatch(/not valid JSON/);
    expect(errorOf(42)).toMatch(/Expected an exercise object/);
    expect(errorOf(smallScenario())).toMatch(/This is a scenario, not an exercise/);
    expect(errorOf({ ...smallExercise(), type: 'scalelab-workshop' })).toMatch(
      /This is a workshop, not an exercise/,
    );
    expect(errorOf({ ...smallExercise(), version: 2 })).toMatch(/newer version of ScaleLab/);
    expect(errorOf({ ...smallExercise(), version: '1' })).toMatch(/"version" must be a whole number/);
  });

  it('names the field and what was expected', () => {
    expect(errorOf({ ...smallExercise(), title: '' })).toMatch(/title: must not be empty/);
    expect(errorOf({ ...smallExercise(), colour: 'red' })).toMatch(/unknown field "colour"/);
    expect(errorOf({ ...smallExercise(), goal: { conditions: [] } })).toMatch(
      /goal\.conditions: needs at least 1 entry/,
    );
    const bad = (condition: Record<string, unknown>) =>
      errorOf({ ...smallExercise(), goal: { conditions: [condition] } });
    expect(bad({ metric: 'p98', max: 1 })).toMatch(
      /goal\.conditions\[0\]\.metric: unknown metric "p98"; known: p50, p95, p99/,
    );
    expect(bad({ metric: 'p99' })).toMatch(/give a target: "min", "max" or both/);
    expect(bad({ metric: 'p99', min: 5, max: 1 })).toMatch(/min \(5\) is above max \(1\)/);
    expect(bad({ metric: 'hitRatio', min: 0.5 })).toMatch(/"hitRatio" is measured on a node/);
    expect(bad({ metric: 'hitRatio', type: 'server', min: 0.5 })).toMatch(
      /measured on cache, cdn, database nodes, not on a server/,
    );
    expect(bad({ metric: 'errorRate', node: 'web-1', max: 0 })).toMatch(
      /for the whole run: leave out "node"/,
    );
    expect(bad({ metric: 'p99', cause: 'timeout', max: 1 })).toMatch(/only "errors" takes a cause/);
    expect(bad({ metric: 'detectionMs', node: 'web-1', max: 1000 })).toMatch(
      /no event of the start scenario fails "web-1"/,
    );
    expect(bad({ metric: 'utilization', node: 'users', max: 0.5 })).toMatch(
      /"users" is a client; "utilization" is measured on/,
    );
  });

  it('warns when a condition names a node the start does not have', () => {
    const r = restoreExercise({
      ...smallExercise(),
      goal: { conditions: [{ metric: 'hitRatio', node: 'cache', min: 0.5 }] },
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings[0]).toMatch(/"cache", which the start does not have/);
  });

  it('checks locks and rules', () => {
    const withConstraints = (constraints: Record<string, unknown>) =>
      errorOf({ ...smallExercise(), goal: { conditions: [{ metric: 'p99', max: 1 }], constraints } });
    expect(withConstraints({ locked: ['db'] })).toMatch(/the start has no node "db" to lock/);
    expect(withConstraints({ locked: [{ node: 'web-1', fields: ['cores'] }] })).toMatch(
      /a server has no field "cores" \(it knows: role, workers/,
    );
    expect(withConstraints({ locked: [{ node: 'web-1', fields: 'traffic' }] })).toMatch(
      /"traffic" locks a client's traffic/,
    );
    expect(withConstraints({ locked: ['lb'], allowedTypes: ['client', 'server'] })).toMatch(
      /"lb" is locked but its type/,
    );
    expect(withConstraints({ locked: ['web-1'], maxCount: { server: 0 } })).toMatch(
      /1 server nodes are locked, more than the 0 allowed/,
    );
    expect(withConstraints({ rules: [{ label: 'x', check: { kind: 'everything' } }] })).toMatch(
      /unknown check kind "everything"/,
    );
    expect(withConstraints({ maxCount: { robot: 1 } })).toMatch(/goal\.constraints\.maxCount/);
  });

  it('sends the start through the scenario restore funnel', () => {
    const start = smallScenario({ nodes: [{ id: 'users', type: 'client', config: { rps: -1 } }], edges: [] });
    const r = restoreExercise({ ...smallExercise(), start });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/start scenario has a problem/);
      expect(r.problems[0]?.path).toBe('start.nodes[0] "users".config.rps');
    }
    expect(errorOf({ ...smallExercise(), start: undefined })).toMatch(/no "start" scenario/);
  });

  it('never throws, whatever it is given', () => {
    const weird: unknown[] = [
      null,
      undefined,
      [],
      '',
      '[]',
      'null',
      { type: 'scalelab-exercise' },
      Symbol.iterator,
    ];
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 5000; i++) {
      cursor.goal = {};
      cursor = cursor.goal as Record<string, unknown>;
    }
    weird.push({ ...smallExercise(), goal: deep });
    weird.push({
      ...smallExercise(),
      goal: {
        conditions: [{ metric: 'p99', max: 1 }],
        constraints: { rules: [{ label: 'x', check: deepCheck(200) }] },
      },
    });
    for (const w of weird) expect(() => restoreExercise(w)).not.toThrow();
  });
});

function deepCheck(depth: number): unknown {
  let c: unknown = { kind: 'ran', seconds: 1 };
  for (let i = 0; i < depth; i++) c = { kind: 'not', check: c };
  return c;
}

describe('restoreWorkshop', () => {
  const workshop = (exercises: unknown[]) => ({
    type: 'scalelab-workshop',
    version: 1,
    title: 'Week 3',
    exercises,
  });

  it('restores every exercise in order', () => {
    const r = restoreWorkshop(workshop([smallExercise(), smallExercise({ id: 'second', title: 'Second' })]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.workshop.exercises.map((e) => e.title)).toEqual(['Keep up with 300 req/s', 'Second']);
  });

  it('names the exercise that is wrong, and refuses duplicate ids', () => {
    const r = restoreWorkshop(workshop([smallExercise({ id: 'a' }), { ...smallExercise(), title: '' }]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/Exercise 2 of the workshop/);
      expect(r.problems[0]?.path).toBe('exercises[1].title');
    }
    const d = restoreWorkshop(workshop([smallExercise(), smallExercise()]));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(/id "small"/);
    const empty = restoreWorkshop(workshop([]));
    expect(empty.ok).toBe(false);
    expect(restoreWorkshop(smallExercise()).ok).toBe(false);
  });
});
