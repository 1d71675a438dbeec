import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Scenario } from '../../scenario/index.ts';
import { placeMissing } from '../document/layout.ts';
import { createDocumentSlice, type DocumentSliceOptions } from './documentSlice.ts';
import { createSelectionSlice } from './selectionSlice.ts';
import type { EditorState } from './types.ts';
import { createUiSlice } from './uiSlice.ts';

export type EditorStore = StoreApi<EditorState>;

/**
 * One store per editor (a page could hold two: a lesson and its solution). The live simulation
 * output will live in a separate run store: it must never enter the document or its history.
 */
export function createEditorStore(scenario: Scenario, options: DocumentSliceOptions = {}): EditorStore {
  const doc = placeMissing(scenario);
  return createStore<EditorState>()((...a) => ({
    ...createDocumentSlice(doc, options)(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
  }));
}
