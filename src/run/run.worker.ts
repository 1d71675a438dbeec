/// <reference lib="webworker" />
/**
 * The run worker: a thin shell that exposes the run API (src/run/runApi.ts) over Comlink.
 * Kept apart from the API so Node tests can import the API without a worker global.
 */
import * as Comlink from 'comlink';
import { transferablesOf } from './frameFormat.ts';
import { createRunApi, type RunApi } from './runApi.ts';
import type { HostTimers } from './runHost.ts';

// A zero-delay yield that is not clamped to 4 ms like nested setTimeout(0).
const channel = new MessageChannel();
const soon: (() => void)[] = [];
channel.port1.onmessage = () => soon.shift()?.();

const timers: HostTimers = {
  now: () => performance.now(),
  later(fn, delayMs) {
    if (delayMs <= 0) {
      soon.push(fn);
      channel.port2.postMessage(0);
    } else setTimeout(fn, delayMs);
  },
};

const api = createRunApi(timers);

const exposed: RunApi = {
  ...api,
  pull(force) {
    const frame = api.pull(force);
    return frame ? Comlink.transfer(frame, transferablesOf(frame)) : null;
  },
};

Comlink.expose(exposed, self as unknown as Comlink.Endpoint);
