import type { Scenario } from '../../scenario/index.ts';
import { createRunApi, type RunApi } from '../runApi.ts';
import type { DocumentSource, FrameClock, RunPort, RunWorker } from '../runController.ts';
import type { FakeTimers } from './fakeTimers.ts';

/**
 * The run API in the test's own thread, behind the same promise-shaped port a Comlink worker
 * gives: arguments and answers are structured-cloned, as across a real worker boundary.
 */
export function inThreadWorker(
  timers: FakeTimers,
  wrap?: (api: RunApi) => RunApi,
): RunWorker & { crash(message: string): void } {
  const api = wrap ? wrap(createRunApi(timers)) : createRunApi(timers);
  let onCrash: ((message: string) => void) | null = null;
  let terminated = false;
  const port = Object.fromEntries(
    Object.entries(api).map(([name, fn]) => [
      name,
      async (...args: unknown[]) => {
        if (terminated) throw new Error('worker terminated');
        return structuredClone((fn as (...a: unknown[]) => unknown)(...structuredClone(args)));
      },
    ]),
  ) as unknown as RunPort;
  return {
    api: port,
    terminate: () => {
      terminated = true;
    },
    onCrash: (listener) => {
      onCrash = listener;
    },
    crash: (message) => onCrash?.(message),
  };
}

/** Animation frames every 16 ms of fake wall time. */
export function fakeFrameClock(timers: FakeTimers): FrameClock {
  let id = 0;
  const cancelled = new Set<number>();
  return {
    request(fn) {
      const mine = ++id;
      timers.later(() => {
        if (!cancelled.delete(mine)) fn();
      }, 16);
      return mine;
    },
    cancel: (handle) => void cancelled.add(handle),
    now: () => timers.wall,
    setTimeout(fn, ms) {
      const mine = ++id;
      timers.later(() => {
        if (!cancelled.delete(mine)) fn();
      }, ms);
      return mine;
    },
    clearTimeout: (handle) => void cancelled.add(handle as number),
  };
}

/** A document that tests can edit. */
export function documentSource(initial: Scenario): DocumentSource & { set(doc: Scenario): void } {
  let doc = initial;
  const listeners = new Set<(doc: Scenario) => void>();
  return {
    get: () => doc,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      doc = next;
      for (const l of listeners) l(doc);
    },
  };
}
