import { describe, expect, it } from 'vitest';
import { defaultScenarioInput } from '../../scenario/examples/defaultScenario.ts';
import { restoreOrThrow, restoreScenario, type Scenario } from '../../scenario/index.ts';
import { fragmentToText, parseFragment, selectionFragment } from '../document/fragment.ts';
import { edgeKey } from '../document/graph.ts';
import { COALESCE_MS } from './documentSlice.ts';
import { createEditorStore } from './editorStore.ts';

function setup() {
  let time = 0;
  const clock = {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
  const store = createEditorStore(restoreOrThrow(defaultScenarioInput), {
    now: clock.now,
    checkInvariant: true,
  });
  return { store, clock, state: () => store.getState() };
}

const isValid = (doc: Scenario) => restoreScenario(doc).ok;
const ids = (doc: Scenario) => doc.nodes.map((n) => n.id);

describe('editor store: adding', () => {
  it('adds a node with defaults, a fresh id, a label and a snapped position, and selects it', () => {
    const { state } = setup();
    const r = state().addNode('server', { x: 103, y: 48 });
    expect(r).toEqual({ ok: true, id: 'server-1' });
    const node = state().doc.nodes.at(-1);
    expect(node).toMatchObject({
      id: 'server-1',
      type: 'server',
      label: 'Server 1',
      position: { x: 100, y: 40 },
      config: { workers: 1, serviceTimeMs: 10, queueLimit: null },
    });
    expect([...state().selectedNodes]).toEqual(['server-1']);
    expect(state().addNode('server', { x: 0, y: 0 })).toEqual({ ok: true, id: 'server-2' });
    expect(isValid(state().doc)).toBe(true);
  });
});

describe('editor store: connecting', () => {
  it('connects an allowed pair', () => {
    const { state } = setup();
    state().addNode('server', { x: 0, y: 0 });
    expect(state().connect('lb', 'server-1')).toEqual({ ok: true });
    expect(state().doc.edges.at(-1)).toEqual({ source: 'lb', target: 'server-1', latencyMs: 0 });
  });

  it.each([
    ['db', 'users', /database only answers queries/],
    ['users', 'db', /never talk to the database directly/],
    ['web-1', 'web-1', /cannot send requests to itself/],
    ['lb', 'web-1', /already sends requests/],
    ['web-1', 'lb', /loop/],
    ['lb', 'nowhere', /no longer exists/],
  ])('refuses %s → %s with a reason', (source, target, reason) => {
    const { state } = setup();
    const before = state().doc;
    const r = state().connect(source, target);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
    expect(state().doc).toBe(before);
    expect(state().past).toHaveLength(0);
  });

  it('refuses a longer cycle', () => {
    const { state } = setup();
    state().addNode('server', { x: 0, y: 0 });
    expect(state().connect('web-1', 'server-1').ok).toBe(true);
    const r = state().connect('server-1', 'lb');
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/loop/) });
  });
});

describe('editor store: editing settings', () => {
  it('updates a config field', () => {
    const { state } = setup();
    expect(state().updateConfig('web-1', { workers: 8 })).toEqual({ ok: true });
    const web1 = state().doc.nodes.find((n) => n.id === 'web-1');
    expect(web1?.config).toMatchObject({ workers: 8, serviceTimeMs: 20 });
  });

  it('refuses invalid values and leaves the document untouched', () => {
    const { state } = setup();
    const before = state().doc;
    for (const patch of [
      { workers: 0 },
      { workers: 2.5 },
      { serviceTimeMs: -1 },
      { nonsense: 1 },
      { role: 'x' },
    ]) {
      expect(state().updateConfig('web-1', patch).ok).toBe(false);
    }
    expect(state().doc).toBe(before);
  });

  it('empties a nullable field and edits a nested group', () => {
    const { state } = setup();
    expect(state().updateConfig('web-1', { queueLimit: 50 }).ok).toBe(true);
    expect(state().updateConfig('web-1', { queueLimit: null }).ok).toBe(true);
    const lb = state().doc.nodes.find((n) => n.id === 'lb');
    if (lb?.type !== 'loadBalancer') throw new Error('expected the balancer');
    expect(
      state().updateConfig('lb', { healthCheck: { ...lb.config.healthCheck, intervalMs: 250 } }).ok,
    ).toBe(true);
    expect(state().updateConfig('lb', { healthCheck: { ...lb.config.healthCheck, intervalMs: 1 } }).ok).toBe(
      false,
    );
    expect(isValid(state().doc)).toBe(true);
  });

  it('edits the traffic pattern of a client (a discriminated union)', () => {
    const { state } = setup();
    expect(state().updateConfig('users', { pattern: { type: 'step', toRps: 300, atS: 60 } }).ok).toBe(true);
    expect(state().updateConfig('users', { pattern: { type: 'step', toRps: 300 } }).ok).toBe(false);
  });

  it('renames, and an empty name falls back to the id', () => {
    const { state } = setup();
    expect(state().renameNode('web-1', '  Web A  ').ok).toBe(true);
    expect(state().doc.nodes.find((n) => n.id === 'web-1')?.label).toBe('Web A');
    expect(state().renameNode('web-1', '').ok).toBe(true);
    expect(state().doc.nodes.find((n) => n.id === 'web-1')).not.toHaveProperty('label');
    expect(state().renameNode('web-1', 'x'.repeat(81)).ok).toBe(false);
  });

  it('edits an edge latency, and scenario settings with their cross-field rule', () => {
    const { state } = setup();
    expect(state().setEdgeLatency('users>lb', 35).ok).toBe(true);
    expect(state().doc.edges[0]?.latencyMs).toBe(35);
    expect(state().setEdgeLatency('users>lb', -1).ok).toBe(false);
    expect(state().updateSettings({ title: 'Mine', seed: 7, duration: 30 }).ok).toBe(true);
    expect(state().updateSettings({ warmup: 30 })).toMatchObject({ ok: false, reason: /warm-up/ });
    expect(state().updateSettings({ seed: 1.5 }).ok).toBe(false);
    expect(state().doc).toMatchObject({ title: 'Mine', seed: 7, duration: 30, warmup: 10 });
  });
});

describe('editor store: deleting', () => {
  it('deletes nodes with their edges and the events that name them', () => {
    const { state, store } = setup();
    store.setState({
      doc: {
        ...state().doc,
        events: [
          { at: 5, action: 'fail', node: 'web-1' },
          { at: 6, action: 'cut', source: 'web-2', target: 'db' },
          { at: 7, action: 'fail', node: 'web-2' },
        ],
      },
    });
    state().select(['web-1'], ['web-2>db']);
    const r = state().removeElements(state().selectedNodes, state().selectedEdges);
    expect(r).toEqual({ ok: true, removed: { nodes: 1, edges: 4, events: 2 } });
    expect(ids(state().doc)).not.toContain('web-1');
    expect(state().doc.edges.map(edgeKey)).toEqual(['users>lb', 'lb>web-2', 'web-2>cache']);
    expect(state().doc.events).toEqual([{ at: 7, action: 'fail', node: 'web-2' }]);
    expect(state().selectedNodes.size + state().selectedEdges.size).toBe(0);
    expect(isValid(state().doc)).toBe(true);
  });
});

describe('editor store: undo and redo', () => {
  it('undoes and redoes document changes, not selection', () => {
    const { state } = setup();
    const original = state().doc;
    state().addNode('database', { x: 0, y: 0 });
    state().connect('web-1', 'db-1');
    const connected = state().doc;
    state().select(['web-2']);
    expect(state().undo()).toBe(true);
    expect(state().doc.edges).toHaveLength(original.edges.length);
    expect([...state().selectedNodes]).toEqual(['web-2']);
    expect(state().undo()).toBe(true);
    expect(state().doc).toBe(original);
    expect(state().undo()).toBe(false);
    expect(state().redo()).toBe(true);
    expect(state().redo()).toBe(true);
    expect(state().doc).toBe(connected);
    expect(state().redo()).toBe(false);
  });

  it('a new change clears the redo stack', () => {
    const { state } = setup();
    state().addNode('server', { x: 0, y: 0 });
    state().undo();
    state().addNode('client', { x: 0, y: 0 });
    expect(state().future).toHaveLength(0);
    expect(state().redo()).toBe(false);
  });

  it('merges a burst of edits to one field into one step, but not edits far apart', () => {
    const { state, clock } = setup();
    for (const workers of [1, 12, 128]) {
      state().updateConfig('web-1', { workers }, 'web-1.workers');
      clock.advance(200);
    }
    expect(state().past).toHaveLength(1);
    clock.advance(COALESCE_MS + 1);
    state().updateConfig('web-1', { workers: 3 }, 'web-1.workers');
    expect(state().past).toHaveLength(2);
    state().undo();
    state().undo();
    expect(state().doc.nodes.find((n) => n.id === 'web-1')?.config).toMatchObject({ workers: 4 });
  });

  it('a drag is one step however many frames it takes; selecting removed nodes is cleared', () => {
    const { state } = setup();
    const before = state().doc;
    for (let x = 0; x <= 100; x += 10)
      state().moveNodes(new Map([['web-1', { x, y: 0 }]]), { gesture: true });
    expect(state().past).toHaveLength(0);
    state().moveNodes(new Map([['web-1', { x: 100, y: 0 }]]));
    expect(state().past).toHaveLength(1);
    state().undo();
    expect(state().doc).toBe(before);
    state().addNode('server', { x: 0, y: 0 });
    state().undo();
    expect(state().selectedNodes.has('server-1')).toBe(false);
  });
});

describe('editor store: opening another scenario', () => {
  it('replaces the document, forgets history and selection, and counts the load (the canvas fits its view to it)', () => {
    const { state } = setup();
    state().addNode('server', { x: 0, y: 0 });
    const before = state().loads;
    const other = restoreOrThrow({ type: 'scalelab-scenario', version: 1, title: 'Other' });
    state().loadScenario(other);
    expect(state().doc).toBe(other);
    expect(state().loads).toBe(before + 1);
    expect(state().past).toEqual([]);
    expect(state().selectedNodes.size).toBe(0);
    // Edits and undo are not loads.
    state().addNode('client', { x: 0, y: 0 });
    state().undo();
    expect(state().loads).toBe(before + 1);
  });
});

describe('editor store: copy and paste', () => {
  it('pastes through restoreScenario with fresh ids and the edges between the copies', () => {
    const { state } = setup();
    const fragment = selectionFragment(state().doc, ['web-1', 'web-2', 'db']);
    if (!fragment) throw new Error('expected a fragment');
    const parsed = parseFragment(fragmentToText(fragment));
    if (!parsed.ok) throw new Error(parsed.reason);
    const r = state().insertFragment(parsed.fragment, { x: 40, y: 40 });
    expect(r).toEqual({ ok: true, ids: ['web-3', 'web-4', 'db-2'] });
    const pasted = state().doc.nodes.filter((n) => r.ok && r.ids.includes(n.id));
    expect(pasted.map((n) => n.label)).toEqual(['web-3', 'web-4', 'Database 2']);
    expect(pasted[0]?.position).toEqual({ x: 560, y: 60 });
    expect(state().doc.edges.map(edgeKey)).toEqual(expect.arrayContaining(['web-3>db-2', 'web-4>db-2']));
    // 7 edges of the default scenario + the two copied server → database edges.
    expect(state().doc.edges).toHaveLength(9);
    expect([...state().selectedNodes]).toEqual(['web-3', 'web-4', 'db-2']);
    expect(new Set(ids(state().doc)).size).toBe(state().doc.nodes.length);
    expect(isValid(state().doc)).toBe(true);
  });

  it('refuses clipboard text that is not a scenario, or a broken one', () => {
    expect(parseFragment('hello')).toMatchObject({ ok: false, reason: /no ScaleLab components/ });
    expect(
      parseFragment(
        '{"type":"scalelab-scenario","version":1,"nodes":[{"id":"a","type":"server","config":{"workers":0}}]}',
      ),
    ).toMatchObject({ ok: false, reason: /workers/ });
    expect(parseFragment('{"type":"scalelab-scenario","version":1,"nodes":[]}')).toMatchObject({ ok: false });
  });
});

describe('editor store: the whole document is checked', () => {
  it('refuses an edit the restore funnel would refuse (a ramp that ends before it starts)', () => {
    const { state } = setup();
    const r = state().updateConfig('users', { pattern: { type: 'ramp', toRps: 300, startS: 30, endS: 10 } });
    expect(r).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^The ramp ends \(10 s\) before it starts/),
    });
    expect(state().past).toHaveLength(0);
  });

  it('adds a cache, lets a server use it, and refuses a cache calling onward', () => {
    const { state } = setup();
    expect(state().addNode('cache', { x: 0, y: 0 })).toEqual({ ok: true, id: 'cache-1' });
    expect(state().doc.nodes.at(-1)).toMatchObject({ label: 'Cache 1', config: { eviction: 'lru' } });
    expect(state().connect('web-1', 'cache-1').ok).toBe(true);
    expect(state().connect('cache-1', 'db')).toMatchObject({ ok: false, reason: /cache only answers/ });
  });
});

describe('editor store: scheduled events', () => {
  it('adds an event in time order, refuses one the funnel refuses, and undoes it', () => {
    const { state } = setup();
    expect(state().addEvent({ at: 30, action: 'fail', node: 'web-1' }).ok).toBe(true);
    expect(state().addEvent({ at: 20, action: 'restore', node: 'web-2' }).ok).toBe(true);
    expect(state().doc.events.map((e) => e.at)).toEqual([20, 30]);
    expect(state().addEvent({ at: 10, action: 'spike', node: 'web-1', factor: 2, for: 5 })).toMatchObject({
      ok: false,
      reason: /only a client/i,
    });
    state().undo();
    expect(state().doc.events).toHaveLength(1);
  });
});
