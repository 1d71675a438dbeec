import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenarioInput } from '../../scenario/examples/defaultScenario.ts';
import { nodeTypes, restoreOrThrow, restoreScenario } from '../../scenario/index.ts';
import { selectionFragment } from '../document/fragment.ts';
import { edgeKey } from '../document/graph.ts';
import { createEditorStore } from './editorStore.ts';

/**
 * The invariant: whatever a person does, the document stays a valid scenario (the restore
 * funnel accepts it), and undoing everything gets the starting document back.
 */
type Step =
  | { op: 'add'; type: number; x: number; y: number }
  | { op: 'connect'; a: number; b: number }
  | { op: 'standby'; a: number; b: number | null }
  | { op: 'config'; node: number; key: string; value: unknown }
  | { op: 'rename'; node: number; label: string }
  | { op: 'latency'; edge: number; value: number }
  | { op: 'settings'; key: 'seed' | 'duration' | 'warmup' | 'title'; value: unknown }
  | { op: 'move'; node: number; x: number; y: number; drag: boolean }
  | { op: 'delete'; nodes: number[]; edges: number[] }
  | { op: 'duplicate'; nodes: number[] }
  | { op: 'undo' }
  | { op: 'redo' };

const anyValue = fc.oneof(
  fc.integer({ min: -5, max: 200_000 }),
  fc.double({ min: -1, max: 1e6, noNaN: true }),
  fc.constantFrom(null, '', 'lru', 'round-robin', 'lognormal', true, false, 0, 1, 0.5),
  fc.constantFrom(
    { type: 'ramp', toRps: 300, startS: 10, endS: 5 },
    { type: 'ramp', toRps: 300, startS: 0, endS: 60 },
    { type: 'spike', factor: 3, atS: 5, forS: 2 },
    { type: 'step', toRps: 10 },
    { enabled: false, intervalMs: 500, unhealthyThreshold: 1, healthyThreshold: 1 },
    { capacity: 0, eviction: 'lru', hitTimeMs: 0.5 },
  ),
);

const configKeys = [
  'rps',
  'pattern',
  'workers',
  'serviceTimeMs',
  'queueLimit',
  'timeoutMs',
  'strategy',
  'healthCheck',
  'connections',
  'readReplicas',
  'rowCache',
  'capacity',
  'eviction',
  'ttlMs',
  'nonsense',
];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    type: fc.nat(20),
    x: fc.integer({ min: -500, max: 2000 }),
    y: fc.integer({ min: -500, max: 2000 }),
  }),
  fc.record({ op: fc.constant('connect' as const), a: fc.nat(40), b: fc.nat(40) }),
  fc.record({ op: fc.constant('connect' as const), a: fc.nat(40), b: fc.nat(40) }),
  fc.record({ op: fc.constant('standby' as const), a: fc.nat(40), b: fc.option(fc.nat(40)) }),
  fc.record({
    op: fc.constant('config' as const),
    node: fc.nat(40),
    key: fc.constantFrom(...configKeys),
    value: anyValue,
  }),
  fc.record({ op: fc.constant('rename' as const), node: fc.nat(40), label: fc.string({ maxLength: 90 }) }),
  fc.record({
    op: fc.constant('latency' as const),
    edge: fc.nat(40),
    value: fc.integer({ min: -10, max: 70_000 }),
  }),
  fc.record({
    op: fc.constant('settings' as const),
    key: fc.constantFrom('seed' as const, 'duration' as const, 'warmup' as const, 'title' as const),
    value: anyValue,
  }),
  fc.record({
    op: fc.constant('move' as const),
    node: fc.nat(40),
    x: fc.integer({ min: -1000, max: 3000 }),
    y: fc.integer({ min: -1000, max: 3000 }),
    drag: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    nodes: fc.array(fc.nat(40), { maxLength: 3 }),
    edges: fc.array(fc.nat(40), { maxLength: 3 }),
  }),
  fc.record({
    op: fc.constant('duplicate' as const),
    nodes: fc.array(fc.nat(40), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ op: fc.constant('undo' as const) }),
  fc.record({ op: fc.constant('redo' as const) }),
);

function run(steps: Step[]) {
  const start = restoreOrThrow({
    ...defaultScenarioInput,
    events: [
      { at: 5, action: 'fail', node: 'web-1' },
      { at: 8, action: 'cut', source: 'lb', target: 'web-2' },
    ],
  });
  const store = createEditorStore(start);
  const s = () => store.getState();
  const nodeAt = (i: number) => s().doc.nodes[i % Math.max(1, s().doc.nodes.length)]?.id ?? 'none';
  const edgeAt = (i: number) => {
    const e = s().doc.edges[i % Math.max(1, s().doc.edges.length)];
    return e ? edgeKey(e) : 'none';
  };
  for (const st of steps) {
    switch (st.op) {
      case 'add':
        s().addNode(nodeTypes[st.type % nodeTypes.length] ?? 'server', { x: st.x, y: st.y });
        break;
      case 'connect':
        s().connect(nodeAt(st.a), nodeAt(st.b));
        break;
      case 'standby':
        s().setStandby(nodeAt(st.a), st.b === null ? null : nodeAt(st.b));
        break;
      case 'config':
        s().updateConfig(nodeAt(st.node), { [st.key]: st.value }, `${st.node}.${st.key}`);
        break;
      case 'rename':
        s().renameNode(nodeAt(st.node), st.label);
        break;
      case 'latency':
        s().setEdgeLatency(edgeAt(st.edge), st.value);
        break;
      case 'settings':
        s().updateSettings({ [st.key]: st.value });
        break;
      case 'move':
        s().moveNodes(new Map([[nodeAt(st.node), { x: st.x, y: st.y }]]), { gesture: st.drag });
        break;
      case 'delete':
        s().removeElements(st.nodes.map(nodeAt), st.edges.map(edgeAt));
        break;
      case 'duplicate': {
        const fragment = selectionFragment(s().doc, st.nodes.map(nodeAt));
        if (fragment) s().insertFragment(fragment, { x: 40, y: 40 });
        break;
      }
      case 'undo':
        s().undo();
        break;
      case 'redo':
        s().redo();
        break;
    }
    const restored = restoreScenario(s().doc);
    if (!restored.ok) throw new Error(`after ${JSON.stringify(st)}: ${restored.error}`);
  }
  s().endGesture();
  while (s().undo());
  return { start, end: s().doc };
}

describe('the document invariant', () => {
  it('every sequence of edits leaves a valid scenario, and undoing all of it restores the start', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const { start, end } = run(steps);
        expect(end).toEqual(start);
      }),
      { numRuns: 150 },
    );
  });
});
