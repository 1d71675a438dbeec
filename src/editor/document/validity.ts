import { restoreScenario, type Scenario } from '../../scenario/index.ts';

/**
 * The last word on an edit: the same restore funnel every file and link goes through. An edit
 * whose result it would refuse (a ramp that ends before it starts, a flush event left on a
 * database whose row cache was turned off…) never reaches the document. About a millisecond
 * for 200 nodes; run per committed edit, not per drag frame.
 */
export function documentProblem(doc: Scenario): string | null {
  const result = restoreScenario(doc);
  if (result.ok) return null;
  const first = result.problems[0];
  return first ? sentence(first.message) : result.error;
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
