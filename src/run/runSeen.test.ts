import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../scenario/index.ts';
import { RunController } from './runController.ts';
import { createRunStore } from './runStore.ts';
import { FakeTimers } from './testing/fakeTimers.ts';
import { documentSource, fakeFrameClock, inThreadWorker } from './testing/inThreadWorker.ts';
import { twoServers } from './testing/scenarios.ts';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a lesson's guided steps ask of a live run: `RunController.seen()`. */
describe('what a run has seen', () => {
  it('reports seconds and faults while running, and the report once finished', async () => {
    const timers = new FakeTimers();
    const doc = restoreOrThrow(
      twoServers({ duration: 6, events: [{ at: 1, action: 'fail', node: 'web-1' }] }),
    );
    const controller = new RunController({
      createWorker: () => inThreadWorker(timers),
      docs: documentSource(doc),
      store: createRunStore(),
      clock: fakeFrameClock(timers),
    });
    controller.attach();
    const advance = async (ms: number) => {
      for (let t = 0; t < ms; t += 16) {
        timers.advance(16);
        await flush();
      }
    };
    expect(await controller.seen()).toBeNull();
    await controller.run();
    await advance(2500);
    const mid = await controller.seen();
    expect(mid?.seconds).toBeGreaterThan(2);
    expect(mid?.faults).toEqual([{ action: 'fail', target: 'web-1' }]);
    expect(mid?.report).toBeNull();
    await controller.setSpeed('max');
    await advance(2000);
    expect(controller.store.getState().status).toBe('finished');
    const end = await controller.seen();
    expect(end?.seconds).toBe(6);
    expect(end?.report?.requests.generated).toBeGreaterThan(500);
  });
});
