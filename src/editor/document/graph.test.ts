import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchScenario } from '../../app/benchScenario.ts';
import { defaultScenarioInput } from '../../scenario/examples/defaultScenario.ts';
import { restoreOrThrow } from '../../scenario/index.ts';
import { connectableTargets, connectionRefusal } from './graph.ts';
import { connect } from './operations.ts';

describe('connectableTargets', () => {
  it('agrees with connectionRefusal for every pair, on small and large graphs', () => {
    for (const doc of [restoreOrThrow(defaultScenarioInput), restoreOrThrow(benchScenario(60))])
      for (const a of doc.nodes) {
        const fast = new Set(connectableTargets(doc, a.id));
        for (const b of doc.nodes)
          expect(fast.has(b.id), `${a.id} → ${b.id}`).toBe(connectionRefusal(doc, a.id, b.id) === null);
      }
  });

  it('agrees after random connections', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 40 }), (pairs) => {
        let doc = restoreOrThrow(benchScenario(40));
        const ids = doc.nodes.map((n) => n.id);
        for (const [i, j] of pairs) {
          const r = connect(doc, ids[i % ids.length] as string, ids[j % ids.length] as string);
          if (r.ok) doc = r.doc;
        }
        for (const a of ids) {
          const fast = new Set(connectableTargets(doc, a));
          for (const b of ids) expect(fast.has(b)).toBe(connectionRefusal(doc, a, b) === null);
        }
      }),
      { numRuns: 20 },
    );
  });
});
