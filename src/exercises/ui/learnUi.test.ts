import { describe, expect, it } from 'vitest';
import { splitCode } from '../../lessons/ui/text.ts';
import { restoreOrThrow } from '../../scenario/index.ts';
import { evaluate } from '../evaluate.ts';
import { exerciseOrThrow } from '../restore.ts';
import { smallExercise, smallScenario, twoServers } from '../testing.ts';
import {
  buildDraft,
  emptyForm,
  linkUrl,
  metricChoices,
  parseTarget,
  targetChoices,
  withMetric,
} from './authoring.ts';
import { gradeApi } from './gradeApi.ts';
import { type KeyValueStore, lessonProgressStore } from './savedProgress.ts';
import {
  describeConstraints,
  editLocksFor,
  firstUnfinished,
  lockedNodes,
  progressText,
  runForSteps,
  sameDesign,
  verdictHeadline,
} from './verdictView.ts';

const scenario = (input = smallScenario()) => restoreOrThrow(input);

describe('lesson text', () => {
  it('shows `names` as code and leaves an unmatched backtick as typed', () => {
    expect(splitCode('Select `lb` and set `retries`.')).toEqual([
      { code: false, text: 'Select ' },
      { code: true, text: 'lb' },
      { code: false, text: ' and set ' },
      { code: true, text: 'retries' },
      { code: false, text: '.' },
    ]);
    expect(splitCode('a `b')).toEqual([{ code: false, text: 'a `b' }]);
    expect(splitCode('<b>bold</b>')).toEqual([{ code: false, text: '<b>bold</b>' }]);
  });
});

describe('grading in the worker', () => {
  it('gives the same verdict as evaluate, with progress on the way', () => {
    const exercise = exerciseOrThrow(smallExercise());
    const attempt = scenario(twoServers());
    const seen: number[] = [];
    const v = gradeApi.grade(exercise, attempt, (f) => seen.push(f));
    const direct = evaluate(exercise, attempt);
    expect(v.passed).toBe(direct.passed);
    expect(v.conditions).toEqual(direct.conditions);
    expect(v.constraints).toEqual(direct.constraints);
    expect('scenario' in v).toBe(false);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Math.max(...seen)).toBeLessThan(1);
  });

  it('says in one line what passed and what did not', () => {
    const exercise = exerciseOrThrow(smallExercise());
    expect(verdictHeadline(evaluate(exercise, scenario(twoServers())))).toBe('Passed: every goal is met.');
    expect(verdictHeadline(evaluate(exercise, scenario()))).toBe('Not yet: 1 of 1 goal missed.');
    expect(progressText(0.456)).toBe('Checking… 46%');
  });
});

describe('exercise rules in words', () => {
  const exercise = exerciseOrThrow(
    smallExercise({
      goal: {
        conditions: [{ metric: 'p99', max: 100 }],
        constraints: {
          budgetPerMonth: 2000,
          maxCount: { server: 4 },
          locked: ['web-1', { node: 'users', fields: 'traffic' }, { node: 'lb', fields: ['retries'] }],
        },
      },
    }),
  );
  it('lists locked nodes and what of them is locked', () => {
    expect([...lockedNodes(exercise)]).toEqual([
      ['web-1', 'all settings'],
      ['users', 'its traffic'],
      ['lb', 'retries'],
    ]);
  });
  it('tells the editor what may not change', () => {
    const locks = editLocksFor(exercise);
    expect(locks.get('web-1')?.all).toBe(true);
    expect(locks.get('users')).toMatchObject({ all: false });
    expect(locks.get('lb')).toEqual({
      all: false,
      reason: 'Locked by the exercise: retries stays as given.',
    });
  });
  it('describes the constraints', () => {
    expect(describeConstraints(exercise, (t) => t)).toEqual([
      'At most 4 × server',
      'Budget: $2,000 a month',
      'The traffic stays as given',
      '`web-1` is locked (all settings)',
      '`users` is locked (its traffic)',
      '`lb` is locked (retries)',
    ]);
  });
});

describe('what guided steps see of runs', () => {
  it('takes the clock and faults from the live run and the report from the last finished run', () => {
    expect(runForSteps(null, null)).toBeNull();
    const report = evaluate(exerciseOrThrow(smallExercise()), scenario()).report;
    const fromCheck = runForSteps(null, report);
    expect(fromCheck?.seconds).toBe(0);
    expect(fromCheck?.report).toBe(report);
    const live = runForSteps({ seconds: 12, faults: [{ action: 'fail', target: 'web-1' }] }, null);
    expect(live).toEqual({ seconds: 12, faults: [{ action: 'fail', target: 'web-1' }], report: null });
  });

  it('knows when the canvas shows the design that was opened', () => {
    const a = scenario();
    expect(sameDesign(a, { ...a, nodes: a.nodes.map((n) => ({ ...n, position: { x: 9, y: 9 } })) })).toBe(
      true,
    );
    expect(sameDesign(a, scenario(twoServers()))).toBe(false);
  });

  it('opens a workshop at its first exercise not passed', () => {
    expect(firstUnfinished(['a', 'b', 'c'], (k) => k === 'a')).toBe(1);
    expect(firstUnfinished(['a', 'b'], () => true)).toBe(0);
  });
});

describe('the create-exercise form', () => {
  const canvas = scenario(twoServers());

  it('reads targets in the unit shown: percent for ratios', () => {
    expect(parseTarget('0.5', 'ratio')).toBe(0.005);
    expect(parseTarget('1,500', 'ms')).toBe(1500);
    expect(parseTarget('$2,000', 'usd')).toBe(2000);
    expect(parseTarget('lots', 'ms')).toBeNull();
    expect(parseTarget(' ', 'ms')).toBeNull();
  });

  it('offers the nodes a metric can be about', () => {
    expect(targetChoices('p99', canvas).map((c) => c.value)).toEqual(['', 'users']);
    expect(targetChoices('utilization', canvas).map((c) => c.value)).toEqual([
      'type:loadBalancer',
      'type:server',
      'lb',
      'web-1',
      'web-2',
    ]);
    // Fault metrics need a fault in the start.
    expect(metricChoices(canvas).map((m) => m.id)).not.toContain('detectionMs');
    const faulty = scenario(twoServers({ events: [{ at: 5, action: 'fail', node: 'web-1' }] }));
    expect(targetChoices('detectionMs', faulty)).toEqual([{ value: 'web-1', label: 'web-1' }]);
    const row = withMetric(emptyForm().conditions[0] as never, 'hitRatio', canvas);
    expect(row.bound).toBe('min');
  });

  it('builds a draft: goals, constraints, locks, hints, and the selected part as the start', () => {
    const form = {
      ...emptyForm(['lb', 'web-1']),
      title: '  Two servers  ',
      hints: 'first\n\n second ',
      conditions: [
        { key: 1, metric: 'errorRate' as const, bound: 'max' as const, value: '0.1', target: '' },
        { key: 2, metric: 'utilization' as const, bound: 'max' as const, value: '60', target: 'type:server' },
      ],
      maxCount: { server: '3', cache: '' },
      budget: '500',
      locked: ['web-1', 'users'],
    };
    const r = buildDraft(form, canvas, ['lb', 'web-1']);
    if (!r.ok) throw new Error(r.error);
    expect(r.draft.title).toBe('Two servers');
    expect(r.draft.conditions).toEqual([
      { metric: 'errorRate', max: 0.001 },
      { metric: 'utilization', max: 0.6, type: 'server' },
    ]);
    expect(r.draft.constraints).toEqual({
      maxCount: { server: 3 },
      budgetPerMonth: 500,
      locked: ['web-1'], // users is not in the selected part
      lockTraffic: true,
    });
    expect(r.draft.hints).toEqual(['first', 'second']);
    expect(r.start.nodes.map((n) => n.id)).toEqual(['lb', 'web-1']);
  });

  it('says what to fix first', () => {
    const base = { ...emptyForm(), title: 'T' };
    expect(buildDraft({ ...base, title: ' ' }, canvas, [])).toEqual({
      ok: false,
      error: 'Give the exercise a title.',
    });
    expect(buildDraft({ ...base, conditions: [] }, canvas, [])).toMatchObject({ ok: false });
    const bad = buildDraft(
      { ...base, conditions: [{ key: 1, metric: 'p99', bound: 'max', value: 'soon', target: '' }] },
      canvas,
      [],
    );
    expect(bad).toEqual({ ok: false, error: 'Goal 1 (p99 latency): type a number.' });
    expect(buildDraft({ ...base, maxCount: { server: '2.5' } }, canvas, [])).toMatchObject({ ok: false });
    expect(buildDraft({ ...base, start: 'selection' }, canvas, [])).toMatchObject({ ok: false });
  });

  it('makes the link the teacher sends', () => {
    expect(linkUrl({ origin: 'https://x.org', pathname: '/lab/', search: '' }, '#x1.abc')).toBe(
      'https://x.org/lab/#x1.abc',
    );
  });
});

describe('saved progress', () => {
  const memory = (): KeyValueStore & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  };
  it('keeps lesson steps and passes, and reads garbage as nothing saved', () => {
    const store = memory();
    lessonProgressStore.update(store, 'failover', () => ({ steps: ['a'], passed: false }));
    lessonProgressStore.update(store, 'failover', (old) => ({ steps: old?.steps ?? [], passed: true }));
    expect(lessonProgressStore.get(store, 'failover')).toEqual({ steps: ['a'], passed: true });
    store.data.set('scalelab.lessons.v1', '{"x": {"steps": 3}, "y": {"steps": [], "passed": true}}');
    expect(lessonProgressStore.read(store)).toEqual({ y: { steps: [], passed: true } });
    store.data.set('scalelab.lessons.v1', 'not json');
    expect(lessonProgressStore.read(store)).toEqual({});
    expect(lessonProgressStore.read(null)).toEqual({});
  });
});
