import { parseArgs } from 'node:util';
import {
  decodeExerciseLink,
  decodeWorkshopLink,
  type Exercise,
  evaluate,
  formatVerdict,
  linkKind,
  restoreExercise,
  restoreWorkshop,
  verdictJson,
  WORKSHOP_TYPE,
} from '../../exercises/index.ts';
import { getLesson, lessons } from '../../lessons/index.ts';
import { EXIT, type Io, UsageError } from '../io.ts';
import { loadScenario } from '../loadScenario.ts';

export const gradeHelp = `Usage: scalelab grade EXERCISE ATTEMPT [--exercise N] [--json]

Grades a design against an exercise: runs it at full speed with the exercise's seed, traffic
and faults, and checks every goal and design constraint.

  EXERCISE       an exercise file, an exercise link (#x1.… or a URL ending in one),
                 a workshop file or link (#w1.…) with --exercise N,
                 or lesson:ID for a built-in lesson's goal (see "scalelab lessons")
  ATTEMPT        the student's scenario: a file, - for standard input, or a share link
                 (#s1.… or a URL ending in one)
  --exercise N   which exercise of a workshop (1 = the first)
  --json         print one JSON object: passed, conditions, constraints, notes, run

Exit code: 0 passed, 1 not passed, 2 the exercise or the attempt cannot be read.
To grade a class: for f in submissions/*; do scalelab grade EXERCISE "$f"; done`;

export function grade(argv: string[], io: Io): number {
  const { values, positionals } = parseOrUsage(argv);
  if (values.help) {
    io.out(gradeHelp);
    return EXIT.ok;
  }
  if (positionals.length !== 2)
    throw new UsageError(`grade needs an exercise and an attempt.\n\n${gradeHelp}`);
  const [exerciseSource, attemptSource] = positionals as [string, string];
  if (exerciseSource === '-' && attemptSource === '-')
    throw new UsageError('Only one of the exercise and the attempt can come from standard input.');
  const index = values.exercise === undefined ? undefined : parseIndex(values.exercise);
  const exercise = loadExercise(exerciseSource, index, io);
  const attempt = loadScenario(attemptSource, io);
  const verdict = evaluate(exercise, attempt);
  if (values.json) io.out(JSON.stringify(verdictJson(verdict)));
  else io.out(formatVerdict(verdict));
  return verdict.passed ? EXIT.ok : EXIT.failed;
}

/** An exercise from a lesson id, a link, a file or standard input; any problem is a UsageError. */
export function loadExercise(source: string, index: number | undefined, io: Io): Exercise {
  const s = source.trim();
  if (s.startsWith('lesson:')) {
    const id = s.slice('lesson:'.length);
    const lesson = getLesson(id);
    if (!lesson)
      throw new UsageError(`No lesson with the id "${id}". Lessons: ${lessons.map((l) => l.id).join(', ')}.`);
    if (index !== undefined) throw new UsageError('--exercise is for workshops; a lesson has one goal.');
    return lesson.exercise;
  }
  const kind = linkKind(s);
  if (s.startsWith('#') && kind === null)
    throw new UsageError(
      `"${s.slice(0, 40)}" is not a ScaleLab link: an exercise link starts with #x1., a workshop link with #w1.`,
    );
  if (kind !== null && (s.startsWith('#') || /^https?:\/\//.test(s))) {
    if (kind === 's')
      throw new UsageError(
        'The first argument is a scenario link (#s1.…); grade needs the exercise first (#x1.…), then the attempt.',
      );
    if (kind === 'x') {
      const r = decodeExerciseLink(s);
      if (!r.ok) throw new UsageError(`The exercise link cannot be used.\n${r.error}`);
      if (index !== undefined)
        throw new UsageError('--exercise is for workshops; this link is one exercise.');
      return r.exercise;
    }
    const w = decodeWorkshopLink(s);
    if (!w.ok) throw new UsageError(`The workshop link cannot be used.\n${w.error}`);
    return pick(w.workshop.exercises, index, w.workshop.title);
  }
  let text: string;
  try {
    text = source === '-' ? io.readStdin() : io.readFile(source);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new UsageError(`Cannot read ${source === '-' ? 'standard input' : `"${source}"`}: ${why}.`);
  }
  const name = source === '-' ? 'Standard input' : `"${source}"`;
  if (isWorkshop(text)) {
    const w = restoreWorkshop(text);
    if (!w.ok) throw new UsageError(`${name} is not a usable workshop.\n${w.error}`);
    for (const warning of w.warnings) io.err(`Note: ${warning}.`);
    return pick(w.workshop.exercises, index, w.workshop.title);
  }
  const r = restoreExercise(text);
  if (!r.ok) throw new UsageError(`${name} is not a usable exercise.\n${r.error}`);
  if (index !== undefined) throw new UsageError('--exercise is for workshops; this file is one exercise.');
  for (const warning of r.warnings) io.err(`Note: ${warning}.`);
  return r.exercise;
}

function isWorkshop(text: string): boolean {
  try {
    const doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as { type?: unknown } | null;
    return doc !== null && typeof doc === 'object' && doc.type === WORKSHOP_TYPE;
  } catch {
    return false;
  }
}

function pick(exercises: Exercise[], index: number | undefined, title: string): Exercise {
  if (index === undefined) {
    if (exercises.length === 1) return exercises[0] as Exercise;
    throw new UsageError(
      `"${title}" is a workshop of ${exercises.length} exercises: say which with --exercise N (1–${exercises.length}):\n${exercises.map((e, i) => `  ${i + 1}. ${e.title}`).join('\n')}`,
    );
  }
  const ex = exercises[index - 1];
  if (!ex)
    throw new UsageError(
      `--exercise ${index}: the workshop has ${exercises.length} exercises (1–${exercises.length}).`,
    );
  return ex;
}

function parseIndex(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--exercise expects a whole number from 1, got "${text}".`);
  return n;
}

function parseOrUsage(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        exercise: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${gradeHelp}`);
  }
}
