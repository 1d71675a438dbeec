import type { ScenarioInput } from '../scenario/document.ts';
import type { ExerciseInput } from './goals.ts';

/** Small, fast documents for the exercise tests (a few thousand requests each). */

export function smallScenario(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    type: 'scalelab-scenario',
    version: 1,
    title: 'Small',
    seed: 3,
    duration: 10,
    warmup: 1,
    nodes: [
      { id: 'users', type: 'client', config: { rps: 300 } },
      { id: 'lb', type: 'loadBalancer' },
      { id: 'web-1', type: 'server', config: { workers: 2, serviceTimeMs: 10 } },
    ],
    edges: [
      { source: 'users', target: 'lb' },
      { source: 'lb', target: 'web-1' },
    ],
    events: [],
    ...overrides,
  };
}

/** The small scenario with a second server: capacity 400 req/s instead of 200. */
export function twoServers(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  const s = smallScenario();
  return {
    ...s,
    nodes: [...(s.nodes ?? []), { id: 'web-2', type: 'server', config: { workers: 2, serviceTimeMs: 10 } }],
    edges: [...(s.edges ?? []), { source: 'lb', target: 'web-2' }],
    ...overrides,
  };
}

export function smallExercise(overrides: Partial<ExerciseInput> = {}): ExerciseInput {
  return {
    type: 'scalelab-exercise',
    version: 1,
    id: 'small',
    title: 'Keep up with 300 req/s',
    brief: 'One server answers 200 req/s; users send 300.',
    start: smallScenario(),
    goal: { conditions: [{ metric: 'p99', max: 100 }], constraints: { budgetPerMonth: 300 } },
    hints: ['Add a server.'],
    ...overrides,
  };
}
