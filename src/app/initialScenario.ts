import { defaultScenarioInput } from '../scenario/examples/defaultScenario.ts';
import { restoreScenario, type Scenario } from '../scenario/index.ts';

/**
 * What the editor opens with: the default scenario (users → balancer → two servers → database),
 * or, for the frame-time benchmark, a generated large one (`?bench=200`). Both go through the
 * restore funnel. The library (`src/library/boot.ts`) then opens the user's last work or a
 * shared link instead, and falls back to this.
 */
export async function initialScenario(search: string): Promise<Scenario> {
  const bench = Number(new URLSearchParams(search).get('bench'));
  let input: unknown = defaultScenarioInput;
  if (Number.isFinite(bench) && bench > 0) {
    const { benchScenario } = await import('./benchScenario.ts');
    input = benchScenario(bench);
  }
  const restored = restoreScenario(input);
  if (restored.ok) return restored.scenario;
  console.error(restored.error);
  const fallback = restoreScenario(defaultScenarioInput);
  if (!fallback.ok) throw new Error(`The default scenario is invalid:\n${fallback.error}`);
  return fallback.scenario;
}
