import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/index.ts';
import { restoreOrThrow } from '../scenario/restore.ts';
import { type CheckContext, checkNeedsRun, evaluateCheck, matchNodes, snapshotOf } from './checks.ts';
import { type Check, checkSchema } from './goals.ts';
import { smallScenario, twoServers } from './testing.ts';

const one = restoreOrThrow(smallScenario());
const two = restoreOrThrow(
  twoServers({
    edges: [
      { source: 'users', target: 'lb', latencyMs: 40 },
      { source: 'lb', target: 'web-1' },
      { source: 'lb', target: 'web-2', latencyMs: 2 },
    ],
    events: [{ at: 4, action: 'fail', node: 'web-2' }],
  }),
);
const met = (check: Check, ctx: CheckContext) => {
  expect(checkSchema.safeParse(check).success).toBe(true);
  return evaluateCheck(check, ctx).met;
};

describe('checks on the document', () => {
  it('counts nodes by selector: id, type, role, from, to', () => {
    expect(matchNodes(two, { type: 'server', from: 'lb' }).map((n) => n.id)).toEqual(['web-1', 'web-2']);
    expect(matchNodes(two, { to: 'lb' }).map((n) => n.id)).toEqual(['users']);
    expect(matchNodes(two, { role: 'web' })).toHaveLength(2);
    expect(matchNodes(two, { role: 'platform' })).toHaveLength(0);
    const atLeastTwo: Check = { kind: 'nodes', match: { type: 'server', from: 'lb' }, min: 2 };
    expect(met(atLeastTwo, { scenario: one })).toBe(false);
    expect(met(atLeastTwo, { scenario: two })).toBe(true);
    expect(met({ kind: 'nodes', match: { type: 'cache' } }, { scenario: two })).toBe(false);
    expect(met({ kind: 'nodes', match: { type: 'cache' }, max: 0 }, { scenario: two })).toBe(true);
  });

  it('reads config fields by dotted path: equals, oneOf, min, max, some or every', () => {
    const s = { scenario: two };
    expect(met({ kind: 'config', match: { id: 'lb' }, path: 'strategy', equals: 'round-robin' }, s)).toBe(
      true,
    );
    expect(met({ kind: 'config', match: { id: 'lb' }, path: 'healthCheck.intervalMs', max: 1000 }, s)).toBe(
      true,
    );
    expect(met({ kind: 'config', match: { id: 'lb' }, path: 'healthCheck.intervalMs', max: 999 }, s)).toBe(
      false,
    );
    expect(
      met({ kind: 'config', match: { id: 'lb' }, path: 'strategy', oneOf: ['random', 'ip-hash'] }, s),
    ).toBe(false);
    expect(met({ kind: 'config', match: { id: 'lb' }, path: 'no.such.field', equals: 1 }, s)).toBe(false);
    expect(met({ kind: 'config', match: { type: 'server' }, path: 'workers', min: 2, every: true }, s)).toBe(
      true,
    );
    // "every" over no nodes holds; "some" over no nodes does not.
    expect(met({ kind: 'config', match: { type: 'cache' }, path: 'capacity', max: 10, every: true }, s)).toBe(
      true,
    );
    expect(met({ kind: 'config', match: { type: 'cache' }, path: 'capacity', max: 10 }, s)).toBe(false);
    expect(
      met(
        {
          kind: 'config',
          match: { id: 'lb' },
          path: 'healthCheck',
          equals: { enabled: true, intervalMs: 1000, unhealthyThreshold: 2, healthyThreshold: 2 },
        },
        s,
      ),
    ).toBe(true);
  });

  it('counts edges and checks every one’s latency', () => {
    const s = { scenario: two };
    expect(met({ kind: 'edges', from: { id: 'lb' } }, s)).toBe(true);
    expect(met({ kind: 'edges', from: { id: 'lb' }, min: 3 }, s)).toBe(false);
    expect(met({ kind: 'edges', to: { type: 'loadBalancer' }, latencyMs: { min: 40 } }, s)).toBe(true);
    expect(met({ kind: 'edges', from: { id: 'lb' }, latencyMs: { min: 1 } }, s)).toBe(false);
    expect(met({ kind: 'edges', from: { type: 'server' }, to: { type: 'database' }, max: 0 }, s)).toBe(true);
  });

  it('counts scheduled events', () => {
    expect(met({ kind: 'events', action: 'fail', node: 'web-2' }, { scenario: two })).toBe(true);
    expect(met({ kind: 'events', action: 'fail', node: 'web-1' }, { scenario: two })).toBe(false);
    expect(met({ kind: 'events', max: 0 }, { scenario: one })).toBe(true);
  });
});

describe('checks on a run', () => {
  const report = new Simulation(two).run();
  const run = snapshotOf(report);

  it('wait for a run, then look at it', () => {
    const ran: Check = { kind: 'ran', seconds: 8 };
    expect(evaluateCheck(ran, { scenario: two })).toEqual({ met: false, needsRun: true });
    expect(evaluateCheck(ran, { scenario: two, run: { seconds: 5, faults: [] } })).toEqual({
      met: false,
      needsRun: false,
    });
    expect(met(ran, { scenario: two, run })).toBe(true);
    expect(met({ kind: 'fault', action: 'fail', node: 'web-2' }, { scenario: two, run })).toBe(true);
    expect(met({ kind: 'fault', node: 'web-1' }, { scenario: two, run })).toBe(false);
    const result: Check = { kind: 'result', condition: { metric: 'throughput', min: 200 } };
    expect(evaluateCheck(result, { scenario: two, run: { seconds: 5, faults: [] } })).toEqual({
      met: false,
      needsRun: true,
    });
    expect(met(result, { scenario: two, run })).toBe(true);
  });

  it('combine with all, any and not, and say when a run would decide', () => {
    const docOnly: Check = { kind: 'nodes', match: { type: 'server' }, min: 2 };
    const needsRun: Check = { kind: 'ran', seconds: 1 };
    expect(checkNeedsRun({ kind: 'all', of: [docOnly, needsRun] })).toBe(true);
    expect(checkNeedsRun({ kind: 'not', check: docOnly })).toBe(false);
    expect(evaluateCheck({ kind: 'all', of: [docOnly, needsRun] }, { scenario: two })).toEqual({
      met: false,
      needsRun: true,
    });
    expect(evaluateCheck({ kind: 'all', of: [docOnly, needsRun] }, { scenario: one })).toEqual({
      met: false,
      needsRun: true,
    });
    expect(evaluateCheck({ kind: 'any', of: [docOnly, needsRun] }, { scenario: two })).toEqual({
      met: true,
      needsRun: false,
    });
    expect(evaluateCheck({ kind: 'not', check: needsRun }, { scenario: two })).toEqual({
      met: false,
      needsRun: true,
    });
    expect(met({ kind: 'not', check: docOnly }, { scenario: one })).toBe(true);
  });
});
