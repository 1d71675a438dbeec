import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../engine/index.ts';
import type { Io } from './io.ts';
import { main } from './main.ts';

const example = readFileSync(new URL('../../examples/round-robin.json', import.meta.url), 'utf8');

/** An in-memory Io: files by name, captured output. */
function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return f;
    },
    readStdin: () => files['-'] ?? '',
  };
  return { io, out, err };
}

describe('scalelab simulate', () => {
  it('prints a readable summary of the run', async () => {
    const { io, out, err } = fakeIo({ 'rr.json': example });
    expect(await main(['simulate', 'rr.json'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Round robin across four servers');
    expect(text).toMatch(/Latency\s+mean [\d.]+ ms · p50/);
    expect(text).toMatch(/fail web-1 \(until 60\.0 s\): [\d,]+ requests failed/);
    expect(err).toEqual([]);
  });

  it('a standby pair: which balancer stands by, who serves, how many failovers', async () => {
    const pair = readFileSync(new URL('../../examples/balancer-pair-edge.json', import.meta.url), 'utf8');
    const { io, out, err } = fakeIo({ 'pair.json': pair });
    expect(await main(['simulate', 'pair.json'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(
      /Standby balancers\n {2}lb-a +standby lb-b · lb-a serving · 1 failover · standby ready/,
    );
    expect(text).toMatch(
      /fail lb-a \(until 60\.0 s\): [\d,]+ requests failed .* between 30\.0 s and 32\.0 s; noticed by lb-b after 2,000 ms/,
    );
    expect(err).toEqual([]);
  });

  it('--json prints exactly one JSON object with the contract fields', async () => {
    const { io, out } = fakeIo({ 'rr.json': example });
    expect(await main(['simulate', 'rr.json', '--json', '--duration', '40'], io)).toBe(0);
    expect(out).toHaveLength(1);
    const r = JSON.parse(out[0] as string) as Report;
    expect(Object.keys(r.requests).sort()).toEqual(['completed', 'failed', 'generated', 'inFlight']);
    expect(r.requests.generated).toBe(r.requests.completed + r.requests.failed + r.requests.inFlight);
    for (const k of ['mean', 'p50', 'p95', 'p99', 'max'] as const) expect(r.latencyMs[k]).toBeGreaterThan(0);
    expect(r.throughput).toBeGreaterThan(300);
    expect(r.errors['node-down']).toBeGreaterThan(0);
    expect(r.nodes['web-2']).toMatchObject({ type: 'server' });
    expect(r.nodes['web-2']?.utilization).toBeGreaterThan(0.5);
    expect(r.nodes['web-2']?.meanQueueLength).toBeGreaterThanOrEqual(0);
    expect(r.timeline).toHaveLength(40);
    expect(r.scenario.duration).toBe(40);
  });

  it('the same file and seed give byte-identical output; --seed changes it', async () => {
    const run = async (...extra: string[]) => {
      const { io, out } = fakeIo({ 'rr.json': example });
      await main(['simulate', 'rr.json', '--json', '--duration', '20', ...extra], io);
      return out[0] as string;
    };
    const a = await run();
    expect(await run()).toBe(a);
    const b = await run('--seed', '7');
    expect(b).not.toBe(a);
    expect((JSON.parse(b) as Report).scenario.seed).toBe(7);
  });

  it('reads standard input with -', async () => {
    const { io, out } = fakeIo({ '-': example });
    expect(await main(['simulate', '-', '--json', '--duration', '15'], io)).toBe(0);
    expect((JSON.parse(out[0] as string) as Report).requests.generated).toBeGreaterThan(0);
  });

  const bad: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['a missing file', ['simulate', 'nope.json'], {}, /Cannot read "nope\.json": no such file/],
    ['a file that is not JSON', ['simulate', 'x.json'], { 'x.json': '{"type": ' }, /not valid JSON/],
    [
      'a scenario with a wrong field',
      ['simulate', 'x.json'],
      { 'x.json': example.replace('"workers": 1', '"workers": 0') },
      /nodes\[2\] "web-1"\.config\.workers: expected a number ≥ 1, got 0/,
    ],
    [
      'a scenario with a typo in a field name',
      ['simulate', 'x.json'],
      { 'x.json': example.replace('"serviceTimeMs": 10 } }', '"serviceTimeMS": 10 } }') },
      /unknown field "serviceTimeMS"/,
    ],
    [
      'a bad --seed',
      ['simulate', 'rr.json', '--seed', 'abc'],
      { 'rr.json': example },
      /--seed expects a number/,
    ],
    [
      'a bad --duration',
      ['simulate', 'rr.json', '--duration=-5'],
      { 'rr.json': example },
      /--duration must be between/,
    ],
    ['an unknown flag', ['simulate', 'rr.json', '--fast'], { 'rr.json': example }, /Unknown option '--fast'/],
    ['no file', ['simulate'], {}, /needs exactly one scenario file/],
    ['an unknown command', ['simulat', 'rr.json'], {}, /Unknown command "simulat"/],
  ];
  for (const [what, argv, files, message] of bad) {
    it(`refuses ${what} with a clear message on stderr and exit code 2`, async () => {
      const { io, out, err } = fakeIo(files);
      expect(await main(argv, io)).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('\n')).toMatch(message);
      expect(err.join('\n')).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
});

describe('scalelab share', () => {
  it('prints the link fragment as its last line, and simulate gives the same numbers from it', async () => {
    const shared = fakeIo({ 'rr.json': example });
    expect(await main(['share', 'rr.json'], shared.io)).toBe(0);
    const link = shared.out.at(-1) as string;
    expect(link).toMatch(/^#s1\.[A-Za-z0-9_-]+$/);
    const fromFile = fakeIo({ 'rr.json': example });
    await main(['simulate', 'rr.json', '--json', '--duration', '20'], fromFile.io);
    for (const source of [link, `https://scalelab.example/app/${link}`]) {
      const fromLink = fakeIo();
      expect(await main(['simulate', source, '--json', '--duration', '20'], fromLink.io)).toBe(0);
      expect(fromLink.out[0]).toBe(fromFile.out[0]);
    }
  });

  it('a damaged link gets a clear message and exit code 2', async () => {
    const { io, err } = fakeIo();
    expect(await main(['simulate', '#s1.AQIDBAUG'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/link is not a usable scenario[\s\S]*damaged/);
  });
});

describe('the real command (npx scalelab, no build step)', () => {
  it('runs from the bin script and exits 2 on a bad file', () => {
    const bin = new URL('../../bin/scalelab.mjs', import.meta.url).pathname;
    const scenario = new URL('../../examples/round-robin.json', import.meta.url).pathname;
    const stdout = execFileSync(process.execPath, [bin, 'simulate', scenario, '--json', '--duration', '15'], {
      encoding: 'utf8',
    });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect((JSON.parse(stdout) as Report).requests.generated).toBeGreaterThan(1500);
    const bad = spawnSync(process.execPath, [bin, 'simulate', 'does-not-exist.json'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no such file');
  });
});
