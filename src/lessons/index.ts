import horizontalScaling from './01-horizontal-scaling/lesson.ts';
import redundancy from './02-redundancy/lesson.ts';
import failover from './03-failover/lesson.ts';
import balancingStrategies from './04-balancing-strategies/lesson.ts';
import smartClient from './05-smart-client/lesson.ts';
import hardwareVsSoftware from './06-hardware-vs-software/lesson.ts';
import applicationCache from './07-application-cache/lesson.ts';
import databaseCache from './08-database-cache/lesson.ts';
import evictionAndVolatility from './09-eviction-and-volatility/lesson.ts';
import invalidation from './10-invalidation/lesson.ts';
import cdn from './11-cdn/lesson.ts';
import offlineProcessing from './12-offline-processing/lesson.ts';
import scheduledJobs from './13-scheduled-jobs/lesson.ts';
import mapReduce from './14-map-reduce/lesson.ts';
import platformLayer from './15-platform-layer/lesson.ts';
import { defineLesson, type Lesson, type LessonSource } from './schema.ts';
import { missingTypes, syllabus, type TopicId } from './syllabus.ts';

/**
 * The course: built-in lessons in the order a learner meets them, following the syllabus
 * (`shared/SYLLABUS.md`). Each lesson lives in its own folder (`<nn>-<id>/lesson.ts`, with its
 * start and solution scenarios as plain documents in `start.ts` and `solution.ts`); see
 * `docs/lessons.md` for how to write one.
 */
const sources: LessonSource[] = [
  horizontalScaling,
  redundancy,
  failover,
  balancingStrategies,
  smartClient,
  hardwareVsSoftware,
  applicationCache,
  databaseCache,
  evictionAndVolatility,
  invalidation,
  cdn,
  offlineProcessing,
  scheduledJobs,
  mapReduce,
  platformLayer,
];

const built = sources.map((s, i): Lesson | Error => {
  try {
    return defineLesson(i + 1, s);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
});

/**
 * Lessons that could not be built (a schema change broke one): left out of the course rather
 * than breaking the app. The lessons test requires this list to be empty.
 */
export const lessonErrors: readonly string[] = built.filter((b) => b instanceof Error).map((e) => e.message);

export const lessons: readonly Lesson[] = built.filter((b): b is Lesson => !(b instanceof Error));

export function getLesson(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}

/** The picker's view: each syllabus topic, its lessons, or why it has none yet. */
export interface TopicStatus {
  id: TopicId;
  title: string;
  lessons: Array<Pick<Lesson, 'id' | 'number' | 'title' | 'summary'>>;
  /** "ready": has lessons; "waiting": needs component types the engine does not simulate yet. */
  status: 'ready' | 'waiting' | 'missing';
  /** For a waiting topic: the component types it needs. */
  needs: string[];
}

export function syllabusStatus(): TopicStatus[] {
  return syllabus.map((t) => {
    const ls = lessons
      .filter((l) => l.topic === t.id)
      .map(({ id, number, title, summary }) => ({ id, number, title, summary }));
    const needs = missingTypes(t.id);
    return {
      id: t.id,
      title: t.title,
      lessons: ls,
      status: ls.length > 0 ? 'ready' : needs.length > 0 ? 'waiting' : 'missing',
      needs,
    };
  });
}

export { checkLesson, type FactResult, type LessonCheck } from './check.ts';
export { type LessonProgress, lessonProgress, type StepProgress } from './progress.ts';
export {
  type ChartId,
  chartIds,
  type Lesson,
  type LessonFact,
  type LessonSource,
  type LessonStep,
} from './schema.ts';
export { syllabus, type TopicId, topicTitle } from './syllabus.ts';
