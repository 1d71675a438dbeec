import { describe, expect, it } from 'vitest';
import { restoreOrThrow, type Scenario } from '../scenario/index.ts';
import { describeEdit, simulationChanged } from './scenarioDiff.ts';

const base = restoreOrThrow({
  type: 'scalelab-scenario',
  version: 1,
  nodes: [
    { id: 'users', type: 'client' },
    { id: 'lb-a', type: 'loadBalancer' },
    { id: 'lb-b', type: 'loadBalancer' },
    { id: 'web', type: 'server' },
  ],
  edges: [
    { source: 'users', target: 'lb-a' },
    { source: 'lb-a', target: 'web' },
    { source: 'lb-b', target: 'web' },
  ],
});
const paired: Scenario = {
  ...base,
  edges: [...base.edges, { source: 'lb-a', target: 'lb-b', latencyMs: 0, kind: 'pair' }],
};

describe('edits to a standby pair reach the run', () => {
  it('adding or removing a pair edge changes the simulation, and its marker says so', () => {
    expect(simulationChanged(base, paired)).toBe(true);
    expect(simulationChanged(paired, base)).toBe(true);
    expect(describeEdit(base, paired)).toBe('connected lb-a⇢lb-b');
    expect(describeEdit(paired, base)).toBe('disconnected lb-a⇢lb-b');
  });

  it('an edge that only changes its kind is a change', () => {
    const asRequest: Scenario = {
      ...paired,
      edges: paired.edges.map((e) =>
        e.kind === 'pair' ? { source: e.source, target: e.target, latencyMs: 0 } : e,
      ),
    };
    expect(simulationChanged(paired, asRequest)).toBe(true);
    expect(simulationChanged(paired, { ...paired, edges: [...paired.edges] })).toBe(false);
  });
});
