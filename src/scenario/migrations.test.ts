import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from './document.ts';
import { clone, issueExample } from './fixtures/build.ts';
import { type Migration, MigrationError, migrate, migrations } from './migrations.ts';
import { restoreScenario } from './restore.ts';

/**
 * Every document ever published, by format version: `fixtures/v<N>/*.json`. They must restore
 * forever. When the format changes, add the new version's documents in `fixtures/v<N+1>/` and
 * never edit or delete the old ones.
 */
const fixtureTexts = import.meta.glob<string>('./fixtures/v*/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const fixtures = Object.entries(fixtureTexts).map(([path, text]) => {
  const folder = /\/v(\d+)\//.exec(path)?.[1];
  return { path, text, folderVersion: Number(folder) };
});

type Doc = Record<string, unknown>;

/** Fake history: v1 had `length` and `name`; v2 renamed `length` → `duration`; v3 renamed `name` → `title`. */
function fakeHistory() {
  const calls: Array<{ step: number; sawVersion: unknown; input: Doc }> = [];
  const steps: Record<number, Migration> = {
    1: (d) => {
      calls.push({ step: 1, sawVersion: d.version, input: clone(d) });
      const { length, ...rest } = d;
      return { ...rest, duration: length, history: [...((d.history as string[]) ?? []), 'v1→v2'] };
    },
    2: (d) => {
      calls.push({ step: 2, sawVersion: d.version, input: clone(d) });
      const { name, ...rest } = d;
      return { ...rest, title: name, history: [...((d.history as string[]) ?? []), 'v2→v3'] };
    },
  };
  return { steps, calls };
}

describe('migrate()', () => {
  it('runs every numbered step in order, each on the previous output, and sets the version', () => {
    const { steps, calls } = fakeHistory();
    const v1 = { type: 'scalelab-scenario', version: 1, length: 30, name: 't' };
    const out = migrate(v1, 1, 3, steps);
    expect(out).toEqual({
      type: 'scalelab-scenario',
      version: 3,
      duration: 30,
      title: 't',
      history: ['v1→v2', 'v2→v3'],
    });
    expect(calls.map((c) => c.step)).toEqual([1, 2]);
    expect(calls.map((c) => c.sawVersion)).toEqual([1, 2]);
    expect(calls[1]?.input).toMatchObject({ duration: 30, history: ['v1→v2'] });
  });

  it('starts at the document version: a v2 document runs only step 2', () => {
    const { steps, calls } = fakeHistory();
    const out = migrate({ version: 2, name: 'k', duration: 5 }, 2, 3, steps);
    expect(calls.map((c) => c.step)).toEqual([2]);
    expect(out).toEqual({ version: 3, title: 'k', duration: 5, history: ['v2→v3'] });
  });

  it('sets the version itself, whatever the step returns', () => {
    const steps: Record<number, Migration> = {
      1: (d) => ({ ...d, version: 99 }),
      2: ({ version: _, ...d }) => d,
    };
    expect(migrate({ version: 1 }, 1, 3, steps).version).toBe(3);
    expect(migrate({ version: 1 }, 1, 2, steps).version).toBe(2);
  });

  it('does nothing for a document already at the target version', () => {
    const d = { version: 3, a: 1 };
    expect(migrate(d, 3, 3, {})).toEqual({ version: 3, a: 1 });
    expect(migrate(issueExample(), CURRENT_VERSION)).toEqual(issueExample());
  });

  it('does not modify the input document when the steps are pure', () => {
    const { steps } = fakeHistory();
    const d = { version: 1, name: 'x', length: 1 };
    migrate(d, 1, 3, steps);
    expect(d).toEqual({ version: 1, name: 'x', length: 1 });
  });

  it('a missing step is a MigrationError naming the versions', () => {
    const { steps } = fakeHistory();
    const run = () => migrate({ version: 1 }, 1, 4, steps);
    expect(run).toThrow(MigrationError);
    expect(run).toThrow(/no migration from version 3 to 4/);
    expect(() => migrate({ version: 1 }, 1, 2, {})).toThrow(/from version 1 to 2/);
  });

  it('the shipped table has exactly one step per version below the current one', () => {
    const versions = Object.keys(migrations)
      .map(Number)
      .sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: CURRENT_VERSION - 1 }, (_, i) => i + 1));
    for (let v = 1; v < CURRENT_VERSION; v++) expect(typeof migrations[v]).toBe('function');
  });
});

describe('restoreScenario with injected migrations', () => {
  const v1 = () => ({ type: 'scalelab-scenario', version: 1, length: 30 });

  it('a missing step is a clear message, not a crash', () => {
    const r = restoreScenario(v1(), { currentVersion: 3, migrations: { 1: (d) => d } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/format 1/);
    expect(r.error).toMatch(/could not be upgraded/);
    expect(r.error).toMatch(/from version 2 to 3/);
    expect(r.problems.length).toBeGreaterThan(0);
  });

  it('a step that throws, or returns garbage, is a message, not a crash', () => {
    const throwing = restoreScenario(v1(), {
      currentVersion: 2,
      migrations: {
        1: () => {
          throw new Error('boom');
        },
      },
    });
    expect(throwing.ok).toBe(false);
    if (!throwing.ok) expect(throwing.error).toMatch(/boom/);
    for (const garbage of [null, undefined, 5, 'x', []]) {
      const r = restoreScenario(v1(), {
        currentVersion: 2,
        migrations: { 1: () => garbage as unknown as Doc },
      });
      expect(r.ok).toBe(false);
    }
  });

  it('a version newer than the injected current version says "newer version"', () => {
    const r = restoreScenario(
      { ...v1(), version: 4 },
      { currentVersion: 3, migrations: fakeHistory().steps },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/newer version/);
  });

  it('a current document reports migratedFrom: null', () => {
    const r = restoreScenario(issueExample(), { currentVersion: 1, migrations: {} });
    expect(r.ok && r.migratedFrom).toBeNull();
  });

  // BUG (restore.ts line 79 with document.ts line 88): validation always uses
  // `version: z.literal(CURRENT_VERSION)`, ignoring `options.currentVersion`. So a document migrated
  // up to an injected current version (2, 3, …) is then refused with "version: expected one of 1,
  // got 3", and `migratedFrom` can never be observed in a test — the option meant "for tests of the
  // migration machinery" cannot succeed. Remove `.fails` when fixed.
  it('a migrated document restores and reports migratedFrom', () => {
    const { steps, calls } = fakeHistory();
    const old = { type: 'scalelab-scenario', version: 1, length: 30, name: 'Old', seed: 7 };
    const r = restoreScenario(old, {
      currentVersion: 3,
      migrations: {
        1: steps[1] as Migration,
        2: (d) => {
          const { history: _, ...rest } = (steps[2] as Migration)(d);
          return rest;
        },
      },
    });
    expect(calls.map((c) => c.step)).toEqual([1, 2]);
    expect(r.ok, r.ok ? '' : r.error).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.scenario.duration).toBe(30);
    expect(r.scenario.title).toBe('Old');
    expect(r.scenario.seed).toBe(7);
  });
});

describe('published documents (fixtures) restore forever', () => {
  it('there are fixtures, at least two per published version 1', () => {
    expect(fixtures.filter((f) => f.folderVersion === 1).length).toBeGreaterThanOrEqual(2);
    for (const f of fixtures) {
      expect(Number.isInteger(f.folderVersion), f.path).toBe(true);
      expect(f.folderVersion).toBeLessThanOrEqual(CURRENT_VERSION);
    }
  });

  it.each(fixtures.map((f) => [f.path, f] as const))('%s restores, keeping its graph', (_path, f) => {
    const raw = JSON.parse(f.text) as {
      version: number;
      nodes: Array<{ id: string; type: string }>;
      edges: Array<{ source: string; target: string }>;
      events: unknown[];
    };
    expect(raw.version, 'a fixture lives in the folder of its version').toBe(f.folderVersion);
    const r = restoreScenario(f.text);
    expect(r.ok, r.ok ? '' : r.error).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(f.folderVersion < CURRENT_VERSION ? f.folderVersion : null);
    expect(r.scenario.version).toBe(CURRENT_VERSION);
    expect(r.scenario.nodes.map((n) => [n.id, n.type])).toEqual(raw.nodes.map((n) => [n.id, n.type]));
    expect(r.scenario.edges.map((e) => [e.source, e.target])).toEqual(
      raw.edges.map((e) => [e.source, e.target]),
    );
    expect(r.scenario.events).toHaveLength(raw.events.length);
    // restoring what was restored changes nothing
    const again = restoreScenario(JSON.stringify(r.scenario));
    expect(again.ok && again.scenario).toEqual(r.scenario);
  });

  it('the v1 fixture of the issue example is the example verbatim', () => {
    const text = fixtureTexts['./fixtures/v1/issue-2-example.json'];
    expect(text).toBeDefined();
    expect(JSON.parse(text as string)).toEqual(issueExample());
  });

  it('the "every node type" fixture really has every node type, pattern, strategy and event', () => {
    const text = fixtureTexts['./fixtures/v1/every-node-type.json'] as string;
    const r = restoreScenario(text);
    if (!r.ok) throw new Error(r.error);
    const s = r.scenario;
    expect(new Set(s.nodes.map((n) => n.type))).toEqual(
      new Set(['client', 'loadBalancer', 'server', 'database']),
    );
    const patterns = new Set<string>();
    const strategies = new Set<string>();
    for (const n of s.nodes) {
      if (n.type === 'client') patterns.add(n.config.pattern.type);
      if (n.type === 'loadBalancer') strategies.add(n.config.strategy);
    }
    expect(patterns).toEqual(new Set(['constant', 'ramp', 'step', 'spike', 'diurnal']));
    expect(strategies.size).toBeGreaterThanOrEqual(5);
    expect(new Set(s.events.map((e) => e.action))).toEqual(
      new Set(['fail', 'restore', 'slow', 'cut', 'heal', 'spike']),
    );
  });
});
