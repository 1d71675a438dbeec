import { activeOf, isPairEdge, type Scenario, type ScenarioEdge, standbyOf } from '../../scenario/index.ts';
import { nodeIndex, nodeName, reaches } from './graph.ts';
import type { Outcome } from './operations.ts';

/**
 * Standby pairs in the editor: a pair edge (`kind: "pair"`) from an active load balancer to the
 * balancer that takes over when it fails. Chosen in the balancer's inspector, never drawn by
 * dragging (a drag between two balancers is a request edge). The rules are the restore funnel's
 * (src/scenario/balancerPairs.ts), said here before the edit, in the inspector's words.
 */

/** Why `standbyId` cannot become the standby of `activeId`, or null when it can. */
export function standbyRefusal(doc: Scenario, activeId: string, standbyId: string): string | null {
  const nodes = nodeIndex(doc.nodes);
  const active = nodes.get(activeId);
  const standby = nodes.get(standbyId);
  if (!active || !standby) return 'That component no longer exists.';
  const a = nodeName(active);
  const b = nodeName(standby);
  if (active.type !== 'loadBalancer') return 'Only a load balancer has a standby.';
  if (standby.type !== 'loadBalancer')
    return `${b} is not a load balancer: only a balancer can stand by for one.`;
  if (activeId === standbyId) return 'A balancer cannot be its own standby.';
  if (active.config.standby)
    return `${a} already has the built-in standby twin: turn "Standby pair" off first.`;
  if (standby.config.standby) return `${b} has its own built-in standby twin: turn it off first.`;
  const activeFor = activeOf(doc, activeId);
  if (activeFor !== null)
    return `${a} is the standby of ${nameOf(doc, activeFor)}; a standby has no standby of its own.`;
  const partner = standbyOf(doc, standbyId) ?? activeOf(doc, standbyId);
  if (partner !== null && partner !== activeId)
    return `${b} is already in a standby pair with ${nameOf(doc, partner)}.`;
  const between = doc.edges.find(
    (e) =>
      !isPairEdge(e) &&
      ((e.source === activeId && e.target === standbyId) ||
        (e.source === standbyId && e.target === activeId)),
  );
  if (between)
    return `${nameOf(doc, between.source)} sends requests to ${nameOf(doc, between.target)}: remove that connection first (a standby gets no requests from its partner).`;
  if (reaches(doc.edges, standbyId, activeId))
    return `Requests would go round in a loop: ${b} already sends requests on to ${a}.`;
  return null;
}

/** The balancers that may become the standby of `activeId`, in document order. */
export function standbyCandidates(doc: Scenario, activeId: string): string[] {
  return doc.nodes
    .filter(
      (n) => n.type === 'loadBalancer' && n.id !== activeId && standbyRefusal(doc, activeId, n.id) === null,
    )
    .map((n) => n.id);
}

/** Makes `standbyId` the standby of `activeId` (replacing any other), or removes its standby (null). */
export function setStandby(doc: Scenario, activeId: string, standbyId: string | null): Outcome {
  const current = standbyOf(doc, activeId);
  if (current === standbyId) return { ok: true, doc };
  const others = doc.edges.filter((e) => !(isPairEdge(e) && e.source === activeId));
  if (standbyId === null) return { ok: true, doc: { ...doc, edges: others } };
  const refusal = standbyRefusal({ ...doc, edges: others }, activeId, standbyId);
  if (refusal) return { ok: false, reason: refusal };
  const pair: ScenarioEdge = { source: activeId, target: standbyId, latencyMs: 0, kind: 'pair' };
  return { ok: true, doc: { ...doc, edges: [...others, pair] } };
}

function nameOf(doc: Scenario, id: string): string {
  const n = nodeIndex(doc.nodes).get(id);
  return n ? nodeName(n) : id;
}
