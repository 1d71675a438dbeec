import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorStore } from './editorStore.ts';
import type { EditorState } from './types.ts';

const EditorStoreContext = createContext<EditorStore | null>(null);

export function EditorStoreProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore needs an <EditorStoreProvider> above it.');
  return store;
}

/**
 * Reads one slice of editor state. Select narrowly — a node's own record, a boolean, a count —
 * so a component re-renders only when what it shows changes. A selector must return a stable
 * value (a primitive or an object already in the store), never a fresh array or object.
 */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
