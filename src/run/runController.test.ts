import { describe, expect, it } from 'vitest';
import { restoreOrThrow, type Scenario } from '../scenario/index.ts';
import { RunController } from './runController.ts';
import { createRunStore } from './runStore.ts';
import { FakeTimers } from './testing/fakeTimers.ts';
import { documentSource, fakeFrameClock, inThreadWorker } from './testing/inThreadWorker.ts';
import { twoServers } from './testing/scenarios.ts';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup(doc: Scenario = restoreOrThrow(twoServers())) {
  const timers = new FakeTimers();
  const docs = documentSource(doc);
  const store = createRunStore();
  const workers: ReturnType<typeof inThreadWorker>[] = [];
  const controller = new RunController({
    createWorker: () => {
      const w = inThreadWorker(timers);
      workers.push(w);
      return w;
    },
    docs,
    store,
    clock: fakeFrameClock(timers),
  });
  controller.attach();
  /** Move wall time in animation frames, letting each frame's pull answer. */
  const advance = async (ms: number) => {
    for (let t = 0; t < ms; t += 16) {
      timers.advance(16);
      await flush();
    }
  };
  return { timers, docs, store, controller, workers, advance, state: () => store.getState() };
}

describe('RunController', () => {
  it('runs: the clock advances, rows arrive, nodes show their load', async () => {
    const t = setup();
    await t.controller.run();
    expect(t.state().status).toBe('running');
    await t.advance(3000);
    expect(t.state().clockMs).toBeGreaterThan(2800);
    expect(t.controller.series.length).toBeGreaterThanOrEqual(2);
    expect(t.state().seriesVersion).toBe(t.controller.series.version);
    const web1 = t.state().nodes['web-1'];
    expect(web1?.up).toBe(true);
    expect(web1?.util).toBeGreaterThan(0.1);
    expect(t.state().edges['lb>web-1']?.rate).toBeGreaterThan(40);
  });

  it('keeps unchanged node records, so a node view does not re-render for nothing', async () => {
    const t = setup();
    await t.controller.run();
    await t.advance(2100);
    const users = t.state().nodes.users;
    await t.advance(40); // within the same simulated second: no new row
    expect(t.state().nodes.users).toBe(users);
  });

  it('pauses, steps a second, and resets to the same run', async () => {
    const t = setup();
    await t.controller.run();
    await t.advance(2500);
    await t.controller.pause();
    expect(t.state().status).toBe('paused');
    const at = t.state().clockMs;
    await t.advance(1000);
    expect(t.state().clockMs).toBe(at);
    await t.controller.step();
    expect(t.state().clockMs).toBe(Math.floor(at / 1000) * 1000 + 1000);
    const p99 = Array.from(t.controller.series.global.p99.subarray(0, 3));
    await t.controller.reset();
    expect(t.state().clockMs).toBe(0);
    expect(t.controller.series.length).toBe(0);
    await t.controller.setSpeed('max');
    await t.controller.run();
    await t.advance(100);
    expect(Array.from(t.controller.series.global.p99.subarray(0, 3))).toEqual(p99);
  });

  it('Run after the end starts the run again', async () => {
    const t = setup(restoreOrThrow(twoServers({ duration: 3 })));
    await t.controller.setSpeed('max');
    await t.controller.run();
    await t.advance(100);
    expect(t.state().status).toBe('finished');
    await t.controller.run();
    expect(t.state().status).toBe('running');
    expect(t.state().clockMs).toBeLessThan(3000);
  });

  it('applies a fault, marks it on the charts, and keeps it as a scheduled event', async () => {
    const t = setup();
    await t.controller.setSpeed(10);
    await t.controller.run();
    await t.advance(1000);
    const r = await t.controller.applyFault({ action: 'fail', node: 'web-2' });
    expect(r.ok).toBe(true);
    await t.advance(300);
    expect(t.state().markers.map((m) => m.label)).toEqual(['web-2 down']);
    expect(t.state().nodes['web-2']?.up).toBe(false);
    const kept = t.controller.takeLastFault();
    expect(kept).toMatchObject({ action: 'fail', node: 'web-2' });
    expect(t.controller.takeLastFault()).toBeNull();
    // Keeping it in the document (at a time already past) does not make the run stale.
    t.docs.set({ ...t.docs.get(), events: [kept as NonNullable<typeof kept>] });
    await t.advance(300);
    expect(t.state().stale).toBe(false);
    const refused = await t.controller.applyFault({ action: 'fail', node: 'ghost' });
    expect(refused.ok).toBe(false);
    expect(t.state().message).toMatch(/ghost/);
  });

  it('an edit while running is applied at once and marked; a move is not an edit', async () => {
    const t = setup();
    await t.controller.run();
    await t.advance(1000);
    const doc = t.docs.get();
    // Moving a node is not an edit the simulation cares about.
    t.docs.set({ ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: 1, y: 2 } })) });
    await t.advance(300);
    expect(t.state().stale).toBe(false);
    t.docs.set({
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === 'web-1' ? { ...n, config: { ...n.config, workers: 8 } } : n,
      ) as Scenario['nodes'],
    });
    await t.advance(300);
    expect(t.state().liveEdits).toBe(true);
    expect(t.state().markers.some((m) => m.kind === 'edit' && /web-1 workers 4→8/.test(m.label))).toBe(true);
    expect(t.state().message).toMatch(/^Applied at \d+\.\d s: web-1 workers 4→8\.$/);
  });

  it('seed, duration and warm-up wait for Reset', async () => {
    const t = setup();
    await t.controller.run();
    await t.advance(500);
    t.docs.set({ ...t.docs.get(), duration: 90 });
    await t.advance(300);
    expect(t.state().stale).toBe(true);
    expect(t.state().message).toMatch(/press Reset/);
    expect(t.state().durationMs).toBe(30_000);
    // Other edits still apply now.
    const doc = t.docs.get();
    t.docs.set({
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === 'web-2' ? { ...n, config: { ...n.config, workers: 6 } } : n,
      ) as Scenario['nodes'],
    });
    await t.advance(300);
    expect(t.state().message).toMatch(/Applied at .*web-2 workers 4→6/);
    expect(t.state().durationMs).toBe(30_000);
    await t.controller.reset();
    expect(t.state().stale).toBe(false);
    expect(t.state().durationMs).toBe(90_000);
  });

  it('a worker that dies shows a clear message; Restart brings the run back, document untouched', async () => {
    const t = setup();
    const doc = t.docs.get();
    await t.controller.run();
    await t.advance(500);
    t.workers[0]?.crash('out of memory');
    expect(t.state().status).toBe('error');
    expect(t.state().error).toBe('The simulation stopped: out of memory. Your scenario is untouched.');
    await t.controller.restart();
    expect(t.workers).toHaveLength(2);
    expect(t.state().status).toBe('paused');
    expect(t.state().error).toBeNull();
    expect(t.docs.get()).toBe(doc);
    await t.controller.run();
    await t.advance(1200);
    expect(t.state().clockMs).toBeGreaterThan(1000);
  });

  it('keeps the Why panel fresh while it is watched', async () => {
    const t = setup();
    const stop = t.controller.watchWhy();
    await t.controller.run();
    await t.advance(4000);
    expect(t.state().why?.findings.length).toBeGreaterThan(0);
    stop();
  });
});
