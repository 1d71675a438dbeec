import { parseArgs } from 'node:util';
import type { Verdict } from '../../exercises/index.ts';
import { checkLesson, type LessonCheck, lessons, syllabusStatus } from '../../lessons/index.ts';
import { EXIT, type Io, UsageError } from '../io.ts';

export const lessonsHelp = `Usage: scalelab lessons [--json]
       scalelab lessons --check [ID…] [--json]
       scalelab lessons --export start|solution|exercise ID

Lists the built-in lessons in course order, one or more per syllabus topic.

  --json     print one JSON array instead: id, title, topic, summary for each lesson
  --check    run every lesson's start scenario and reference solution (or only the lessons
             named) through the engine with their seeds, and print a table. Exits 1 if a
             solution misses its goal, a start already meets it, or a number a lesson's
             text quotes is not what the engine measures.
  --export   print a lesson's start scenario, reference solution, or goal as an exercise
             document (JSON), e.g. to edit it or to grade with it.`;

export function lessonsCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseOrUsage(argv);
  if (values.help) {
    io.out(lessonsHelp);
    return EXIT.ok;
  }
  if (values.export !== undefined) return exportLesson(values.export, positionals, io);
  if (!values.check) {
    if (positionals.length > 0)
      throw new UsageError(`lessons takes lesson ids only with --check.\n\n${lessonsHelp}`);
    io.out(values.json ? JSON.stringify(lessonList()) : formatList());
    return EXIT.ok;
  }
  const unknown = positionals.filter((id) => !lessons.some((l) => l.id === id));
  if (unknown.length > 0)
    throw new UsageError(
      `No lesson with the id ${unknown.map((u) => `"${u}"`).join(', ')}. Lessons: ${lessons.map((l) => l.id).join(', ')}.`,
    );
  const chosen = positionals.length > 0 ? lessons.filter((l) => positionals.includes(l.id)) : lessons;
  const results: Array<{ check: LessonCheck; wallMs: number }> = [];
  for (const lesson of chosen) {
    const t0 = performance.now();
    const check = checkLesson(lesson);
    results.push({ check, wallMs: performance.now() - t0 });
  }
  if (values.json) io.out(JSON.stringify(results.map(({ check, wallMs }) => checkJson(check, wallMs))));
  else io.out(formatChecks(results));
  return results.every((r) => r.check.ok) ? EXIT.ok : EXIT.failed;
}

function exportLesson(what: string, ids: string[], io: Io): number {
  if (what !== 'start' && what !== 'solution' && what !== 'exercise')
    throw new UsageError(`--export takes start, solution or exercise, got "${what}".`);
  if (ids.length !== 1) throw new UsageError(`--export ${what} needs exactly one lesson id.`);
  const lesson = lessons.find((l) => l.id === ids[0]);
  if (!lesson)
    throw new UsageError(
      `No lesson with the id "${ids[0]}". Lessons: ${lessons.map((l) => l.id).join(', ')}.`,
    );
  const doc =
    what === 'start' ? lesson.exercise.start : what === 'solution' ? lesson.solution : lesson.exercise;
  io.out(JSON.stringify(doc, null, 2));
  return EXIT.ok;
}

function lessonList() {
  return lessons.map((l) => ({
    id: l.id,
    number: l.number,
    title: l.title,
    topic: l.topic,
    topicTitle: l.topicTitle,
    summary: l.summary,
  }));
}

function formatList(): string {
  const lines: string[] = [];
  const topics = new Set(lessons.map((l) => l.topic)).size;
  lines.push(`ScaleLab lessons — ${lessons.length} lessons on ${topics} topics`);
  lines.push('');
  const idWidth = Math.max(...lessons.map((l) => l.id.length)) + 2;
  for (const l of lessons) {
    lines.push(`${String(l.number).padStart(2)}  ${l.id.padEnd(idWidth)}${l.title}`);
    lines.push(`    ${' '.repeat(idWidth)}${l.topicTitle} · ${l.summary}`);
  }
  const waiting = syllabusStatus().filter((t) => t.status !== 'ready');
  if (waiting.length > 0) {
    lines.push('');
    for (const t of waiting)
      lines.push(
        t.status === 'waiting'
          ? `Waiting for the engine: ${t.title} (needs ${t.needs.join(', ')}).`
          : `No lesson yet: ${t.title}.`,
      );
  }
  lines.push('');
  lines.push(
    'Open one in the app from the lesson picker; grade a design with: scalelab grade lesson:ID FILE',
  );
  return lines.join('\n');
}

/** "p99 6,120 ms" for each condition, ✗ on the failed ones. */
function measures(v: Verdict): string {
  const parts = v.conditions.map(
    (c) => `${c.passed ? '' : '✗ '}${shortLabel(c.label)} ${c.measured === null ? '—' : c.measuredText}`,
  );
  const broken = v.constraints.filter((c) => !c.passed).length;
  if (broken > 0) parts.push(`✗ ${broken} design constraint${broken === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** The label without its target: "p99 latency ≤ 150 ms" → "p99 latency". */
function shortLabel(label: string): string {
  const s = label.replace(/\s*(≤|≥|=|between)\s.*$/, '');
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function formatChecks(results: Array<{ check: LessonCheck; wallMs: number }>): string {
  const lines: string[] = [];
  const idWidth = Math.max(6, ...results.map((r) => r.check.id.length)) + 2;
  lines.push(`${'lesson'.padEnd(idWidth)}start must fail / solution must pass`);
  for (const { check: c, wallMs } of results) {
    const facts =
      c.facts.length === 0 ? '' : `  facts ${c.facts.filter((f) => f.passed).length}/${c.facts.length}`;
    lines.push(
      `${c.id.padEnd(idWidth)}${c.ok ? '✓' : '✗'} start ${c.start.passed ? 'PASSES (wrong)' : 'fails'}: ${measures(c.start)}`,
    );
    lines.push(
      `${' '.repeat(idWidth)}  solution ${c.solution.passed ? 'passes' : 'FAILS (wrong)'}: ${measures(c.solution)}${facts}  (${(wallMs / 1000).toFixed(1)} s)`,
    );
  }
  const bad = results.filter((r) => !r.check.ok);
  lines.push('');
  if (bad.length === 0) lines.push(`${results.length} lesson${results.length === 1 ? '' : 's'}: all good.`);
  else {
    lines.push(`${bad.length} of ${results.length} lesson${results.length === 1 ? '' : 's'} with problems:`);
    for (const { check } of bad) for (const p of check.problems) lines.push(`  ${check.id}: ${p}`);
  }
  return lines.join('\n');
}

function checkJson(c: LessonCheck, wallMs: number) {
  const brief = (v: Verdict) => ({
    passed: v.passed,
    conditions: v.conditions.map(({ label, measured, passed }) => ({ label, measured, passed })),
    constraints: v.constraints.map(({ label, detail, passed }) => ({ label, detail, passed })),
  });
  return {
    id: c.id,
    ok: c.ok,
    start: brief(c.start),
    solution: brief(c.solution),
    facts: c.facts,
    problems: c.problems,
    wallMs: Math.round(wallMs),
  };
}

function parseOrUsage(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        export: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${lessonsHelp}`);
  }
}
