/**
 * The two kinds of edge. An ordinary edge means "source sends requests to target"; a pair edge
 * (`kind: "pair"`) joins an active load balancer (source) to its standby (target) and carries
 * no requests. Everything that follows requests along edges — the engine's links, routing,
 * theory, checks, sweeps — asks `isRequestEdge` (or takes `requestEdges`), so that test lives
 * in one place.
 */
interface EdgeWithKind {
  source: string;
  target: string;
  kind?: 'pair' | undefined;
}

export function isRequestEdge(edge: EdgeWithKind): boolean {
  return edge.kind === undefined;
}

export function isPairEdge(edge: EdgeWithKind): boolean {
  return edge.kind === 'pair';
}

/** The edges requests travel on, in document order. */
export function requestEdges<E extends EdgeWithKind>(doc: { edges: readonly E[] }): E[] {
  return doc.edges.filter(isRequestEdge);
}

/** The pair edges, in document order. */
export function pairEdges<E extends EdgeWithKind>(doc: { edges: readonly E[] }): E[] {
  return doc.edges.filter(isPairEdge);
}

/** The standby of balancer `id` through a pair edge, or null. */
export function standbyOf(doc: { edges: readonly EdgeWithKind[] }, id: string): string | null {
  return doc.edges.find((e) => isPairEdge(e) && e.source === id)?.target ?? null;
}

/** The balancer that `id` stands by for through a pair edge, or null. */
export function activeOf(doc: { edges: readonly EdgeWithKind[] }, id: string): string | null {
  return doc.edges.find((e) => isPairEdge(e) && e.target === id)?.source ?? null;
}
