import { createContext, useContext } from 'react';
import { useEditorStore } from '../editor/store/context.tsx';
import type { Scenario } from '../scenario/index.ts';

/** Where a scenario opened from outside the user's own work came from. */
export type OpenOrigin = 'link' | 'file' | 'lesson' | 'exercise';

/**
 * The one way to put a scenario that is not the user's own work on the canvas (a shared link,
 * an imported file, a lesson's or an exercise's start). The library provides it: the scenario
 * becomes a new, unsaved copy and whatever was on the canvas stays in the local library.
 */
export interface ScenarioOpener {
  openCopy(scenario: Scenario, origin: OpenOrigin): void;
}

export const ScenarioOpenerContext = createContext<ScenarioOpener | null>(null);

/**
 * The library's opener; without a library (unit tests of a single panel) it loads the scenario
 * into the editor directly.
 */
export function useScenarioOpener(): ScenarioOpener {
  const opener = useContext(ScenarioOpenerContext);
  const store = useEditorStore();
  return opener ?? { openCopy: (scenario) => store.getState().loadScenario(scenario) };
}
