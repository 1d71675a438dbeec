import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../../scenario/index.ts';
import { tidyLayout } from './tidy.ts';

describe('tidy up', () => {
  it('puts a standby balancer in its active balancer column, the servers after both', () => {
    const doc = restoreOrThrow({
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
        { source: 'lb-a', target: 'lb-b', kind: 'pair' },
      ],
    });
    const at = tidyLayout(doc, new Map());
    const x = (id: string) => at.get(id)?.x ?? Number.NaN;
    expect(x('lb-b')).toBe(x('lb-a'));
    expect(at.get('lb-b')?.y).not.toBe(at.get('lb-a')?.y);
    expect(x('web')).toBeGreaterThan(x('lb-a'));
    expect(x('lb-a')).toBeGreaterThan(x('users'));
  });
});
