import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeExerciseLink, encodeWorkshopLink, exerciseOrThrow } from '../exercises/index.ts';
import { smallExercise, smallScenario, twoServers } from '../exercises/testing.ts';
import { getLesson } from '../lessons/index.ts';
import { restoreOrThrow } from '../scenario/restore.ts';
import { encodeScenarioLink } from '../share/shareLink.ts';
import type { Io } from './io.ts';
import { main } from './main.ts';

function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return f;
    },
    readStdin: () => files['-'] ?? '',
  };
  return { io, out, err };
}

const files = {
  'exercise.json': JSON.stringify(smallExercise()),
  'start.json': JSON.stringify(smallScenario()),
  'fixed.json': JSON.stringify(twoServers()),
};

async function grade(argv: string[], extra: Record<string, string> = {}) {
  const { io, out, err } = fakeIo({ ...files, ...extra });
  const code = await main(['grade', ...argv], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('scalelab grade', () => {
  it('passes a design that meets the goal: exit 0 and a readable verdict', async () => {
    const r = await grade(['exercise.json', 'fixed.json']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Keep up with 300 req\/s\nPASSED — every goal is met\./);
    expect(r.out).toMatch(/✓ p99 latency ≤ 100 ms\s+measured [\d.]+ ms/);
    expect(r.out).toMatch(/✓ Costs at most \$300\/month\s+\$200\/month/);
    expect(r.err).toBe('');
  });

  it('fails a design that misses it: exit 1, the measured value and a hint', async () => {
    const r = await grade(['exercise.json', 'start.json']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/NOT YET — 1 of 1 goal missed\./);
    expect(r.out).toMatch(/✗ p99 latency ≤ 100 ms\s+measured [\d.,]+ m?s\n\s+hint: /);
  });

  it('--json prints one object with the verdict and the run', async () => {
    const r = await grade(['exercise.json', 'start.json', '--json']);
    expect(r.code).toBe(1);
    const v = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(v).sort()).toEqual(['conditions', 'constraints', 'notes', 'passed', 'run', 'title']);
    expect(v.passed).toBe(false);
    expect((v.conditions as Array<Record<string, unknown>>)[0]).toMatchObject({
      metric: 'p99',
      passed: false,
      target: { max: 100 },
    });
    expect(v.run).toMatchObject({ seed: 3, duration: 10, warmup: 1 });
  });

  it('takes the exercise and the attempt as links, and a built-in lesson’s goal', async () => {
    const exLink = encodeExerciseLink(exerciseOrThrow(smallExercise()));
    const attemptLink = encodeScenarioLink(restoreOrThrow(twoServers()));
    expect((await grade([exLink, attemptLink])).code).toBe(0);
    expect(
      (await grade([`https://scalelab.example/${exLink}`, `https://scalelab.example/${attemptLink}`])).code,
    ).toBe(0);

    const lesson = getLesson('failover');
    const solution = JSON.stringify(lesson?.solution);
    const start = JSON.stringify(lesson?.exercise.start);
    expect((await grade(['lesson:failover', 'mine.json'], { 'mine.json': solution })).code).toBe(0);
    expect((await grade(['lesson:failover', '-'], { '-': start })).code).toBe(1);
  });

  it('grades one exercise of a workshop with --exercise N', async () => {
    const ex = exerciseOrThrow(smallExercise());
    const harder = exerciseOrThrow(
      smallExercise({ id: 'harder', title: 'Harder', goal: { conditions: [{ metric: 'p99', max: 1 }] } }),
    );
    const workshop = { type: 'scalelab-workshop', version: 1, title: 'Week 1', exercises: [ex, harder] };
    const w = { 'w.json': JSON.stringify(workshop) };
    expect((await grade(['w.json', 'fixed.json', '--exercise', '1'], w)).code).toBe(0);
    expect((await grade(['w.json', 'fixed.json', '--exercise', '2'], w)).code).toBe(1);
    const which = await grade(['w.json', 'fixed.json'], w);
    expect(which.code).toBe(2);
    expect(which.err).toMatch(
      /workshop of 2 exercises: say which with --exercise N \(1–2\):\n\s+1\. Keep up/,
    );
    expect((await grade(['w.json', 'fixed.json', '--exercise', '3'], w)).code).toBe(2);
    const link = encodeWorkshopLink({
      type: 'scalelab-workshop',
      version: 1,
      title: 'Week 1',
      description: '',
      exercises: [ex, harder],
    });
    expect((await grade([link, 'fixed.json', '--exercise', '1'])).code).toBe(0);
  });

  it('refuses invalid input with exit code 2 and a clear message', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['nope.json', 'fixed.json'], {}, /Cannot read "nope\.json": no such file/],
      [
        ['bad.json', 'fixed.json'],
        { 'bad.json': '{"type": ' },
        /"bad\.json" is not a usable exercise\.\nThis is not valid JSON/,
      ],
      [['start.json', 'fixed.json'], {}, /This is a scenario, not an exercise/],
      [
        ['x.json', 'fixed.json'],
        {
          'x.json': JSON.stringify({ ...smallExercise(), goal: { conditions: [{ metric: 'p98', max: 1 }] } }),
        },
        /goal\.conditions\[0\]\.metric: unknown metric "p98"/,
      ],
      [['exercise.json', 'exercise.json'], {}, /"exercise\.json" is not a usable scenario/],
      [['exercise.json', 'broken.json'], { 'broken.json': '[]' }, /"broken\.json" is not a usable scenario/],
      [['#x1.@@', 'fixed.json'], {}, /The exercise link cannot be used\.\nThis link is damaged/],
      [['lesson:nope', 'fixed.json'], {}, /No lesson with the id "nope"/],
      [['exercise.json'], {}, /grade needs an exercise and an attempt/],
      [['-', '-'], {}, /Only one of the exercise and the attempt/],
      [['exercise.json', 'fixed.json', '--exercise', '1'], {}, /--exercise is for workshops/],
      [['exercise.json', 'fixed.json', '--exercise', 'two'], {}, /--exercise expects a whole number/],
    ];
    for (const [argv, extra, message] of cases) {
      const r = await grade(argv, extra);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(message);
      expect(r.err).not.toMatch(/Internal error/);
    }
  });
});

describe('docs/lessons.md', () => {
  it('its example exercise fails its start and passes its example attempt', async () => {
    const doc = readFileSync(new URL('../../docs/lessons.md', import.meta.url), 'utf8');
    const block = (name: string) => {
      const m = new RegExp(`<!-- example: ${name} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(doc);
      if (!m) throw new Error(`no "${name}" example in docs/lessons.md`);
      return m[1] as string;
    };
    const exercise = block('exercise');
    const start = JSON.stringify((JSON.parse(exercise) as { start: unknown }).start);
    const docs = { 'ex.json': exercise, 'start.json': start, 'attempt.json': block('attempt') };
    const failed = await grade(['ex.json', 'start.json', '--json'], docs);
    expect(failed.code).toBe(1);
    const v = JSON.parse(failed.out) as { conditions: Array<{ measured: number }> };
    // The page quotes these: p99 3.8 s and 0.95% errors.
    expect(v.conditions[0]?.measured).toBeGreaterThan(3500);
    expect(v.conditions[0]?.measured).toBeLessThan(4100);
    expect(v.conditions[1]?.measured).toBeCloseTo(0.0095, 3);
    const passed = await grade(['ex.json', 'attempt.json'], docs);
    expect(passed.code).toBe(0);
    expect(passed.out).toMatch(/\$340\/month/);
  });
});
