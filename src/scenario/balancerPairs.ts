import type { Scenario } from './document.ts';
import { isPairEdge } from './edgeKinds.ts';
import type { Problem } from './restore.ts';

/**
 * The rules of a standby pair edge (`kind: "pair"`), checked by the restore funnel:
 * load balancer → load balancer (active → standby), not itself, each balancer in at most one
 * pair, never together with the built-in standby (`standby: true`), no latency (nothing
 * travels on it), and no request edge between the two (the standby would forward to the
 * balancer whose traffic it carries: a loop). The messages are written for students.
 */
export function pairProblems(s: Scenario, types: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  const builtInStandby = new Set(
    s.nodes.filter((n) => n.type === 'loadBalancer' && n.config.standby).map((n) => n.id),
  );
  /** Balancer id → the index of the first pair edge it is in. */
  const pairedBy = new Map<string, number>();
  const partners = new Map<string, string>();
  s.edges.forEach((e, i) => {
    if (!isPairEdge(e)) return;
    const where = `edges[${i}]`;
    const name = `"${e.source}" ⇢ "${e.target}" (standby pair)`;
    const st = types.get(e.source);
    const tt = types.get(e.target);
    if (st === undefined || tt === undefined) return; // the missing node is reported already
    if (e.source === e.target) {
      problems.push({ path: where, message: `${name}: a balancer cannot be its own standby` });
      return;
    }
    if (st !== 'loadBalancer' || tt !== 'loadBalancer') {
      const [odd, type] = st !== 'loadBalancer' ? [e.source, st] : [e.target, tt];
      problems.push({
        path: where,
        message: `${name}: only two load balancers can be a standby pair, and "${odd}" is a ${type}`,
      });
      return;
    }
    if (e.latencyMs !== 0)
      problems.push({
        path: `${where}.latencyMs`,
        message: `${name}: a pair carries no requests, so it has no latency; remove "latencyMs" (${e.latencyMs} ms)`,
      });
    for (const id of [e.source, e.target]) {
      const first = pairedBy.get(id);
      if (first !== undefined)
        problems.push({
          path: where,
          message: `${name}: "${id}" is already in the pair of edges[${first}]; a balancer can be in only one standby pair`,
        });
      else pairedBy.set(id, i);
      if (builtInStandby.has(id))
        problems.push({
          path: where,
          message: `${name}: "${id}" already has the built-in standby ("Standby pair" in its settings); use either that or a standby balancer, not both`,
        });
    }
    if (!partners.has(e.source) && !partners.has(e.target)) {
      partners.set(e.source, e.target);
      partners.set(e.target, e.source);
    }
  });
  s.edges.forEach((e, i) => {
    if (isPairEdge(e) || partners.get(e.source) !== e.target) return;
    problems.push({
      path: `edges[${i}]`,
      message: `"${e.source}" → "${e.target}": these two balancers are a standby pair, so neither sends requests to the other; remove this connection`,
    });
  });
  return problems;
}
