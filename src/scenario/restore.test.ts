import { describe, expect, it } from 'vitest';
import { components, nodeTypes } from './components/index.ts';
import { connectionProblem } from './connections.ts';
import { LIMITS, type Scenario } from './document.ts';
import { defaultScenarioInput } from './examples/defaultScenario.ts';
import {
  balancer,
  client,
  clone,
  database,
  doc,
  edge,
  issueExample,
  type LooseDoc,
  nodeById,
  server,
} from './fixtures/build.ts';
import { MAX_INPUT_CHARS, type Problem, restoreOrThrow, restoreScenario } from './restore.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

function restored(input: unknown): Scenario {
  const r = restoreScenario(input);
  if (!r.ok) throw new Error(`expected the document to restore, but: ${r.error}`);
  return r.scenario;
}

function failure(input: unknown): { error: string; problems: Problem[] } {
  const r = restoreScenario(input);
  if (r.ok) throw new Error('expected the document to be refused, but it restored');
  expect(r.error.length).toBeGreaterThan(0);
  expect(r.problems.length).toBeGreaterThan(0);
  return r;
}

type Matcher = string | RegExp;
const matches = (text: string, m: Matcher) => (typeof m === 'string' ? text.includes(m) : m.test(text));

/**
 * Asserts that restoring `input` fails with a problem whose path matches `path` and whose
 * message contains every fragment; the summary (`error`) shows it too. Returns that problem.
 */
function expectProblem(input: unknown, path: Matcher, ...fragments: Matcher[]): Problem {
  const r = failure(input);
  const found = r.problems.find(
    (p) => matches(p.path, path) && fragments.every((f) => matches(p.message, f)),
  );
  expect(
    found,
    `no problem at ${String(path)} mentioning ${fragments.map(String).join(' & ')}; got ${JSON.stringify(r.problems, null, 1)}`,
  ).toBeDefined();
  const p = found as Problem;
  if (r.problems.indexOf(p) < 5) {
    expect(r.error).toContain(p.message);
    if (p.path) expect(r.error).toContain(p.path);
  }
  return p;
}

/** The path of a node field: `nodes[2] "web-1".config.workers` (a space before the dot is tolerated). */
function nodePath(index: number, id: string, rest: string): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^nodes\\[${index}\\] "${esc(id)}" ?\\.${esc(rest)}$`);
}

function nodeOf<T extends Scenario['nodes'][number]['type']>(
  s: Scenario,
  id: string,
  type: T,
): Extract<Scenario['nodes'][number], { type: T }> {
  const n = s.nodes.find((x) => x.id === id);
  if (!n || n.type !== type) throw new Error(`no ${type} "${id}"`);
  return n as Extract<Scenario['nodes'][number], { type: T }>;
}

// ---------------------------------------------------------------------------------------------

describe('the example document of issue 2', () => {
  it('restores, from an object and from JSON text, keeping every value it gives', () => {
    for (const input of [
      issueExample(),
      JSON.stringify(issueExample()),
      JSON.stringify(issueExample(), null, 2),
    ]) {
      const r = restoreScenario(input);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.migratedFrom).toBeNull();
      const s = r.scenario;
      expect(s).toMatchObject({
        type: 'scalelab-scenario',
        version: 1,
        title: 'Round robin across four servers',
        seed: 42,
        duration: 120,
        warmup: 10,
      });
      expect(s.nodes.map((n) => [n.id, n.type])).toEqual([
        ['users', 'client'],
        ['lb', 'loadBalancer'],
        ['web-1', 'server'],
      ]);
      expect(s.edges.map((e) => [e.source, e.target])).toEqual([
        ['users', 'lb'],
        ['lb', 'web-1'],
      ]);
      expect(s.events).toEqual([
        { at: 30, action: 'fail', node: 'web-1' },
        { at: 60, action: 'restore', node: 'web-1' },
      ]);
    }
  });

  it('fills every client default: readRatio 1, keys 10000, zipf 1, Poisson, constant pattern, no timeout', () => {
    const users = nodeOf(restored(issueExample()), 'users', 'client');
    expect(users.config).toEqual({
      rps: 360,
      arrival: 'poisson',
      pattern: { type: 'constant' },
      readRatio: 1,
      keys: 10_000,
      zipf: 1,
      staticRatio: 0,
      staticKeys: 1000,
      asyncRatio: 0,
      sessions: 1000,
      timeoutMs: null,
      strategy: 'round-robin',
      retries: 0,
      ejectAfterFailures: 3,
      ejectForMs: 5000,
    });
  });

  it('fills every server default: 1 worker, 10 ms, exponential, unbounded queue', () => {
    const d = issueExample();
    nodeById(d, 'web-1').config = {};
    const web = nodeOf(restored(d), 'web-1', 'server');
    expect(web.config).toEqual({
      role: 'web',
      workers: 1,
      serviceTimeMs: 10,
      jobTimeMs: 200,
      serviceDistribution: 'exponential',
      serviceCv: 1,
      queueLimit: null,
      weight: 1,
      profile: 'standard',
      costPerMonth: null,
      strategy: 'round-robin',
      retries: 0,
      ejectAfterFailures: 3,
      ejectForMs: 5000,
    });
  });

  it('fills every load balancer default, health checks included', () => {
    const lb = nodeOf(restored(issueExample()), 'lb', 'loadBalancer');
    expect(lb.config).toEqual({
      strategy: 'round-robin',
      overheadMs: 0,
      profile: 'software',
      capacityRps: null,
      healthCheck: { enabled: true, intervalMs: 1000, unhealthyThreshold: 2, healthyThreshold: 2 },
      retries: 0,
      virtualNodes: 100,
      standby: false,
      failoverMs: 3000,
      costPerMonth: null,
    });
  });

  it('fills a partial health check field by field', () => {
    const d = issueExample();
    nodeById(d, 'lb').config = { healthCheck: { intervalMs: 250 } };
    const lb = nodeOf(restored(d), 'lb', 'loadBalancer');
    expect(lb.config.healthCheck).toEqual({
      enabled: true,
      intervalMs: 250,
      unhealthyThreshold: 2,
      healthyThreshold: 2,
    });
  });

  it('fills every database default', () => {
    const d = issueExample();
    d.nodes.push(database('db'));
    d.edges.push(edge('web-1', 'db'));
    const db = nodeOf(restored(d), 'db', 'database');
    expect(db.config).toEqual({
      connections: 10,
      readTimeMs: 5,
      writeTimeMs: 10,
      serviceDistribution: 'exponential',
      serviceCv: 1,
      queueLimit: null,
      readReplicas: 0,
      profile: 'ssd',
      rowCache: { capacity: 0, eviction: 'lru', hitTimeMs: 0.5 },
      costPerMonth: null,
    });
  });

  it('gives every edge a latency of 0 ms unless set', () => {
    const d = issueExample();
    d.edges.push(edge('users', 'web-1', { latencyMs: 25, id: 'direct' }));
    const s = restored(d);
    expect(s.edges.map((e) => e.latencyMs)).toEqual([0, 0, 25]);
    expect(s.edges[2]?.id).toBe('direct');
    expect(s.edges[0]).not.toHaveProperty('id');
  });

  it('treats position and label as optional, and keeps them when given', () => {
    const s = restored(issueExample());
    expect(nodeOf(s, 'users', 'client').position).toEqual({ x: 0, y: 0 });
    const lb = nodeOf(s, 'lb', 'loadBalancer');
    expect(lb.position).toBeUndefined();
    expect(lb.label).toBeUndefined();
    expect(lb).not.toHaveProperty('position');
    const d = issueExample();
    nodeById(d, 'lb').label = 'Front door';
    nodeById(d, 'lb').position = { x: -12.5, y: 1e6 };
    const lb2 = nodeOf(restored(d), 'lb', 'loadBalancer');
    expect(lb2.label).toBe('Front door');
    expect(lb2.position).toEqual({ x: -12.5, y: 1e6 });
  });

  it('fills defaults for a node with no config at all, for every node type', () => {
    for (const type of nodeTypes) {
      const s = restored(doc({ nodes: [{ id: 'only', type } as LooseDoc['nodes'][number]] }));
      const config = s.nodes[0]?.config as Record<string, unknown>;
      const expected = Object.keys(components[type].config.shape);
      expect(Object.keys(config).sort()).toEqual([...expected].sort());
      for (const key of expected) expect(config[key], `${type}.${key}`).not.toBeUndefined();
    }
  });

  it('fills the document defaults: title, seed, 60 s duration, no warm-up, empty lists', () => {
    const s = restored({ type: 'scalelab-scenario', version: 1 });
    expect(s).toEqual({
      type: 'scalelab-scenario',
      version: 1,
      title: 'Untitled scenario',
      seed: 1,
      duration: 60,
      warmup: 0,
      nodes: [],
      edges: [],
      events: [],
    });
  });

  it('fills the defaults inside traffic patterns', () => {
    const s = restored(
      doc({
        nodes: [
          client('ramp', { pattern: { type: 'ramp', toRps: 10, endS: 50 } }),
          client('day', { pattern: { type: 'diurnal' } }),
        ],
      }),
    );
    expect(nodeOf(s, 'ramp', 'client').config.pattern).toEqual({
      type: 'ramp',
      toRps: 10,
      startS: 0,
      endS: 50,
    });
    expect(nodeOf(s, 'day', 'client').config.pattern).toEqual({
      type: 'diurnal',
      amplitude: 0.5,
      periodS: 60,
    });
  });

  it('does not modify the input object', () => {
    const d = issueExample();
    const before = clone(d);
    restoreScenario(d);
    expect(d).toEqual(before);
  });

  it('keeps the restored scenario unchanged when restored again (idempotent)', () => {
    const once = restored(issueExample());
    expect(restored(clone(once))).toEqual(once);
    expect(restored(JSON.stringify(once))).toEqual(once);
  });

  it('restoreOrThrow returns the scenario, or throws an Error carrying the message', () => {
    expect(restoreOrThrow(issueExample()).title).toBe('Round robin across four servers');
    expect(() => restoreOrThrow('{')).toThrow(/not valid JSON/);
  });
});

describe('the built-in default scenario', () => {
  it('restores and matches its description: users → balancer → two servers → cache + database', () => {
    const s = restored(defaultScenarioInput);
    expect(s.nodes.map((n) => n.type).sort()).toEqual([
      'cache',
      'client',
      'database',
      'loadBalancer',
      'server',
      'server',
    ]);
    expect(s.warmup).toBeLessThan(s.duration);
    expect(restored(JSON.stringify(defaultScenarioInput))).toEqual(s);
  });
});

describe('messages for a wrong field', () => {
  it('wrong type: names the field, what was expected and what was given', () => {
    const d = issueExample();
    nodeById(d, 'users').config.rps = 'fast';
    expectProblem(d, nodePath(0, 'users', 'config.rps'), 'number', '"fast"');
  });

  it('a fraction where a whole number is needed', () => {
    const d = issueExample();
    nodeById(d, 'web-1').config.workers = 1.5;
    expectProblem(d, nodePath(2, 'web-1', 'config.workers'), 'whole number', '1.5');
  });

  it('wrong type at the top level and in an edge', () => {
    expectProblem(doc({ duration: '120' }), 'duration', 'number', '"120"');
    expectProblem(doc({ title: 7 }), 'title', 'string', '7');
    expectProblem(doc({ nodes: {} as unknown as LooseDoc['nodes'] }), 'nodes', /array|list/, 'an object');
    const d = issueExample();
    (d.edges[0] as Record<string, unknown>).latencyMs = 'slow';
    expectProblem(d, /^edges\[0\]\.latencyMs$/, 'number', '"slow"');
  });

  it('unknown config field (a typo) names the field and lists the fields that type knows', () => {
    const d = issueExample();
    nodeById(d, 'web-1').config.serviceTimeMS = 5;
    const p = expectProblem(d, nodePath(2, 'web-1', 'config'), '"serviceTimeMS"');
    expect(p.message).toMatch(/unknown field/);
    for (const known of ['serviceTimeMs', 'workers', 'serviceDistribution', 'queueLimit'])
      expect(p.message).toContain(known);
  });

  it('unknown client field lists the client fields, not the server ones', () => {
    const d = issueExample();
    nodeById(d, 'users').config.readratio = 0.5;
    const p = expectProblem(d, /^nodes\[0\] "users"/, '"readratio"');
    expect(p.message).toContain('readRatio');
    expect(p.message).toContain('zipf');
    expect(p.message).not.toContain('serviceTimeMs');
  });

  it('unknown fields elsewhere are named too', () => {
    expectProblem({ ...issueExample(), durations: 5 }, '', 'unknown field', '"durations"');
    const d = issueExample();
    nodeById(d, 'lb').lable = 'typo';
    expectProblem(d, /^nodes\[1\] "lb"$/, '"lable"');
    const d2 = issueExample();
    nodeById(d2, 'lb').config.healthCheck = { intervalMS: 100 };
    expectProblem(d2, /^nodes\[1\] "lb" ?\.config\.healthCheck$/, '"intervalMS"');
    const d3 = issueExample();
    (d3.edges[0] as Record<string, unknown>).latency = 3;
    expectProblem(d3, /^edges\[0\]$/, '"latency"');
  });

  it('unknown node type lists the node types there are', () => {
    const d = issueExample();
    nodeById(d, 'web-1').type = 'mainframe';
    const p = expectProblem(d, /^nodes\[2\] "web-1"/);
    for (const t of ['client', 'loadBalancer', 'server', 'database']) expect(p.message).toContain(t);
  });

  // BUG (restore.ts lines 228–236): the custom "unknown node type" message is never produced. Zod 4
  // reports a failed discriminator at path [..., 'type'] (length 3), so the `path.length === 2`
  // branch is dead and the user gets Zod's "Invalid discriminator value. Expected 'client' | …",
  // which never says what was given. Remove `.fails` when fixed.
  it('unknown node type says which type was given ("mainframe")', () => {
    const d = issueExample();
    nodeById(d, 'web-1').type = 'mainframe';
    expectProblem(d, /^nodes\[2\] "web-1"/, '"mainframe"', /unknown node type/i);
  });

  it('a node without a type is refused, naming the node', () => {
    const d = issueExample();
    delete (nodeById(d, 'web-1') as Record<string, unknown>).type;
    const p = expectProblem(d, /^nodes\[2\] "web-1"/);
    expect(p.message).toContain('server');
  });

  it('a node that is not an object', () => {
    const d = issueExample();
    (d.nodes as unknown[])[2] = 5;
    expectProblem(d, /^nodes\[2\]$/, 'object', '5');
  });

  it('out-of-range numbers name the path (with the node id) and the bound', () => {
    const d = issueExample();
    nodeById(d, 'web-1').config.workers = 0;
    const p = expectProblem(d, nodePath(2, 'web-1', 'config.workers'), '1', 'got 0');
    expect(p.message).toMatch(/≥ 1|at least 1/);

    const d2 = issueExample();
    nodeById(d2, 'web-1').config.workers = 200_000;
    expectProblem(d2, nodePath(2, 'web-1', 'config.workers'), /≤ 100000|at most 100000/, '200000');

    const d3 = issueExample();
    nodeById(d3, 'web-1').config.serviceTimeMs = 0;
    expectProblem(d3, nodePath(2, 'web-1', 'config.serviceTimeMs'), /> 0/, 'got 0');

    const d4 = issueExample();
    nodeById(d4, 'users').config.readRatio = 1.5;
    expectProblem(d4, nodePath(0, 'users', 'config.readRatio'), /≤ 1/, '1.5');

    const d5 = issueExample();
    nodeById(d5, 'users').config.rps = -1;
    expectProblem(d5, nodePath(0, 'users', 'config.rps'), /≥ 0/, '-1');

    const d6 = issueExample();
    nodeById(d6, 'lb').config.healthCheck = { intervalMs: 1 };
    expectProblem(d6, nodePath(1, 'lb', 'config.healthCheck.intervalMs'), /≥ 10/, 'got 1');

    expectProblem(doc({ duration: 0 }), 'duration', /> 0/);
    expectProblem(doc({ duration: LIMITS.durationS + 1 }), 'duration', `${LIMITS.durationS}`);
    expectProblem(doc({ seed: -1 }), 'seed', /≥ 0/);
    expectProblem(doc({ seed: 2 ** 32 }), 'seed', `${2 ** 32 - 1}`);
    const d7 = issueExample();
    (d7.edges[1] as Record<string, unknown>).latencyMs = -5;
    expectProblem(d7, /^edges\[1\]\.latencyMs$/, /≥ 0/, '-5');
  });

  it('bad enum values list the allowed values and what was given', () => {
    const d = issueExample();
    nodeById(d, 'lb').config.strategy = 'rr';
    const p = expectProblem(d, nodePath(1, 'lb', 'config.strategy'), '"rr"');
    for (const s of [
      'round-robin',
      'weighted-round-robin',
      'random',
      'least-connections',
      'power-of-two',
      'ip-hash',
      'consistent-hash',
    ])
      expect(p.message).toContain(`"${s}"`);

    const d2 = issueExample();
    nodeById(d2, 'web-1').config.serviceDistribution = 'normal';
    expectProblem(
      d2,
      nodePath(2, 'web-1', 'config.serviceDistribution'),
      '"exponential"',
      '"deterministic"',
      '"lognormal"',
      '"normal"',
    );

    const d3 = issueExample();
    d3.events.push({ at: 1, action: 'explode', node: 'web-1' });
    expectProblem(
      d3,
      /^events\[2\]\.action$/,
      '"fail"',
      '"restore"',
      '"slow"',
      '"cut"',
      '"heal"',
      '"spike"',
      '"explode"',
    );
  });

  it('ids must be short names: the message says what an id may contain', () => {
    const d = issueExample();
    d.nodes.push(server('web 2'));
    expectProblem(d, /^nodes\[3\]/, '1–64', 'letters');
    expectProblem(doc({ nodes: [server('x'.repeat(65))] }), /^nodes\[0\]/, '1–64');
    expectProblem(doc({ nodes: [server('')] }), /^nodes\[0\]/, '1–64');
  });

  it('labels and titles that are too long say the limit', () => {
    expectProblem(
      doc({ title: 'x'.repeat(LIMITS.titleChars + 1) }),
      'title',
      /too long/,
      `${LIMITS.titleChars}`,
    );
    expectProblem(
      doc({ nodes: [{ ...server('s'), label: 'y'.repeat(81) }] }),
      /^nodes\[0\] "s" ?\.label$/,
      '80',
    );
  });

  it('many problems: the summary counts them, shows five and says how many more', () => {
    const d = issueExample();
    const web = nodeById(d, 'web-1');
    web.config = {
      workers: 0,
      serviceTimeMs: -1,
      weight: 0,
      queueLimit: -1,
      retries: 11,
      serviceCv: 0,
      role: 'x',
    };
    const r = failure(d);
    expect(r.problems).toHaveLength(7);
    expect(r.error).toMatch(/7 problems/);
    expect(r.error).toMatch(/and 2 more/);
    expect(r.error.split('\n').filter((l) => l.startsWith('•'))).toHaveLength(5);
  });

  // BUG (restore.ts line 241): `expected a ${issue.expected}` gives "expected a object" and
  // "expected a array". Remove `.fails` when fixed.
  it('"expected an object" / "expected a list", not "a object" / "a array"', () => {
    const d = issueExample();
    nodeById(d, 'users').position = 5;
    const p = expectProblem(d, /position/);
    expect(p.message).not.toMatch(/\ba object\b/);
    const p2 = expectProblem(doc({ nodes: {} as unknown as LooseDoc['nodes'] }), 'nodes');
    expect(p2.message).not.toMatch(/\ba array\b/);
  });
});

describe('messages for a wrong document', () => {
  it('not JSON', () => {
    for (const text of ['{"type": ', '', 'hello', "{'type': 'scalelab-scenario'}", '{"a":1,}'])
      expectProblem(text, '', 'not valid JSON');
  });

  it('JSON that is not an object: array, null, number, string, boolean', () => {
    expectProblem('[]', '', 'scenario object', 'a list');
    expectProblem('[{"type":"scalelab-scenario","version":1}]', '', 'a list');
    expectProblem('null', '', 'scenario object', 'null');
    expectProblem('42', '', 'scenario object', '42');
    expectProblem('"scalelab-scenario"', '', 'scenario object', '"scalelab-scenario"');
    expectProblem('true', '', 'true');
    expectProblem(null, '', 'null');
    expectProblem(undefined, '', 'nothing');
    expectProblem(17, '', '17');
    expectProblem([issueExample()], '', 'a list');
  });

  it('missing "type" says so and what it should be', () => {
    const { type: _, ...rest } = issueExample();
    const r = failure(rest);
    expect(r.error).toMatch(/"type" is missing/);
    expect(r.error).toContain('"scalelab-scenario"');
    expect(r.problems).toContainEqual({
      path: 'type',
      message: expect.stringContaining('"scalelab-scenario"'),
    });
  });

  it('another document type says which type it is', () => {
    const r = failure({ ...issueExample(), type: 'excalidraw' });
    expect(r.error).toMatch(/not a ScaleLab scenario/);
    expect(r.error).toContain('"excalidraw"');
    expect(r.error).toContain('"scalelab-scenario"');
    expect(r.problems).toContainEqual({
      path: 'type',
      message: expect.stringContaining('"scalelab-scenario"'),
    });
    expect(failure({ ...issueExample(), type: 'Scalelab-Scenario' }).error).toContain('"Scalelab-Scenario"');
    expect(failure({ ...issueExample(), type: 7 }).error).toContain('7');
  });

  it('a version newer than this app reads says "newer version"', () => {
    for (const version of [2, 99]) {
      const r = failure({ ...issueExample(), version });
      expect(r.error).toMatch(/newer version/);
      expect(r.error).toContain(`${version}`);
      expect(r.problems.some((p) => p.path === 'version')).toBe(true);
    }
  });

  it('version 0, negative, fractional, text or missing: "a whole number from 1"', () => {
    for (const version of [0, -1, 1.5, '1', null, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = failure({ ...issueExample(), version });
      expect(r.error, String(version)).toMatch(/"version"/);
      expect(r.error).toMatch(/whole number from 1/);
      expect(r.problems.some((p) => p.path === 'version')).toBe(true);
    }
    const { version: _, ...noVersion } = issueExample();
    expect(failure(noVersion).error).toMatch(/"version".*got nothing/);
  });
});

describe('graph rules', () => {
  it('duplicate ids', () => {
    const d = issueExample();
    d.nodes.push(server('web-1'));
    expectProblem(d, 'nodes[3].id', '"web-1"', 'twice');
  });

  it('edges to and from missing nodes name the missing id', () => {
    const d = issueExample();
    d.edges.push(edge('lb', 'ghost'));
    expectProblem(d, 'edges[2].target', 'no node', '"ghost"');
    const d2 = issueExample();
    d2.edges.push(edge('phantom', 'web-1'));
    expectProblem(d2, 'edges[2].source', 'no node', '"phantom"');
  });

  it('disallowed edges use the student-facing text from connections.ts', () => {
    const dbToServer = doc({ nodes: [server('app'), database('db')], edges: [edge('db', 'app')] });
    expectProblem(dbToServer, 'edges[0]', '"db" → "app"', connectionProblem('database', 'server') as string);
    expect(failure(dbToServer).error).toMatch(/only answers queries/);

    const clientToDb = doc({ nodes: [client('users'), database('db')], edges: [edge('users', 'db')] });
    expectProblem(clientToDb, 'edges[0]', connectionProblem('client', 'database') as string);
    expect(failure(clientToDb).error).toMatch(/put a server in between/);

    const lbToDb = doc({ nodes: [balancer('lb'), database('db')], edges: [edge('lb', 'db')] });
    expectProblem(lbToDb, 'edges[0]', connectionProblem('loadBalancer', 'database') as string);

    const serverToClient = doc({ nodes: [server('s'), client('c')], edges: [edge('s', 'c')] });
    expectProblem(serverToClient, 'edges[0]', connectionProblem('server', 'client') as string);

    const clientToClient = doc({ nodes: [client('a'), client('b')], edges: [edge('a', 'b')] });
    expectProblem(clientToClient, 'edges[0]', connectionProblem('client', 'client') as string);

    const dbToDb = doc({ nodes: [database('a'), database('b')], edges: [edge('a', 'b')] });
    expectProblem(dbToDb, 'edges[0]', connectionProblem('database', 'database') as string);
  });

  it('a node connected to itself', () => {
    const d = doc({ nodes: [server('a')], edges: [edge('a', 'a')] });
    expectProblem(d, 'edges[0]', 'itself', '"a"');
  });

  it('the same connection twice', () => {
    const d = issueExample();
    d.edges.push(edge('lb', 'web-1', { latencyMs: 3 }));
    expectProblem(d, 'edges[2]', '"lb" → "web-1"', 'twice');
  });

  it('cycles: server a → server b → server a names the loop', () => {
    const d = doc({ nodes: [server('a'), server('b')], edges: [edge('a', 'b'), edge('b', 'a')] });
    const p = expectProblem(d, 'edges', 'loop');
    expect(p.message).toMatch(/a → b → a|b → a → b/);
  });

  it('a longer cycle through a balancer, away from the first node', () => {
    const d = doc({
      nodes: [client('users'), balancer('lb'), server('a'), server('b'), server('c')],
      edges: [edge('users', 'lb'), edge('lb', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'lb')],
    });
    const p = expectProblem(d, 'edges', 'loop');
    for (const id of ['lb', 'a', 'b', 'c']) expect(p.message).toContain(id);
    expect(p.message).not.toContain('users');
  });

  it('diamonds are not cycles', () => {
    const d = doc({
      nodes: [client('u'), server('a'), server('b'), server('c'), database('db')],
      edges: [
        edge('u', 'a'),
        edge('a', 'b'),
        edge('a', 'c'),
        edge('b', 'db'),
        edge('c', 'db'),
        edge('u', 'c'),
      ],
    });
    expect(restoreScenario(d).ok).toBe(true);
  });

  it('warm-up must be shorter than the duration', () => {
    expectProblem(doc({ duration: 120, warmup: 120 }), 'warmup', 'shorter', '120');
    expectProblem(doc({ duration: 60, warmup: 90 }), 'warmup', '90', '60');
    expect(restoreScenario(doc({ duration: 60, warmup: 59.9 })).ok).toBe(true);
    // the default duration (60 s) applies to the comparison too
    expectProblem({ type: 'scalelab-scenario', version: 1, warmup: 60 }, 'warmup', '60');
  });
});

describe('events', () => {
  it('fail / restore / slow referring to a missing node', () => {
    for (const action of ['fail', 'restore', 'slow']) {
      const d = issueExample();
      d.events = [{ at: 5, action, node: 'ghost', factor: 2 }];
      expectProblem(d, 'events[0].node', 'no node', '"ghost"');
    }
  });

  it('a node event without a node', () => {
    const d = issueExample();
    d.events = [{ at: 5, action: 'fail' }];
    expectProblem(d, 'events[0].node', '"fail"', '"node"');
  });

  it('cut / heal referring to a missing edge, or without one', () => {
    const d = issueExample();
    d.events = [{ at: 5, action: 'cut', source: 'users', target: 'web-1' }];
    expectProblem(d, 'events[0]', 'no edge', '"users" → "web-1"');
    const d2 = issueExample();
    d2.events = [{ at: 5, action: 'heal', node: 'web-1' }];
    expectProblem(d2, 'events[0]', '"heal"', '"source"', '"target"');
    const ok = issueExample();
    ok.events = [
      { at: 5, action: 'cut', source: 'lb', target: 'web-1' },
      { at: 9, action: 'heal', source: 'lb', target: 'web-1' },
    ];
    expect(restoreScenario(ok).ok).toBe(true);
  });

  it('spike only on a client', () => {
    const d = issueExample();
    d.events = [{ at: 5, action: 'spike', node: 'web-1', factor: 3, for: 10 }];
    expectProblem(d, 'events[0].node', 'client', '"web-1"', 'server');
    const d2 = issueExample();
    d2.events = [{ at: 5, action: 'spike', node: 'lb', factor: 3, for: 10 }];
    expectProblem(d2, 'events[0].node', 'client', '"lb"');
    const ok = issueExample();
    ok.events = [{ at: 5, action: 'spike', node: 'users', factor: 3, for: 10 }];
    expect(restoreScenario(ok).ok).toBe(true);
  });

  it('an event after the end of the run', () => {
    const d = issueExample();
    d.events.push({ at: 121, action: 'restore', node: 'web-1' });
    expectProblem(d, 'events[2].at', 'after the end', '121', '120');
    const atEnd = issueExample();
    atEnd.events.push({ at: 120, action: 'restore', node: 'web-1' });
    expect(restoreScenario(atEnd).ok).toBe(true);
  });

  it('event fields are checked: negative time, bad factor, unknown field', () => {
    const d = issueExample();
    d.events = [{ at: -1, action: 'fail', node: 'web-1' }];
    expectProblem(d, 'events[0].at', /≥ 0/, '-1');
    const d2 = issueExample();
    d2.events = [{ at: 1, action: 'slow', node: 'web-1', factor: 0 }];
    expectProblem(d2, 'events[0].factor', /> 0/);
    const d3 = issueExample();
    d3.events = [{ at: 1, action: 'fail', nodes: 'web-1' }];
    expectProblem(d3, 'events[0]', '"nodes"');
  });
});

describe('size caps', () => {
  it(`refuses a 6 MB string quickly, saying it is too large and what the limit is`, () => {
    const huge = `{"type":"scalelab-scenario","version":1,"title":"${'x'.repeat(6_000_000)}"}`;
    const started = performance.now();
    const r = restoreScenario(huge);
    const ms = performance.now() - started;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/too large/);
    expect(r.error).toContain(MAX_INPUT_CHARS.toLocaleString('en-US'));
    expect(r.error.length).toBeLessThan(300);
    expect(ms).toBeLessThan(200);
  });

  it('accepts a document of exactly the maximum size', () => {
    const text = JSON.stringify(issueExample());
    const padded = text + ' '.repeat(MAX_INPUT_CHARS - text.length);
    expect(padded.length).toBe(MAX_INPUT_CHARS);
    expect(restoreScenario(padded).ok).toBe(true);
    expect(restoreScenario(`${padded} `).ok).toBe(false);
  });

  it('2001 nodes: "too many", with the limit', () => {
    const nodes = Array.from({ length: LIMITS.nodes + 1 }, (_, i) => server(`s${i}`));
    const r = failure(JSON.stringify(doc({ nodes })));
    const p = r.problems.find((x) => x.path === 'nodes');
    expect(p?.message).toMatch(/too many/);
    expect(p?.message).toContain('2000');
    expect(r.error).toMatch(/too many/);
  });

  it('2000 nodes in one long chain restore, and a 2000-node loop is found (no stack overflow)', () => {
    const nodes = Array.from({ length: LIMITS.nodes }, (_, i) => server(`s${i}`));
    const edges = nodes.slice(1).map((n, i) => edge(`s${i}`, n.id));
    const started = performance.now();
    expect(restoreScenario(doc({ nodes, edges })).ok).toBe(true);
    const loop = doc({ nodes, edges: [...edges, edge(`s${LIMITS.nodes - 1}`, 's0')] });
    expectProblem(loop, 'edges', 'loop', 's0', 's1999');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('too many edges or events', () => {
    const edges = Array.from({ length: LIMITS.edges + 1 }, () => edge('a', 'b'));
    expectProblem(doc({ nodes: [server('a'), server('b')], edges }), 'edges', /too many/, `${LIMITS.edges}`);
    const events = Array.from({ length: LIMITS.events + 1 }, () => ({ at: 1, action: 'fail', node: 'a' }));
    expectProblem(doc({ nodes: [server('a')], events }), 'events', /too many/, `${LIMITS.events}`);
  });
});

describe('never throws, even on hostile input', () => {
  it('deep nesting elsewhere in the document is refused without a crash', () => {
    const nest = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    for (const text of [
      nest,
      `{"type":"scalelab-scenario","version":1,"title":${nest}}`,
      `{"type":"scalelab-scenario","version":${nest}}`,
      `{"type":"scalelab-scenario","version":1,"nodes":[{"id":"a","type":${nest}}]}`,
      `{"type":"scalelab-scenario","version":1,"nodes":[{"id":"a","type":"server","config":{"workers":${nest}}}]}`,
    ]) {
      const r = restoreScenario(text);
      expect(r.ok).toBe(false);
    }
  });

  // BUG (restore.ts line 56): `JSON.stringify(doc.type)` overflows the stack when "type" is deeply
  // nested JSON — a 400 KB text file or share link (well under the 5 MB cap) makes restoreScenario
  // throw "RangeError: Maximum call stack size exceeded" instead of returning a message.
  it('a deeply nested "type" (valid JSON under the size cap) does not throw', () => {
    const nest = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const text = `{"type":${nest}}`;
    expect(text.length).toBeLessThan(MAX_INPUT_CHARS);
    expect(() => restoreScenario(text)).not.toThrow();
  });

  // BUG (restore.ts line 56): same line, for non-JSON objects handed in directly (e.g. from
  // structured-cloned storage): a BigInt or a circular value in "type" makes JSON.stringify throw.
  it('a BigInt or circular "type" does not throw', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => restoreScenario({ type: 10n, version: 1 })).not.toThrow();
    expect(() => restoreScenario({ type: circular, version: 1 })).not.toThrow();
  });

  // BUG (restore.ts line 56): a long "type" is echoed whole into the message: a 4.9 MB string
  // produces a 4.9 MB error text, unlike describeValue() which cuts strings at 40 characters.
  it('a huge "type" value is not echoed whole into the message', () => {
    const r = failure(JSON.stringify({ type: 'x'.repeat(1_000_000), version: 1 }));
    expect(r.error.length).toBeLessThan(1000);
  });

  it('BigInt, Symbol, functions and Infinity elsewhere are refused with a message', () => {
    const weird: unknown[] = [10n, Symbol('s'), () => 1, Number.POSITIVE_INFINITY, Number.NaN, new Date(0)];
    for (const value of weird) {
      const d = issueExample();
      nodeById(d, 'users').config.rps = value;
      const r = restoreScenario(d);
      expect(r.ok).toBe(false);
      const d2 = issueExample();
      d2.title = value;
      expect(restoreScenario(d2).ok).toBe(false);
    }
  });

  it('"__proto__" and "constructor" as keys or values do not confuse it', () => {
    expectProblem('{"type":"scalelab-scenario","version":1,"__proto__":{"x":1}}', '', '"__proto__"');
    const d = issueExample();
    nodeById(d, 'web-1').type = 'constructor';
    expect(restoreScenario(d).ok).toBe(false);
    const d2 = issueExample();
    nodeById(d2, 'web-1').type = '__proto__';
    expect(restoreScenario(d2).ok).toBe(false);
    // ids that look like Object.prototype keys are ordinary ids
    const ok = doc({
      nodes: [client('constructor'), server('__proto__'), server('toString'), database('hasOwnProperty')],
      edges: [
        edge('constructor', '__proto__'),
        edge('__proto__', 'toString'),
        edge('toString', 'hasOwnProperty'),
      ],
      events: [{ at: 1, action: 'fail', node: '__proto__' }],
    });
    expect(restoreScenario(JSON.stringify(ok)).ok).toBe(true);
  });
});
