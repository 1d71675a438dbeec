import type { Scenario } from '../scenario/document.ts';
import { requestEdges } from '../scenario/edgeKinds.ts';
import { Link } from './core/link.ts';
import type { Call } from './core/request.ts';
import { wireStandbyPairs } from './nodes/loadBalancer.ts';
import type { NodeModel } from './nodes/nodeModel.ts';
import type { Simulation } from './simulation.ts';

/** What an edit changed, for the caller's marker ("added web-3", "changed lb"). */
export interface EditSummary {
  atS: number;
  added: string[];
  changed: string[];
  removed: string[];
  /** Edges added or removed, as "source→target". */
  rewired: string[];
}

/**
 * Edit while running: apply the next version of the document at the current simulated time.
 *
 * Each node whose settings or outgoing edges changed gets a fresh model built from its new
 * settings; the old model is retired — it takes no new work, hands over the requests still
 * waiting in its queue, and finishes the ones already in service, like a server swapped by a
 * rolling deploy. Both share one set of statistics, so the node's charts run on unbroken.
 * Edges keep their identity (counters, latency changes apply at once) and now lead to the
 * new models. New nodes start empty; removed nodes drain and then fall silent.
 */
export function reconfigure(sim: Simulation, next: Scenario): EditSummary {
  // Pair edges carry no requests: they become no links, and a new or removed pair rebuilds
  // nothing (wireStandbyPairs below tells the balancers).
  const prev = sim.scenario;
  const prevRequests = requestEdges(prev);
  const nextRequests = requestEdges(next);
  const summary: EditSummary = { atS: sim.now / 1000, added: [], changed: [], removed: [], rewired: [] };
  const prevById = new Map(prev.nodes.map((n) => [n.id, n]));
  const outKeys = (edges: Scenario['edges']) => {
    const m = new Map<string, string[]>();
    for (const e of edges) m.set(e.source, [...(m.get(e.source) ?? []), e.target]);
    return m;
  };
  const prevOut = outKeys(prevRequests);
  const nextOut = outKeys(nextRequests);
  const edgeKey = (s: string, t: string) => `${s}\u0000${t}`;
  const prevEdges = new Set(prevRequests.map((e) => edgeKey(e.source, e.target)));
  const nextEdges = new Set(nextRequests.map((e) => edgeKey(e.source, e.target)));
  for (const e of nextRequests)
    if (!prevEdges.has(edgeKey(e.source, e.target))) summary.rewired.push(`${e.source}→${e.target}`);
  for (const e of prevRequests)
    if (!nextEdges.has(edgeKey(e.source, e.target))) summary.rewired.push(`${e.source}✕${e.target}`);

  // 1. Decide each node's fate and build the new models (not yet wired).
  const fresh: Array<{ model: NodeModel; old: NodeModel | null }> = [];
  const nextIds = new Set(next.nodes.map((n) => n.id));
  for (const node of next.nodes) {
    const old = sim.byId.get(node.id);
    const before = prevById.get(node.id);
    if (old === undefined || before === undefined || old.kind !== node.type) {
      if (old !== undefined) old.retire();
      const model = sim.createModel(sim.nodes.length, node);
      sim.nodes.push(model);
      sim.byId.set(node.id, model);
      fresh.push({ model, old: null });
      summary.added.push(node.id);
      continue;
    }
    const sameConfig = JSON.stringify(before.config) === JSON.stringify(node.config);
    const sameOut = JSON.stringify(prevOut.get(node.id) ?? []) === JSON.stringify(nextOut.get(node.id) ?? []);
    if (sameConfig && sameOut) continue;
    const model = sim.createModel(old.index, node);
    model.adoptStatsOf(old);
    model.adoptFaultsOf(old);
    sim.nodes[old.index] = model;
    sim.byId.set(node.id, model);
    fresh.push({ model, old });
    if (!sameConfig) summary.changed.push(node.id);
  }
  for (const node of prev.nodes) {
    if (nextIds.has(node.id)) continue;
    const old = sim.byId.get(node.id);
    old?.retire();
    old?.markRemoved();
    sim.byId.delete(node.id);
    summary.removed.push(node.id);
  }

  // 2. Edges: keep each surviving Link (its counters), point it at the current model, and give
  //    every fresh model its outgoing links in the document's order.
  const links = new Map(
    sim.links.filter((l) => !l.removed).map((l) => [edgeKey(l.source.id, l.target.id), l]),
  );
  for (const l of links.values()) if (!nextEdges.has(edgeKey(l.source.id, l.target.id))) l.removed = true;
  const freshIds = new Set(fresh.map((f) => f.model.id));
  for (const e of nextRequests) {
    const source = sim.byId.get(e.source) as NodeModel;
    const target = sim.byId.get(e.target) as NodeModel;
    let link = links.get(edgeKey(e.source, e.target));
    if (link === undefined) {
      link = new Link(sim.links.length, source, target, e.latencyMs);
      sim.links.push(link);
    }
    link.source = source;
    link.target = target;
    link.latency = e.latencyMs;
    if (freshIds.has(e.source)) source.out.push(link);
  }

  wireStandbyPairs(sim, next);

  // 3. Start the fresh models, then retire the ones they replace and hand over their queues.
  for (const { model } of fresh) model.init();
  for (const { model, old } of fresh) {
    if (old === null) continue;
    old.retire();
    model.predecessor = old;
    const waiting: Call[] = old.takeQueued();
    model.stats.arrivals -= waiting.length; // they arrived once already
    for (const call of waiting) {
      call.node = model; // its service-done event must come back to the new model
      model.receive(call);
    }
  }

  sim.replaceScenario(next);
  return summary;
}
