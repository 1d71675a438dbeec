/**
 * Exercises with goals checked by simulation. The UI's "Check" button, the CLI's `grade`
 * and the lessons all use this module:
 *
 *   restoreExercise(json | object)            → the exercise, or a clear error
 *   evaluate(exercise, attemptScenario)       → Verdict { passed, conditions, constraints, notes }
 *   encodeExerciseLink / decodeExerciseLink   → #x1.… links (workshops: #w1.…)
 *   evaluateCheck(check, { scenario, run })   → guided steps and design rules
 *   createExercise(draft), createWorkshop, partOf(canvas, ids) → teacher authoring; exerciseKey → saved progress
 */
export { createExercise, createWorkshop, type ExerciseDraft, exerciseKey, partOf } from './author.ts';
export {
  type CheckContext,
  type CheckOutcome,
  checkNeedsRun,
  evaluateCheck,
  matchNodes,
  type RunSnapshot,
  snapshotOf,
} from './checks.ts';
export {
  type ConstraintResult,
  checkConstraints,
  costOf,
  evaluate,
  type Graded,
  gradedScenario,
  type Verdict,
  verdictFor,
} from './evaluate.ts';
export {
  decodeExerciseLink,
  decodeWorkshopLink,
  encodeExerciseLink,
  encodeWorkshopLink,
  linkKind,
} from './exerciseLink.ts';
export { formatVerdict, verdictJson } from './format.ts';
export * from './goals.ts';
export { type ConditionResult, conditionLabel, measureCondition } from './judge.ts';
export {
  formatValue,
  isMetricId,
  type MetricDef,
  type MetricId,
  metricDef,
  metricIds,
  metrics,
  plannedMetrics,
  type Unit,
} from './metrics.ts';
export {
  type ExerciseResult,
  exerciseOrThrow,
  restoreExercise,
  restoreWorkshop,
  type WorkshopResult,
} from './restore.ts';
