import { describe, expect, it } from 'vitest';
import { balancer, client, doc, edge, type LooseDoc, server } from './fixtures/build.ts';
import { type Problem, restoreScenario } from './restore.ts';

const pair = (source: string, target: string, extra = {}) => edge(source, target, { kind: 'pair', ...extra });

/** users → lb-a → web, lb-b → web, lb-a ⇢ lb-b; `change` edits it. */
function paired(change: (d: LooseDoc) => void = () => {}): LooseDoc {
  const d = doc({
    nodes: [client('users'), balancer('lb-a'), balancer('lb-b'), server('web')],
    edges: [edge('users', 'lb-a'), edge('lb-a', 'web'), edge('lb-b', 'web'), pair('lb-a', 'lb-b')],
  });
  change(d);
  return d;
}

function problems(input: LooseDoc): Problem[] {
  const r = restoreScenario(input);
  if (r.ok) throw new Error('expected the document to be refused, but it restored');
  return r.problems;
}

describe('standby pair edges in the restore funnel', () => {
  it('a pair of two balancers restores, keeps its kind, and ordinary edges stay without one', () => {
    const r = restoreScenario(paired());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.edges.map((e) => e.kind ?? 'request')).toEqual([
      'request',
      'request',
      'request',
      'pair',
    ]);
    expect('kind' in (r.scenario.edges[0] as object)).toBe(false);
  });

  it('an unknown kind lists the one there is', () => {
    const [p] = problems(paired((d) => Object.assign(d.edges[3] as object, { kind: 'backup' })));
    expect(p?.path).toBe('edges[3].kind');
    expect(p?.message).toContain('"pair"');
  });

  it('only two load balancers: names the edge and the odd node', () => {
    expect(problems(paired((d) => d.edges.push(pair('lb-b', 'web'))))).toContainEqual({
      path: 'edges[4]',
      message:
        '"lb-b" ⇢ "web" (standby pair): only two load balancers can be a standby pair, and "web" is a server',
    });
    expect(problems(paired((d) => d.edges.splice(3, 1, pair('users', 'lb-b'))))).toContainEqual({
      path: 'edges[3]',
      message:
        '"users" ⇢ "lb-b" (standby pair): only two load balancers can be a standby pair, and "users" is a client',
    });
  });

  it('no balancer is its own standby', () => {
    expect(problems(paired((d) => d.edges.splice(3, 1, pair('lb-a', 'lb-a'))))).toEqual([
      { path: 'edges[3]', message: '"lb-a" ⇢ "lb-a" (standby pair): a balancer cannot be its own standby' },
    ]);
  });

  it('a balancer is in at most one pair, at either end', () => {
    const third = (d: LooseDoc) => {
      d.nodes.push(balancer('lb-c'));
      d.edges.push(edge('lb-c', 'web'));
    };
    for (const extra of [pair('lb-c', 'lb-b'), pair('lb-a', 'lb-c'), pair('lb-b', 'lb-c')]) {
      const shared = [extra.source, extra.target].find((id) => id !== 'lb-c');
      expect(
        problems(
          paired((d) => {
            third(d);
            d.edges.push(extra);
          }),
        ),
      ).toContainEqual({
        path: 'edges[5]',
        message: `"${extra.source}" ⇢ "${extra.target}" (standby pair): "${shared}" is already in the pair of edges[3]; a balancer can be in only one standby pair`,
      });
    }
    // The same pair twice, or the other way round.
    expect(problems(paired((d) => d.edges.push(pair('lb-b', 'lb-a')))).map((p) => p.path)).toEqual([
      'edges[4]',
      'edges[4]',
      'edges',
    ]);
  });

  it('not together with the built-in standby, on either balancer', () => {
    for (const id of ['lb-a', 'lb-b'])
      expect(
        problems(
          paired((d) => {
            const lb = d.nodes.find((n) => n.id === id);
            if (lb) lb.config = { standby: true };
          }),
        ),
      ).toEqual([
        {
          path: 'edges[3]',
          message: `"lb-a" ⇢ "lb-b" (standby pair): "${id}" already has the built-in standby ("Standby pair" in its settings); use either that or a standby balancer, not both`,
        },
      ]);
  });

  it('a pair has no latency', () => {
    expect(problems(paired((d) => Object.assign(d.edges[3] as object, { latencyMs: 5 })))).toEqual([
      {
        path: 'edges[3].latencyMs',
        message:
          '"lb-a" ⇢ "lb-b" (standby pair): a pair carries no requests, so it has no latency; remove "latencyMs" (5 ms)',
      },
    ]);
  });

  it('the two balancers of a pair do not send requests to each other', () => {
    const forward = problems(paired((d) => d.edges.push(edge('lb-a', 'lb-b'))));
    expect(forward).toEqual([
      {
        path: 'edges[4]',
        message:
          '"lb-a" → "lb-b": these two balancers are a standby pair, so neither sends requests to the other; remove this connection',
      },
    ]);
    // Backwards it is also a loop: requests for lb-a would go to lb-b and back to lb-a.
    const backward = problems(paired((d) => d.edges.push(edge('lb-b', 'lb-a'))));
    expect(backward.map((p) => p.path)).toEqual(['edges[4]', 'edges']);
    expect(backward[1]?.message).toBe('requests would go round in a loop: lb-a → lb-b → lb-a');
  });

  it('a loop through a third balancer and the pair is refused', () => {
    const loop = problems(
      paired((d) => {
        d.nodes.push(balancer('lb-c'));
        d.edges.push(edge('lb-b', 'lb-c'), edge('lb-c', 'lb-a'));
      }),
    );
    expect(loop).toEqual([
      { path: 'edges', message: 'requests would go round in a loop: lb-a → lb-b → lb-c → lb-a' },
    ]);
  });

  it('a pair edge is no edge to cut', () => {
    expect(
      problems(paired((d) => d.events.push({ at: 5, action: 'cut', source: 'lb-a', target: 'lb-b' }))),
    ).toEqual([{ path: 'events[0]', message: 'there is no edge "lb-a" → "lb-b" to cut' }]);
  });
});
