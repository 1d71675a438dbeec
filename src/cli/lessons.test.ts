import { describe, expect, it } from 'vitest';
import { lessons } from '../lessons/index.ts';
import type { Io } from './io.ts';
import { main } from './main.ts';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => {
      throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    },
    readStdin: () => '',
  };
  return { io, out, err };
}

describe('scalelab lessons', () => {
  it('lists every lesson in course order', async () => {
    const { io, out } = fakeIo();
    expect(await main(['lessons'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^ScaleLab lessons — \d+ lessons on \d+ topics/);
    let at = -1;
    for (const l of lessons) {
      const i = text.indexOf(` ${l.id} `);
      expect(i, l.id).toBeGreaterThan(at);
      at = i;
      expect(text).toContain(l.summary);
    }
  });

  it('--json prints one array with id, title, topic and summary', async () => {
    const { io, out } = fakeIo();
    expect(await main(['lessons', '--json'], io)).toBe(0);
    expect(out).toHaveLength(1);
    const list = JSON.parse(out[0] as string) as Array<Record<string, unknown>>;
    expect(list.map((l) => l.id)).toEqual(lessons.map((l) => l.id));
    for (const l of list) {
      expect(Object.keys(l).sort()).toEqual(['id', 'number', 'summary', 'title', 'topic', 'topicTitle']);
      for (const v of Object.values(l)) expect(v === '' || v === null).toBe(false);
    }
  });

  it('--check runs the named lessons’ start and solution and prints a table', async () => {
    const { io, out } = fakeIo();
    expect(await main(['lessons', '--check', 'failover', 'smart-client'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/failover\s+✓ start fails: ✗ time to notice the fault on web-1 14\.7 s/);
    expect(text).toMatch(/solution passes: time to notice the fault on web-1 700 ms/);
    expect(text).toMatch(/smart-client\s+✓ start fails: ✗ error rate/);
    expect(text).toMatch(/facts (\d+)\/\1 /);
    expect(text).toMatch(/2 lessons: all good\.$/);
    expect(text).not.toMatch(/horizontal-scaling/);
  });

  it('--check --json prints one result per lesson', async () => {
    const { io, out } = fakeIo();
    expect(await main(['lessons', '--check', 'failover', '--json'], io)).toBe(0);
    const [r] = JSON.parse(out[0] as string) as Array<Record<string, unknown>>;
    expect(r).toMatchObject({
      id: 'failover',
      ok: true,
      start: { passed: false },
      solution: { passed: true },
      problems: [],
    });
  });

  it('--export prints a lesson’s start, solution or exercise as JSON', async () => {
    for (const what of ['start', 'solution', 'exercise']) {
      const { io, out } = fakeIo();
      expect(await main(['lessons', '--export', what, 'cdn'], io)).toBe(0);
      const doc = JSON.parse(out[0] as string) as { type: string };
      expect(doc.type).toBe(what === 'exercise' ? 'scalelab-exercise' : 'scalelab-scenario');
    }
  });

  it('refuses unknown lessons and options with exit code 2', async () => {
    for (const argv of [
      ['lessons', '--check', 'nope'],
      ['lessons', 'cdn'],
      ['lessons', '--export', 'start'],
      ['lessons', '--export', 'everything', 'cdn'],
      ['lessons', '--colour'],
    ]) {
      const { io, err } = fakeIo();
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(err.join('\n')).not.toMatch(/Internal error/);
    }
    const { io, err } = fakeIo();
    await main(['lessons', '--check', 'nope'], io);
    expect(err.join('\n')).toMatch(/No lesson with the id "nope"\. Lessons: horizontal-scaling, /);
  });
});
