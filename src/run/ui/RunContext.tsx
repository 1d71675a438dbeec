import {
  createContext,
  type MouseEvent as ReactMouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
} from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Scenario, ScenarioEvent } from '../../scenario/index.ts';
import { browserFrameClock, createBrowserRunWorker } from '../browserWorker.ts';
import { documentSourceOf } from '../documentSource.ts';
import { RunController, type RunWorker } from '../runController.ts';
import { createRunStore, type EdgeLive, type NodeLive, type RunState } from '../runStore.ts';
import { createFaultMenuStore, type FaultMenuStore, type FaultTarget } from './faultMenuStore.ts';

interface RunContextValue {
  controller: RunController;
  menu: FaultMenuStore;
  /** Adds a scheduled event to the document (with undo), for "keep this fault". */
  keepEvent: ((event: ScenarioEvent) => void) | null;
}

const RunContext = createContext<RunContextValue | null>(null);

/**
 * One live run per editor: a controller (worker, frames, run store) following the editor's
 * document. The run store is separate from the editor's store: nothing of a run enters the
 * document or its history.
 */
export function RunProvider({
  documents,
  keepEvent,
  notify,
  createWorker = createBrowserRunWorker,
  children,
}: {
  documents: StoreApi<{ doc: Scenario }>;
  keepEvent?: (event: ScenarioEvent) => void;
  /** The page's status line: run messages ("Applied at 31.2 s: added web-3.") go there. */
  notify?: (message: string, tone: 'info' | 'warning') => void;
  createWorker?: () => RunWorker;
  children: ReactNode;
}) {
  const [value] = useState<RunContextValue>(() => ({
    keepEvent: keepEvent ?? null,
    controller: new RunController({
      createWorker,
      docs: documentSourceOf(documents),
      store: createRunStore(),
      clock: browserFrameClock,
    }),
    menu: createFaultMenuStore(),
  }));
  useEffect(() => value.controller.attach(), [value]);
  useEffect(() => {
    if (!notify) return;
    return value.controller.store.subscribe((s, prev) => {
      if (s.message && s.message !== prev.message) notify(s.message, s.stale ? 'warning' : 'info');
    });
  }, [value, notify]);
  return <RunContext.Provider value={value}>{children}</RunContext.Provider>;
}

function useRunContext(): RunContextValue {
  const value = useContext(RunContext);
  if (!value) throw new Error('Live-run views need a <RunProvider> above them.');
  return value;
}

export function useRunController(): RunController {
  return useRunContext().controller;
}

export function useFaultMenuStore(): FaultMenuStore {
  return useRunContext().menu;
}

/** Keeps a live fault in the document as a scheduled event; null where the host cannot. */
export function useKeepEvent(): ((event: ScenarioEvent) => void) | null {
  return useRunContext().keepEvent;
}

/** Reads one slice of the run state. Select narrowly: a node's record, a string, a flag. */
export function useRun<T>(selector: (state: RunState) => T): T {
  return useStore(useRunContext().controller.store, selector);
}

/** A run store that never changes, for views rendered without a RunProvider (tests, previews). */
const noRun = createRunStore();

/**
 * The live record of one node (undefined before a run, or without a run at all): a node view
 * re-renders only for its own record.
 */
export function useNodeLive(id: string): NodeLive | undefined {
  const store = useContext(RunContext)?.controller.store ?? noRun;
  return useStore(store, (s) => s.nodes[id]);
}

/** The live record of one edge, by the editor's key `source>target` (undefined without a run). */
export function useEdgeLive(key: string): EdgeLive | undefined {
  const store = useContext(RunContext)?.controller.store ?? noRun;
  return useStore(store, (s) => s.edges[key]);
}

/**
 * Opens the fault menu on a node or an edge from its context-menu event (a right click, or the
 * keyboard's menu key, which has no pointer position: then the menu opens at the element).
 * A no-op without a RunProvider.
 */
export function useOpenFaultMenu(): (target: FaultTarget, event: MouseEvent | ReactMouseEvent) => void {
  const menu = useContext(RunContext)?.menu;
  return useCallback(
    (target, event) => {
      if (!menu) return;
      event.preventDefault();
      let { clientX: x, clientY: y } = event;
      if (x === 0 && y === 0 && event.currentTarget instanceof Element) {
        const r = event.currentTarget.getBoundingClientRect();
        x = r.left + r.width / 2;
        y = r.top + r.height / 2;
      }
      menu.getState().show(target, x, y);
    },
    [menu],
  );
}

/** The controller, or null without a RunProvider (the editor's command list uses this). */
export function useOptionalRunController(): RunController | null {
  return useContext(RunContext)?.controller ?? null;
}

/** Whether a provider is there: views that also work without a run (tests, stories) check. */
export function useHasRun(): boolean {
  return useContext(RunContext) !== null;
}
