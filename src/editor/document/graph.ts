import {
  connectionProblem,
  isNodeType,
  isPairEdge,
  LIMITS,
  type Scenario,
  type ScenarioEdge,
  type ScenarioNode,
} from '../../scenario/index.ts';

/**
 * Edges are keyed by `source>target`. Documents may leave edge ids out (links stay short), and
 * a pair is connected at most once, so the pair is the identity. `>` is not allowed in node ids,
 * so a key can never be confused with another pair.
 */
export function edgeKey(edge: Pick<ScenarioEdge, 'source' | 'target'>): string {
  return `${edge.source}>${edge.target}`;
}

const nodeIndexCache = new WeakMap<readonly ScenarioNode[], ReadonlyMap<string, ScenarioNode>>();
const edgeIndexCache = new WeakMap<readonly ScenarioEdge[], ReadonlyMap<string, ScenarioEdge>>();

/** Node by id. Built once per nodes array (documents are immutable), so lookups stay O(1). */
export function nodeIndex(nodes: readonly ScenarioNode[]): ReadonlyMap<string, ScenarioNode> {
  let index = nodeIndexCache.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n) => [n.id, n]));
    nodeIndexCache.set(nodes, index);
  }
  return index;
}

/** Edge by `source>target` key, cached like `nodeIndex`. */
export function edgeIndex(edges: readonly ScenarioEdge[]): ReadonlyMap<string, ScenarioEdge> {
  let index = edgeIndexCache.get(edges);
  if (!index) {
    index = new Map(edges.map((e) => [edgeKey(e), e]));
    edgeIndexCache.set(edges, index);
  }
  return index;
}

/** True when `to` can be reached from `from` by following edges. */
export function reaches(edges: readonly ScenarioEdge[], from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    for (const next of out.get(id) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
  }
  return false;
}

/** The display name of a node: its label, or its id when it has none. */
export function nodeName(node: Pick<ScenarioNode, 'id' | 'label'>): string {
  return node.label?.trim() ? node.label : node.id;
}

/**
 * Why the editor refuses an edge source → target, in words a student understands, or null when
 * it may be drawn. The engine's own rules come from `connectionProblem`; the graph rules
 * (no loops, no duplicates, no cycles) match what `restoreScenario` checks.
 */
export function connectionRefusal(doc: Scenario, source: string, target: string): string | null {
  const nodes = nodeIndex(doc.nodes);
  const from = nodes.get(source);
  const to = nodes.get(target);
  if (!from || !to) return 'That component no longer exists.';
  if (source === target) return `${nodeName(from)} cannot send requests to itself.`;
  const pair = doc.edges.find(
    (e) =>
      isPairEdge(e) &&
      ((e.source === source && e.target === target) || (e.source === target && e.target === source)),
  );
  if (pair)
    return `${nodeName(from)} and ${nodeName(to)} are a standby pair: a standby gets no requests from its partner.`;
  if (edgeIndex(doc.edges).has(edgeKey({ source, target })))
    return `${nodeName(from)} already sends requests to ${nodeName(to)}.`;
  if (edgeIndex(doc.edges).has(edgeKey({ source: target, target: source })))
    return `${nodeName(to)} already sends requests to ${nodeName(from)}; requests would go round in a loop.`;
  if (isNodeType(from.type) && isNodeType(to.type)) {
    const problem = connectionProblem(from.type, to.type);
    if (problem) return problem;
  }
  if (reaches(doc.edges, target, source))
    return `Requests would go round in a loop: ${nodeName(to)} already sends requests on to ${nodeName(from)}.`;
  if (doc.edges.length >= LIMITS.edges)
    return `A scenario can have at most ${LIMITS.edges.toLocaleString('en-US')} connections.`;
  return null;
}

export interface RosterEntry {
  id: string;
  type: ScenarioNode['type'];
  name: string;
}

let lastRoster: readonly RosterEntry[] = [];

/**
 * Ids, types and names of all nodes, as one stable value: the same array comes back until a
 * node is added, removed, renamed or reordered. Moving a node (a new nodes array every drag
 * frame) keeps it, so lists built from it do not re-render while something is dragged.
 */
export function nodeRoster(nodes: readonly ScenarioNode[]): readonly RosterEntry[] {
  const same =
    lastRoster.length === nodes.length &&
    nodes.every((n, i) => {
      const r = lastRoster[i] as RosterEntry;
      return r.id === n.id && r.type === n.type && r.name === nodeName(n);
    });
  if (!same) lastRoster = nodes.map((n) => ({ id: n.id, type: n.type, name: nodeName(n) }));
  return lastRoster;
}

/**
 * Every node `source` may send requests to, in one pass (the same rules as `connectionRefusal`,
 * which checks one pair): O(nodes + edges) instead of a reachability search per candidate.
 */
export function connectableTargets(doc: Scenario, source: string): string[] {
  const from = nodeIndex(doc.nodes).get(source);
  if (!from || doc.edges.length >= LIMITS.edges) return [];
  const incoming = new Map<string, string[]>();
  const linked = new Set<string>();
  for (const e of doc.edges) {
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
    if (e.source === source) linked.add(e.target);
    if (e.target === source) linked.add(e.source);
  }
  // Nodes that already reach `source`: an edge to any of them would close a loop.
  const upstream = new Set<string>([source]);
  const stack = [source];
  while (stack.length > 0)
    for (const s of incoming.get(stack.pop() as string) ?? [])
      if (!upstream.has(s)) {
        upstream.add(s);
        stack.push(s);
      }
  return doc.nodes
    .filter(
      (n) =>
        !upstream.has(n.id) &&
        !linked.has(n.id) &&
        isNodeType(from.type) &&
        isNodeType(n.type) &&
        connectionProblem(from.type, n.type) === null,
    )
    .map((n) => n.id);
}
