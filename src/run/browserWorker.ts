import * as Comlink from 'comlink';
import type { RunApi } from './runApi.ts';
import type { FrameClock, RunPort, RunWorker } from './runController.ts';

/** The run worker in a browser: a module worker behind Comlink. */
export function createBrowserRunWorker(): RunWorker {
  const worker = new Worker(new URL('./run.worker.ts', import.meta.url), {
    type: 'module',
    name: 'scalelab-run',
  });
  const remote = Comlink.wrap<RunApi>(worker);
  let listener: ((message: string) => void) | null = null;
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    listener?.(e.message || 'the simulation worker failed to start');
  });
  worker.addEventListener('messageerror', () =>
    listener?.('a message from the simulation worker could not be read'),
  );
  return {
    api: remote as unknown as RunPort,
    terminate() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
    onCrash(l) {
      listener = l;
    },
  };
}

/** Animation frames and timers of the page. */
export const browserFrameClock: FrameClock = {
  request: (fn) => requestAnimationFrame(() => fn()),
  cancel: (id) => cancelAnimationFrame(id),
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
