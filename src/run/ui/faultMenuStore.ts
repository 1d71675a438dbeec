import { createStore, type StoreApi } from 'zustand/vanilla';

/** What a fault menu is open on: a component, or a connection (`source>target`). */
export type FaultTarget = { kind: 'node'; id: string } | { kind: 'edge'; source: string; target: string };

export interface FaultMenuState {
  open: { target: FaultTarget; x: number; y: number } | null;
  show(target: FaultTarget, x: number, y: number): void;
  close(): void;
}

export type FaultMenuStore = StoreApi<FaultMenuState>;

/** View state of the fault context menu: not part of the run, not part of the document. */
export function createFaultMenuStore(): FaultMenuStore {
  return createStore<FaultMenuState>()((set) => ({
    open: null,
    show: (target, x, y) => set({ open: { target, x, y } }),
    close: () => set({ open: null }),
  }));
}
