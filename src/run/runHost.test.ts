import { describe, expect, it } from 'vitest';
import { type Frame, G, GLOBAL_COLUMNS, N, NODE_COLUMNS, transferablesOf } from './frameFormat.ts';
import { RunHost } from './runHost.ts';
import { FakeTimers } from './testing/fakeTimers.ts';
import { twoServers } from './testing/scenarios.ts';

function hostWith(
  timers = new FakeTimers(),
  options: Partial<ConstructorParameters<typeof RunHost>[0]> = {},
) {
  const host = new RunHost({ timers, ...options });
  return { host, timers };
}

/** Every row of every block of these frames, concatenated (the run's per-second history). */
function rows(frames: (Frame | null)[]) {
  const global: number[] = [];
  const nodes: number[] = [];
  const causes: number[] = [];
  for (const f of frames)
    for (const b of f?.blocks ?? []) {
      global.push(...b.global);
      nodes.push(...b.nodes);
      causes.push(...b.causes);
    }
  return { global, nodes, causes, count: global.length / GLOBAL_COLUMNS.length };
}

const column = (global: number[], name: keyof typeof G) =>
  global.filter((_, i) => i % GLOBAL_COLUMNS.length === G[name]);

describe('RunHost pacing', () => {
  it('runs simulated time at the chosen speed against the wall clock', () => {
    const { host, timers } = hostWith();
    expect(host.load(twoServers()).ok).toBe(true);
    host.setSpeed(1);
    host.play();
    timers.advance(3000);
    let frame = host.pull();
    expect(frame?.status).toBe('running');
    expect(frame?.nowMs).toBeGreaterThan(2900);
    expect(frame?.nowMs).toBeLessThanOrEqual(3000);
    expect(rows([frame]).count).toBe(3);

    host.setSpeed(10);
    timers.advance(1000);
    frame = host.pull();
    expect(frame?.nowMs).toBeGreaterThan(12_900);
    expect(frame?.nowMs).toBeLessThanOrEqual(13_000);
    expect(column(rows([frame]).global, 't')).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('pauses, steps one simulated second, and finishes at the duration', () => {
    const { host, timers } = hostWith();
    host.load(twoServers({ duration: 5 }));
    host.play();
    timers.advance(1500);
    host.pause();
    const at = host.pull()?.nowMs as number;
    timers.advance(5000);
    expect(host.pull()).toBeNull(); // nothing changed while paused
    host.step();
    const stepped = host.pull();
    expect(stepped?.nowMs).toBe(Math.floor(at / 1000) * 1000 + 1000);
    expect(stepped?.status).toBe('paused');
    host.setSpeed('max');
    host.play();
    timers.advance(10);
    const end = host.pull();
    expect(end?.status).toBe('finished');
    expect(end?.nowMs).toBe(5000);
    host.play(); // a finished run stays finished
    expect(host.runStatus).toBe('finished');
  });

  it('flags a run that cannot keep up, and slows down instead of racing to catch up', () => {
    // Every clock read costs 3 ms: the 10 ms budget fills after a few chunks.
    const timers = new FakeTimers(3);
    const { host } = hostWith(timers);
    host.load(twoServers({ duration: 600 }, 1000));
    host.setSpeed(100);
    host.play();
    timers.advance(3000);
    const frame = host.pull();
    expect(frame?.lagging).toBe(true);
    expect(frame?.achievedSpeed).toBeLessThan(100);
  });
});

describe('RunHost frames', () => {
  it('sends the layout once, then compact rows that transfer', () => {
    const { host, timers } = hostWith();
    host.load(twoServers());
    const first = host.pull() as Frame;
    expect(first.layouts).toHaveLength(1);
    expect(first.layouts[0]?.nodeIds).toEqual(['users', 'lb', 'web-1', 'web-2', 'db']);
    expect(first.layouts[0]?.linkKeys).toContain('lb>web-1');
    host.play();
    timers.advance(2000);
    const frame = host.pull() as Frame;
    expect(frame.layouts).toHaveLength(0);
    const block = frame.blocks[0];
    expect(block?.rows).toBe(2);
    expect(block?.nodes).toHaveLength(2 * 5 * NODE_COLUMNS.length);
    expect(transferablesOf(frame)).toHaveLength(2 + 4 * frame.blocks.length);
    // web-1 is a server at about half load: busy, not idle — in second 2 as well, where the
    // warm-up ends and the engine restarts its sums (a whole second, not a gap or a dip).
    const web1 = 2;
    for (const row of [0, 1]) {
      const util = block?.nodes[(row * 5 + web1) * NODE_COLUMNS.length + N.util] as number;
      expect(util).toBeGreaterThan(0.2);
      expect(util).toBeLessThan(0.9);
    }
    expect(frame.liveNodes).toHaveLength(5 * 3);
  });

  it('same seed, same rows — however the run is paced, pulled and reset', () => {
    const a = hostWith();
    a.host.load(twoServers({ duration: 20 }));
    a.host.setSpeed('max');
    a.host.play();
    a.timers.advance(1000);
    const framesA = [a.host.pull()];

    const b = hostWith();
    b.host.load(twoServers({ duration: 20 }));
    const framesB: (Frame | null)[] = [];
    b.host.setSpeed(3);
    b.host.play();
    for (let i = 0; i < 40; i++) {
      b.timers.advance(97 + (i % 7) * 13);
      framesB.push(b.host.pull());
      if (i === 10) b.host.step();
      if (i === 11) b.host.play();
      if (i === 20) b.host.setSpeed(25);
    }
    framesB.push(b.host.pull());
    const ra = rows(framesA);
    const rb = rows(framesB);
    expect(ra.count).toBe(20);
    expect(rb.count).toBe(20);
    expect(rb.global).toEqual(ra.global);
    expect(rb.nodes).toEqual(ra.nodes);

    // Reset: the same run again.
    a.host.reset();
    a.host.play();
    a.timers.advance(1000);
    expect(rows([a.host.pull()]).global).toEqual(ra.global);
  });

  it('a different seed gives a different run', () => {
    const a = hostWith();
    a.host.load(twoServers({ duration: 5 }));
    a.host.setSpeed('max');
    a.host.play();
    a.timers.advance(100);
    const b = hostWith();
    b.host.load(twoServers({ duration: 5 }), 99);
    b.host.setSpeed('max');
    b.host.play();
    b.timers.advance(100);
    expect(rows([b.host.pull()]).global).not.toEqual(rows([a.host.pull()]).global);
  });
});

describe('RunHost faults and errors', () => {
  it('applies a fault now, marks it, and shows its errors and the recovery', () => {
    const { host, timers } = hostWith();
    host.load(twoServers({ duration: 40 }));
    host.setSpeed(10);
    host.play();
    timers.advance(1000); // 10 s
    const fail = host.apply({ action: 'fail', node: 'web-1' });
    expect(fail.ok).toBe(true);
    if (fail.ok) {
      expect(fail.atS).toBeCloseTo(10, 0);
      expect(fail.event).toMatchObject({ action: 'fail', node: 'web-1' });
    }
    timers.advance(500); // 15 s
    const restore = host.apply({ action: 'restore', node: 'web-1' });
    expect(restore.ok).toBe(true);
    timers.advance(1000); // 25 s
    const frames = [host.pull()];
    const markers = frames.flatMap((f) => f?.markers ?? []);
    expect(markers.map((m) => [m.kind, m.label])).toEqual([
      ['fault', 'web-1 down'],
      ['recovery', 'web-1 back'],
    ]);
    const { global } = rows(frames);
    const failed = column(global, 'failed');
    const t = column(global, 't');
    const during = failed.filter((_, i) => (t[i] as number) > 10 && (t[i] as number) <= 13);
    const after = failed.filter((_, i) => (t[i] as number) > 20);
    // Requests fail until the balancer's health checks notice, then nothing fails.
    expect(during.reduce((s, v) => s + v, 0)).toBeGreaterThan(0);
    expect(after.reduce((s, v) => s + v, 0)).toBe(0);
  });

  it('refuses faults that make no sense, with a reason', () => {
    const { host } = hostWith();
    expect(host.apply({ action: 'fail', node: 'web-1' })).toMatchObject({ ok: false });
    host.load(twoServers());
    expect(host.apply({ action: 'fail', node: 'nope' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('nope'),
    });
    expect(host.apply({ action: 'spike', node: 'web-1', factor: 3, for: 5 })).toMatchObject({ ok: false });
    expect(host.apply({ action: 'fail', node: 'users' })).toMatchObject({ ok: false });
    expect(host.apply({ action: 'cut', source: 'users', target: 'db' })).toMatchObject({ ok: false });
    expect(host.apply({ action: 'cut', source: 'users', target: 'lb' })).toMatchObject({ ok: true });
  });

  it('refuses a document that does not restore, with the funnel’s message', () => {
    const { host } = hostWith();
    const r = host.load({ type: 'scalelab-scenario', version: 1, nodes: [{ id: 'x', type: 'warp-drive' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/warp-drive/);
  });

  it('stops with a clear message when the simulation throws, and can load again', () => {
    let explode = true;
    const { host, timers } = hostWith(new FakeTimers(), {
      onSecond: (sim) => {
        if (explode && sim.now >= 3000) throw new Error('boom');
      },
    });
    host.load(twoServers());
    host.play();
    timers.advance(5000);
    const frame = host.pull();
    expect(frame?.status).toBe('error');
    expect(frame?.error).toMatch(/stopped at 3\.0 s: boom\. Your scenario is untouched/);
    expect(host.pull()?.error ?? null).toBeNull(); // said once
    explode = false;
    expect(host.load(twoServers()).ok).toBe(true);
    host.play();
    timers.advance(2000);
    expect(host.pull()?.status).toBe('running');
  });

  it('applies an edit while running: a server added mid-run takes load, p99 falls, a marker says so', () => {
    const { host, timers } = hostWith();
    // 330 requests/s on two servers of 4 workers holding ~23 ms each: near their limit.
    const doc = twoServers({ duration: 80, warmup: 0 }, 330);
    host.load(doc);
    host.setSpeed(10);
    host.play();
    timers.advance(4000);
    host.pause();
    const before = rows([host.pull()]);
    expect(host.canReconfigure()).toBe(true);
    const edited = {
      ...doc,
      nodes: [
        ...(doc.nodes ?? []),
        { id: 'web-3', type: 'server', config: { workers: 4, serviceTimeMs: 20 } },
      ],
      edges: [
        ...(doc.edges ?? []),
        { source: 'lb', target: 'web-3' },
        { source: 'web-3', target: 'db', latencyMs: 1 },
      ],
    } as typeof doc;
    const r = host.reconfigure(edited);
    expect(r).toMatchObject({ ok: true, label: 'added web-3' });
    host.setSpeed('max');
    host.play();
    timers.advance(1000);
    const frame = host.pull() as Frame;
    expect(frame.status).toBe('finished');
    expect(frame.layouts.at(-1)?.nodeIds).toContain('web-3');
    expect(frame.markers.map((m) => [m.kind, m.label])).toEqual([['edit', 'added web-3']]);
    const after = rows([frame]);
    const p99 = (g: number[]) => column(g, 'p99');
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const p99Before = mean(p99(before.global).slice(-20));
    const p99After = mean(p99(after.global).slice(-20));
    expect(p99After).toBeLessThan(p99Before * 0.6);
  });

  it('refuses an edit when nothing runs, and a document that does not restore', () => {
    const { host } = hostWith();
    expect(host.reconfigure(twoServers())).toMatchObject({ ok: false, reason: 'Nothing is running.' });
    host.load(twoServers());
    expect(host.reconfigure({ type: 'nope' })).toMatchObject({ ok: false });
  });
});
