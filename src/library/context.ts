import { createContext, useContext } from 'react';
import type { LibrarySession } from './session.ts';

export const LibrarySessionContext = createContext<LibrarySession | null>(null);

/** The page's library session; null where the editor runs without one (tests of one panel). */
export function useLibrarySession(): LibrarySession | null {
  return useContext(LibrarySessionContext);
}
