import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/document.ts';
import { restoreOrThrow } from '../scenario/restore.ts';
import { checkConstraints, costOf, evaluate, gradedScenario } from './evaluate.ts';
import { formatVerdict, verdictJson } from './format.ts';
import type { ExerciseInput } from './goals.ts';
import { exerciseOrThrow } from './restore.ts';
import { smallExercise, smallScenario, twoServers } from './testing.ts';

const exercise = (overrides: Partial<ExerciseInput> = {}) => exerciseOrThrow(smallExercise(overrides));
const attempt = (doc: ScenarioInput) => restoreOrThrow(doc);

describe('evaluate', () => {
  it('fails the start with the measured value and a hint, and passes a fixed design', () => {
    const ex = exercise();
    const start = evaluate(ex, ex.start);
    expect(start.passed).toBe(false);
    const [p99] = start.conditions;
    expect(p99).toMatchObject({
      label: 'p99 latency ≤ 100 ms',
      metric: 'p99',
      passed: false,
      targetText: '≤ 100 ms',
    });
    expect(p99?.measured).toBeGreaterThan(1000);
    expect(p99?.measuredText).toMatch(/^[\d,.]+ (ms|s)$/);
    expect(p99?.hint).toMatch(/utilisation chart/);

    const fixed = evaluate(ex, attempt(twoServers()));
    expect(fixed.passed).toBe(true);
    expect(fixed.conditions[0]?.hint).toBeNull();
    expect(fixed.constraints.map((c) => [c.id, c.passed])).toEqual([
      ['traffic', true],
      ['budget', true],
    ]);
    expect(fixed.constraints[1]?.detail).toBe('$200/month');
  });

  it('is deterministic: the same attempt gives the same verdict', () => {
    const ex = exercise();
    const a = verdictJson(evaluate(ex, attempt(twoServers())));
    const b = verdictJson(evaluate(ex, attempt(twoServers())));
    expect(b).toEqual(a);
  });

  it('grades under the exercise’s seed, duration, warm-up and faults, and says so', () => {
    const ex = exercise({
      start: smallScenario({ events: [{ at: 5, action: 'fail', node: 'web-1' }] }),
    });
    const mine = attempt(twoServers({ seed: 99, duration: 4, events: [] }));
    const g = gradedScenario(ex, mine);
    expect(g.ok).toBe(true);
    if (g.ok) {
      expect(g.scenario.seed).toBe(3);
      expect(g.scenario.duration).toBe(10);
      expect(g.scenario.events).toEqual([{ at: 5, action: 'fail', node: 'web-1' }]);
    }
    const v = evaluate(ex, mine);
    expect(v.notes.join(' ')).toMatch(/seed 3, 10 s/);
    expect(v.notes.join(' ')).toMatch(/own scheduled events were set aside/);
    expect(v.constraints[0]).toMatchObject({ id: 'faults', passed: true, detail: 'fail web-1 at 5 s' });
    expect(v.report?.faults.map((f) => f.target)).toEqual(['web-1']);
  });

  it('cannot run a design without the node a fault needs, and says why', () => {
    const ex = exercise({ start: smallScenario({ events: [{ at: 5, action: 'fail', node: 'web-1' }] }) });
    const renamed = smallScenario({
      nodes: [
        { id: 'users', type: 'client', config: { rps: 300 } },
        { id: 'lb', type: 'loadBalancer' },
        { id: 'app', type: 'server' },
      ],
      edges: [
        { source: 'users', target: 'lb' },
        { source: 'lb', target: 'app' },
      ],
    });
    const v = evaluate(ex, attempt(renamed));
    expect(v.passed).toBe(false);
    expect(v.report).toBeNull();
    expect(v.constraints[0]).toMatchObject({ id: 'faults', passed: false });
    expect(v.constraints[0]?.detail).toMatch(/will fail "web-1" at 5 s, but your design has no node "web-1"/);
    expect(v.conditions[0]?.measuredText).toMatch(/not measured: the design could not be run/);
  });

  it('checks the traffic, locks, allowed types, counts, budget and rules', () => {
    const ex = exercise({
      goal: {
        conditions: [{ metric: 'throughput', min: 1 }],
        constraints: {
          allowedTypes: ['client', 'loadBalancer', 'server'],
          maxCount: { server: 1 },
          budgetPerMonth: 100,
          locked: ['lb', { node: 'web-1', fields: ['workers'] }],
          rules: [
            {
              label: 'Two servers behind lb',
              check: { kind: 'nodes', match: { type: 'server', from: 'lb' }, min: 2 },
              hint: 'Add one.',
            },
          ],
        },
      },
    });
    const bad = attempt(
      smallScenario({
        nodes: [
          { id: 'users', type: 'client', config: { rps: 100 } },
          { id: 'bots', type: 'client', config: { rps: 5 } },
          { id: 'lb', type: 'loadBalancer', config: { strategy: 'random' } },
          { id: 'web-1', type: 'server', config: { workers: 8 } },
          { id: 'web-2', type: 'server' },
          { id: 'db', type: 'database' },
        ],
        edges: [
          { source: 'users', target: 'lb' },
          { source: 'bots', target: 'lb' },
          { source: 'lb', target: 'web-1' },
          { source: 'web-1', target: 'db' },
        ],
      }),
    );
    const c = Object.fromEntries(checkConstraints(ex, bad).map((x) => [x.id, x]));
    expect(c.traffic?.passed).toBe(false);
    expect(c.traffic?.detail).toMatch(/users: rps: 300 → 100; "bots" is a client the exercise did not have/);
    expect(c['lock:lb']).toMatchObject({ label: '“lb” stays as given', passed: false });
    expect(c['lock:lb']?.detail).toMatch(/strategy: round-robin → random/);
    expect(c['lock:web-1']).toMatchObject({
      label: '“web-1” keeps its workers',
      passed: false,
      detail: 'workers: 2 → 8',
    });
    expect(c.allowedTypes).toMatchObject({ passed: false, detail: '“db” is a database' });
    expect(c.allowedTypes?.label).toBe('Only these components: client, load balancer, server');
    expect(c['maxCount:server']).toMatchObject({
      label: 'At most 1 server',
      passed: false,
      detail: 'you have 2',
    });
    expect(c.budget).toMatchObject({ label: 'Costs at most $100/month', passed: false });
    expect(c.budget?.detail).toBe(`$${costOf(bad).toLocaleString('en-US')}/month`);
    expect(c['rule:0']).toMatchObject({ label: 'Two servers behind lb', passed: false, hint: 'Add one.' });

    const good = Object.fromEntries(checkConstraints(ex, ex.start).map((x) => [x.id, x]));
    expect(good.traffic).toMatchObject({ passed: true, detail: 'users: 300 req/s' });
    expect(good['lock:lb']).toMatchObject({ passed: true, detail: 'unchanged' });
    expect(good['maxCount:server']?.passed).toBe(true);
  });

  it('a removed locked node and a node of another type are named', () => {
    const ex = exercise({
      goal: { conditions: [{ metric: 'p99', max: 1 }], constraints: { locked: ['lb', 'web-1'] } },
    });
    const s = attempt(
      smallScenario({
        nodes: [
          { id: 'users', type: 'client', config: { rps: 300 } },
          { id: 'web-1', type: 'loadBalancer' },
        ],
        edges: [{ source: 'users', target: 'web-1' }],
      }),
    );
    const c = Object.fromEntries(checkConstraints(ex, s).map((x) => [x.id, x]));
    expect(c['lock:lb']?.detail).toBe('"lb" was removed');
    expect(c['lock:web-1']?.detail).toBe('"web-1" is now a load balancer, not a server');
  });

  it('prints a verdict people can read', () => {
    const ex = exercise();
    const text = formatVerdict(evaluate(ex, ex.start));
    expect(text).toMatch(/^Keep up with 300 req\/s\nNOT YET — 1 of 1 goal missed\./);
    expect(text).toMatch(/✗ p99 latency ≤ 100 ms\s+measured [\d.,]+ m?s/);
    expect(text).toMatch(/hint: /);
    expect(text).toMatch(/✓ Costs at most \$300\/month\s+\$130\/month/);
    const pass = formatVerdict(evaluate(ex, attempt(twoServers())));
    expect(pass).toMatch(/PASSED/);
  });

  it('measures node metrics over a type and on one node', () => {
    const ex = exercise({
      goal: {
        conditions: [
          { metric: 'utilization', type: 'server', max: 0.9 },
          { metric: 'utilization', node: 'web-2', max: 0.9 },
          { metric: 'load', type: 'server', max: 1000 },
          { metric: 'errors', cause: 'node-down', max: 0 },
          { metric: 'costPerMonth', max: 200 },
          { metric: 'hitRatio', type: 'cache', min: 0.5 },
        ],
      },
    });
    const v = evaluate(ex, attempt(twoServers()));
    const [busiest, web2, load, down, cost, hits] = v.conditions;
    expect(busiest?.label).toBe('Utilisation of the busiest server ≤ 90%');
    expect(busiest?.measured).toBeGreaterThan(0.6);
    expect(web2?.label).toBe('Utilisation of web-2 ≤ 90%');
    expect(load?.label).toBe('Load on the servers ≤ 1,000 req/s');
    expect(load?.measured).toBeGreaterThan(270);
    expect(load?.measured).toBeLessThan(330);
    expect(down).toMatchObject({ label: 'Failed requests (node-down) = 0', measured: 0, passed: true });
    expect(cost).toMatchObject({ measured: 200, passed: true });
    expect(hits).toMatchObject({
      measured: null,
      passed: false,
      measuredText: 'not measured: this design has no cache node',
    });
  });
});
