import { describe, expect, it } from 'vitest';
import { type NodeType, nodeTypes } from './components/index.ts';
import { canConnect, connectionProblem } from './connections.ts';
import { doc } from './fixtures/build.ts';
import { restoreScenario } from './restore.ts';

/** "source → target" pairs the engine understands: an edge means "source sends requests to target". */
const allowed = new Set([
  'client → loadBalancer',
  'client → server',
  'loadBalancer → server',
  'loadBalancer → loadBalancer',
  'server → database',
  'server → server',
  'server → loadBalancer',
  'server → cache',
  'client → cdn',
  'cdn → loadBalancer',
  'cdn → server',
  'server → queue',
  'queue → workerPool',
  'workerPool → database',
  'workerPool → server',
  'workerPool → loadBalancer',
  'scheduler → queue',
  'scheduler → server',
  'scheduler → loadBalancer',
  'scheduler → database',
  'scheduler → mapReduce',
]);

const pairs = nodeTypes.flatMap((s) => nodeTypes.map((t) => [s, t] as [NodeType, NodeType]));

describe('connection rules', () => {
  it.each(pairs)('%s → %s', (source, target) => {
    const expected = allowed.has(`${source} → ${target}`);
    expect(canConnect(source, target)).toBe(expected);
    expect(connectionProblem(source, target) === null).toBe(expected);
  });

  it('every refusal is a whole sentence a student can act on', () => {
    for (const [s, t] of pairs) {
      const why = connectionProblem(s, t);
      if (why === null) continue;
      expect(why, `${s} → ${t}`).toMatch(/^[A-Z]/);
      expect(why).toMatch(/\.$/);
      expect(why.length).toBeGreaterThan(20);
      expect(why).not.toMatch(/undefined|null|loadBalancer/);
    }
  });

  it('explains the common mistakes in their own words', () => {
    expect(connectionProblem('database', 'server')).toMatch(/database only answers queries/);
    expect(connectionProblem('database', 'server')).toMatch(/Connect the server to the database/);
    expect(connectionProblem('server', 'client')).toMatch(/Clients only send requests/);
    expect(connectionProblem('client', 'database')).toMatch(/put a server in between/);
    expect(connectionProblem('loadBalancer', 'database')).toMatch(/Databases are queried by servers/);
    expect(connectionProblem('client', 'client')).toMatch(/client/);
  });

  it.each(pairs.filter(([s, t]) => !canConnect(s, t)))(
    'the restore funnel refuses %s → %s with the same text',
    (source, target) => {
      const d = doc({
        nodes: [
          { id: 'from', type: source, config: {} },
          { id: 'to', type: target, config: {} },
        ],
        edges: [{ source: 'from', target: 'to' }],
      });
      const r = restoreScenario(d);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems).toContainEqual({
        path: 'edges[0]',
        message: expect.stringContaining(connectionProblem(source, target) as string),
      });
      expect(r.error).toContain(connectionProblem(source, target) as string);
    },
  );

  it.each(pairs.filter(([s, t]) => canConnect(s, t)))(
    'the restore funnel accepts %s → %s',
    (source, target) => {
      const d = doc({
        nodes: [
          { id: 'from', type: source, config: {} },
          { id: 'to', type: target, config: {} },
        ],
        edges: [{ source: 'from', target: 'to' }],
      });
      const r = restoreScenario(d);
      expect(r.ok, r.ok ? '' : r.error).toBe(true);
    },
  );
});
