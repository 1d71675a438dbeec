import { describe, expect, it } from 'vitest';
import { defaultScenarioInput } from '../../scenario/examples/defaultScenario.ts';
import { restoreOrThrow, restoreScenario, standbyOf } from '../../scenario/index.ts';
import { edgeKey } from '../document/graph.ts';
import { standbyCandidates } from '../document/standby.ts';
import { createEditorStore } from './editorStore.ts';

/** The default scenario (users → lb → web-1, web-2 → cache, db) plus a second balancer `lb-2`. */
function setup() {
  const store = createEditorStore(restoreOrThrow(defaultScenarioInput), { checkInvariant: true });
  const state = () => store.getState();
  const added = state().addNode('loadBalancer', { x: 200, y: 300 });
  if (!added.ok) throw new Error(added.reason);
  const lb2 = added.id;
  expect(state().connect(lb2, 'web-1')).toEqual({ ok: true });
  return { state, lb2 };
}

describe('editor store: a standby balancer', () => {
  it('pairs two balancers with one pair edge, removes it, and undo / redo step through both', () => {
    const { state, lb2 } = setup();
    const before = state().doc;
    expect(standbyCandidates(before, 'lb')).toEqual([lb2]);
    expect(state().setStandby('lb', lb2)).toEqual({ ok: true });
    const paired = state().doc;
    expect(paired.edges.at(-1)).toEqual({ source: 'lb', target: lb2, latencyMs: 0, kind: 'pair' });
    expect(standbyOf(paired, 'lb')).toBe(lb2);
    expect(restoreScenario(paired).ok).toBe(true);
    expect(state().setStandby('lb', null)).toEqual({ ok: true });
    expect(standbyOf(state().doc, 'lb')).toBeNull();
    expect(state().undo()).toBe(true);
    expect(state().doc).toBe(paired);
    expect(state().undo()).toBe(true);
    expect(state().doc).toBe(before);
    expect(state().redo()).toBe(true);
    expect(standbyOf(state().doc, 'lb')).toBe(lb2);
  });

  it('choosing another standby replaces the pair in one undo step', () => {
    const { state, lb2 } = setup();
    const third = state().addNode('loadBalancer', { x: 400, y: 300 });
    if (!third.ok) throw new Error(third.reason);
    state().setStandby('lb', lb2);
    const first = state().doc;
    expect(state().setStandby('lb', third.id)).toEqual({ ok: true });
    expect(state().doc.edges.filter((e) => e.kind === 'pair')).toEqual([
      { source: 'lb', target: third.id, latencyMs: 0, kind: 'pair' },
    ]);
    state().undo();
    expect(state().doc).toBe(first);
  });

  it('refuses what the document rules refuse, in words, and changes nothing', () => {
    const { state, lb2 } = setup();
    const refusals: Array<[string, string | null, RegExp]> = [
      ['lb', 'lb', /cannot be its own standby/],
      ['lb', 'web-1', /not a load balancer/],
      ['web-1', 'lb', /Only a load balancer has a standby/],
    ];
    for (const [active, standby, why] of refusals) {
      const doc = state().doc;
      const r = state().setStandby(active, standby);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(why);
      expect(state().doc).toBe(doc);
    }
    // The built-in twin and a standby balancer do not mix.
    state().updateConfig('lb', { standby: true });
    expect(state().setStandby('lb', lb2)).toMatchObject({ ok: false, reason: /built-in standby twin/ });
    state().updateConfig('lb', { standby: false });
    // A request edge between the two must go first.
    state().connect('lb', lb2);
    expect(state().setStandby('lb', lb2)).toMatchObject({
      ok: false,
      reason: /remove that connection first/,
    });
    state().removeElements([], [edgeKey({ source: 'lb', target: lb2 })]);
    expect(state().setStandby('lb', lb2)).toEqual({ ok: true });
    // A standby has no standby of its own, and a balancer is in one pair only.
    const third = state().addNode('loadBalancer', { x: 400, y: 300 });
    if (!third.ok) throw new Error(third.reason);
    expect(state().setStandby(lb2, third.id)).toMatchObject({
      ok: false,
      reason: /a standby has no standby/,
    });
    expect(state().setStandby(third.id, lb2)).toMatchObject({
      ok: false,
      reason: /already in a standby pair/,
    });
    expect(standbyCandidates(state().doc, third.id)).toEqual([]);
  });

  it('a pair is not a request route: no latency, no dragged connection across it, listed apart', () => {
    const { state, lb2 } = setup();
    state().setStandby('lb', lb2);
    const key = edgeKey({ source: 'lb', target: lb2 });
    expect(state().setEdgeLatency(key, 5)).toMatchObject({ ok: false, reason: /no latency/ });
    expect(state().connect('lb', lb2)).toMatchObject({ ok: false, reason: /are a standby pair/ });
    expect(state().connect(lb2, 'lb')).toMatchObject({ ok: false, reason: /are a standby pair/ });
    // Dragging between two unpaired balancers still makes a request edge.
    const third = state().addNode('loadBalancer', { x: 400, y: 300 });
    if (!third.ok) throw new Error(third.reason);
    expect(state().connect(third.id, 'lb')).toEqual({ ok: true });
    expect(state().doc.edges.at(-1)).toEqual({ source: third.id, target: 'lb', latencyMs: 0 });
  });

  it('deleting either balancer takes the pair with it', () => {
    const { state, lb2 } = setup();
    state().setStandby('lb', lb2);
    state().removeElements([lb2], []);
    expect(standbyOf(state().doc, 'lb')).toBeNull();
    expect(restoreScenario(state().doc).ok).toBe(true);
  });
});
