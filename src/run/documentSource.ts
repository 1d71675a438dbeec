import type { StoreApi } from 'zustand/vanilla';
import type { Scenario } from '../scenario/index.ts';
import type { DocumentSource } from './runController.ts';

/** The run's view of any store that holds the scenario document as `doc` (the editor's). */
export function documentSourceOf(store: StoreApi<{ doc: Scenario }>): DocumentSource {
  return {
    get: () => store.getState().doc,
    subscribe: (listener) =>
      store.subscribe((state, prev) => {
        if (state.doc !== prev.doc) listener(state.doc);
      }),
  };
}
