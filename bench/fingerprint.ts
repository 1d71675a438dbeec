/**
 * `npx tsx bench/fingerprint.ts [--save FILE | --check FILE]`: the safety net for speed work
 * on the engine. Runs a corpus of scenarios — the bench topologies (shortened), every built-in
 * lesson's start, solution and variants, the example files, and a set of scenarios that reach
 * the rarer paths (faults, timeouts, retries, every balancing strategy, every eviction and
 * write policy, queues, worker pools, schedulers, map-reduce, edits while running, runs sliced
 * into many `runUntil` calls) — and prints one SHA-256 of `JSON.stringify(report)` per
 * scenario, then one over all of them. A change that claims not to change any result must
 * leave every line the same: `--save` before it, `--check` after.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Simulation } from '../src/engine/index.ts';
import { lessons } from '../src/lessons/index.ts';
import { cacheConfig, eviction } from '../src/scenario/components/cache.ts';
import { balancingStrategy } from '../src/scenario/components/shared.ts';
import type { Scenario, ScenarioInput } from '../src/scenario/document.ts';
import { defaultScenarioInput } from '../src/scenario/examples/defaultScenario.ts';
import { restoreOrThrow } from '../src/scenario/restore.ts';
import { balancedServers, cacheHeavy } from './scenarios.ts';

interface Case {
  name: string;
  scenario: Scenario;
  /** Run in slices of this many ms instead of one `run()`. */
  sliceMs?: number;
  /** Apply this edited scenario half-way through. */
  edit?: Scenario;
}

// Every strategy, eviction and write policy the schema knows, so a new one joins the corpus.
const strategies = balancingStrategy.unwrap().options;
const evictions = eviction.unwrap().options;
const writePolicies = cacheConfig.shape.writePolicy.unwrap().options;

function doc(title: string, rest: Omit<ScenarioInput, 'type' | 'version' | 'title'>): Scenario {
  return restoreOrThrow({ type: 'scalelab-scenario', version: 1, title, ...rest });
}

/** Users → balancer (one strategy) → three servers → database, with faults, timeouts and retries. */
function balanced(strategy: (typeof strategies)[number], seed: number): Scenario {
  return doc(`balanced ${strategy}`, {
    seed,
    duration: 20,
    warmup: 2,
    nodes: [
      { id: 'users', type: 'client', config: { rps: 300, readRatio: 0.8, timeoutMs: 150, sessions: 300 } },
      {
        id: 'lb',
        type: 'loadBalancer',
        config: {
          strategy,
          retries: 2,
          overheadMs: 0.2,
          capacityRps: 5000,
          healthCheck: { intervalMs: 200 },
        },
      },
      ...[1, 2, 3].map((i) => ({
        id: `web-${i}`,
        type: 'server' as const,
        config: {
          workers: 2,
          serviceTimeMs: 4 + i,
          weight: i,
          queueLimit: i === 3 ? 10 : null,
          serviceDistribution: (['exponential', 'deterministic', 'lognormal'] as const)[i - 1],
        },
      })),
      {
        id: 'db',
        type: 'database',
        config: { connections: 4, readTimeMs: 1, writeTimeMs: 3, readReplicas: 1 },
      },
    ],
    edges: [
      { source: 'users', target: 'lb', latencyMs: 2 },
      ...[1, 2, 3].flatMap((i) => [
        { source: 'lb', target: `web-${i}`, latencyMs: 0.5 },
        { source: `web-${i}`, target: 'db', latencyMs: 0.3 },
      ]),
    ],
    events: [
      { at: 4, action: 'fail', node: 'web-1' },
      { at: 7, action: 'restore', node: 'web-1' },
      { at: 9, action: 'slow', node: 'web-2', factor: 4 },
      { at: 11, action: 'cut', source: 'lb', target: 'web-3' },
      { at: 13, action: 'heal', source: 'lb', target: 'web-3' },
      { at: 14, action: 'spike', node: 'users', factor: 2, for: 2 },
      { at: 16, action: 'fail', node: 'db' },
      { at: 17, action: 'restore', node: 'db' },
    ],
  });
}

/** A smart client over two servers, each asking a cache (one eviction and write policy) before the database. */
function cached(
  eviction: (typeof evictions)[number],
  writePolicy: (typeof writePolicies)[number],
  seed: number,
) {
  return doc(`cache ${eviction} ${writePolicy}`, {
    seed,
    duration: 15,
    warmup: 1,
    nodes: [
      {
        id: 'users',
        type: 'client',
        config: {
          rps: 800,
          readRatio: 0.7,
          keys: 2000,
          zipf: 0.9,
          strategy: 'least-connections',
          retries: 1,
        },
      },
      { id: 'web-1', type: 'server', config: { workers: 8, serviceTimeMs: 2 } },
      { id: 'web-2', type: 'server', config: { workers: 8, serviceTimeMs: 2, strategy: 'consistent-hash' } },
      {
        id: 'cache',
        type: 'cache',
        config: { capacity: 300, eviction, writePolicy, ttlMs: seed % 2 === 0 ? 500 : null, workers: 4 },
      },
      {
        id: 'db',
        type: 'database',
        config: { connections: 6, readTimeMs: 3, rowCache: { capacity: 100, eviction } },
      },
    ],
    edges: [
      { source: 'users', target: 'web-1', latencyMs: 1 },
      { source: 'users', target: 'web-2', latencyMs: 1 },
      { source: 'web-1', target: 'cache' },
      { source: 'web-2', target: 'cache' },
      { source: 'web-1', target: 'db', latencyMs: 0.5 },
      { source: 'web-2', target: 'db', latencyMs: 0.5 },
    ],
    events: [
      { at: 5, action: 'flush', node: 'cache' },
      { at: 8, action: 'fail', node: 'cache' },
      { at: 9, action: 'restore', node: 'cache' },
      { at: 10, action: 'flush', node: 'db' },
      { at: 12, action: 'fail', node: 'web-2' },
    ],
  });
}

/** Sharded caches behind servers that balance themselves (the cache-heavy shape, small), with a CDN in front. */
const sharded = doc('sharded caches and cdn', {
  seed: 5,
  duration: 10,
  nodes: [
    {
      id: 'users',
      type: 'client',
      config: {
        rps: 3000,
        keys: 50_000,
        zipf: 1.1,
        staticRatio: 0.3,
        staticKeys: 500,
        pattern: { type: 'diurnal' },
      },
    },
    { id: 'cdn', type: 'cdn', config: { capacity: 200, ttlMs: 1000 } },
    ...[1, 2, 3].map((i) => ({
      id: `web-${i}`,
      type: 'server' as const,
      config: { workers: 16, serviceTimeMs: 1, strategy: 'power-of-two' as const },
    })),
    ...[1, 2].map((i) => ({
      id: `cache-${i}`,
      type: 'cache' as const,
      config: { capacity: 5000, eviction: 'lru' as const, workers: 16 },
    })),
    { id: 'db', type: 'database', config: { connections: 50, readTimeMs: 5, queueLimit: 200 } },
  ],
  edges: [
    { source: 'users', target: 'cdn', latencyMs: 10 },
    ...[1, 2, 3].flatMap((i) => [
      { source: 'cdn', target: `web-${i}`, latencyMs: 20 },
      { source: `web-${i}`, target: 'cache-1' },
      { source: `web-${i}`, target: 'cache-2' },
      { source: `web-${i}`, target: 'db' },
    ]),
  ],
  events: [
    { at: 3, action: 'fail', node: 'cache-2' },
    { at: 6, action: 'restore', node: 'cache-2' },
    { at: 7, action: 'flush', node: 'cdn' },
  ],
});

/** Asynchronous work through a queue to worker pools, a scheduler and a map-reduce cluster. */
const offline = doc('queues, pools, scheduler, map-reduce', {
  seed: 9,
  duration: 60,
  warmup: 5,
  nodes: [
    {
      id: 'users',
      type: 'client',
      config: {
        rps: 200,
        asyncRatio: 0.4,
        arrival: 'deterministic',
        pattern: { type: 'ramp', toRps: 400, endS: 30 },
      },
    },
    { id: 'lb', type: 'loadBalancer', config: { standby: true, failoverMs: 500 } },
    { id: 'web-1', type: 'server', config: { workers: 8, serviceTimeMs: 5, jobTimeMs: 50 } },
    { id: 'web-2', type: 'server', config: { workers: 8, serviceTimeMs: 5, jobTimeMs: 50 } },
    { id: 'jobs', type: 'queue', config: { capacity: 500, publishTimeMs: 1 } },
    { id: 'pool-a', type: 'workerPool', config: { workers: 3 } },
    { id: 'pool-b', type: 'workerPool', config: { workers: 2, serviceDistribution: 'lognormal' } },
    { id: 'db', type: 'database', config: { connections: 8 } },
    { id: 'cron', type: 'scheduler', config: { everyS: 15, firstAtS: 3, jobs: 20 } },
    { id: 'mr', type: 'mapReduce', config: { workers: 6, inputMB: 800, stragglerProbability: 0.1 } },
  ],
  edges: [
    { source: 'users', target: 'lb', latencyMs: 5 },
    { source: 'lb', target: 'web-1' },
    { source: 'lb', target: 'web-2' },
    { source: 'web-1', target: 'jobs' },
    { source: 'web-2', target: 'jobs' },
    { source: 'web-1', target: 'db' },
    { source: 'web-2', target: 'db' },
    { source: 'jobs', target: 'pool-a' },
    { source: 'jobs', target: 'pool-b' },
    { source: 'pool-a', target: 'db' },
    { source: 'pool-b', target: 'db' },
    { source: 'cron', target: 'jobs' },
    { source: 'cron', target: 'mr' },
  ],
  events: [
    { at: 10, action: 'fail', node: 'lb' },
    { at: 20, action: 'restore', node: 'lb' },
    { at: 25, action: 'fail', node: 'pool-a' },
    { at: 35, action: 'restore', node: 'pool-a' },
    { at: 30, action: 'run', node: 'mr' },
    { at: 40, action: 'fail', node: 'mr' },
    { at: 45, action: 'restore', node: 'mr' },
  ],
});

function corpus(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, scenario: Scenario, extra: Partial<Case> = {}) =>
    cases.push({ name, scenario, ...extra });
  for (const n of [4, 100, 1000])
    add(`bench ${n} servers`, restoreOrThrow(balancedServers(n, 100, 2000 / n)));
  add('bench cache-heavy', restoreOrThrow(cacheHeavy(2)));
  for (const l of lessons) {
    add(`lesson ${l.id} start`, l.exercise.start);
    add(`lesson ${l.id} solution`, l.solution);
    for (const [v, s] of Object.entries(l.variants)) add(`lesson ${l.id} variant ${v}`, s);
  }
  const dir = new URL('../examples/', import.meta.url);
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort())
    add(`examples/${f}`, restoreOrThrow(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
  add('default scenario', restoreOrThrow(defaultScenarioInput));
  for (const [i, s] of strategies.entries()) add(`balanced ${s}`, balanced(s, 100 + i));
  let seed = 200;
  for (const e of evictions) for (const w of writePolicies) add(`cache ${e} ${w}`, cached(e, w, seed++));
  add('sharded caches and cdn', sharded);
  add('offline', offline);
  // The same runs cut into slices (a live run steps this way) and edited while running.
  add('offline sliced', offline, { sliceMs: 777 });
  add('balanced ip-hash sliced', balanced('ip-hash', 105), { sliceMs: 333 });
  const edited = structuredClone(balanced('least-connections', 103));
  const web2 = edited.nodes.find((n) => n.id === 'web-2');
  if (web2?.type === 'server') web2.config.workers = 5;
  edited.nodes = edited.nodes.filter((n) => n.id !== 'web-3');
  edited.edges = edited.edges.filter((e) => e.source !== 'web-3' && e.target !== 'web-3');
  add('balanced least-connections edited', balanced('least-connections', 103), { edit: edited });
  return cases;
}

function fingerprint(c: Case): string {
  const sim = new Simulation(c.scenario);
  if (c.edit) {
    sim.runUntil(sim.durationMs / 2);
    sim.reconfigure(c.edit);
    sim.run();
  } else if (c.sliceMs) {
    for (let t = c.sliceMs; !sim.finished; t += c.sliceMs) sim.runUntil(t);
  } else sim.run();
  return createHash('sha256').update(JSON.stringify(sim.report())).digest('hex');
}

const args = process.argv.slice(2);
const saveTo = args[args.indexOf('--save') + 1];
const checkAgainst = args[args.indexOf('--check') + 1];
const lines: string[] = [];
const all = createHash('sha256');
const t0 = performance.now();
for (const c of corpus()) {
  const h = fingerprint(c);
  all.update(h);
  lines.push(`${h}  ${c.name}`);
}
lines.push(`${all.digest('hex')}  (all)`);
const text = `${lines.join('\n')}\n`;
if (args.includes('--save') && saveTo) {
  writeFileSync(saveTo, text);
  console.log(
    `${lines.length - 1} scenarios saved to ${saveTo} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
} else if (args.includes('--check') && checkAgainst) {
  const want = readFileSync(checkAgainst, 'utf8').trimEnd().split('\n');
  const differ = lines.filter((l, i) => l !== want[i]);
  if (differ.length === 0 && want.length === lines.length) {
    console.log(
      `${lines.length - 1} scenarios: all identical (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
  } else {
    for (const l of differ) console.log(`differs: ${l}`);
    if (want.length !== lines.length) console.log(`expected ${want.length} lines, got ${lines.length}`);
    process.exitCode = 1;
  }
} else console.log(text.trimEnd());
