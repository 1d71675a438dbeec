import type { ScenarioEvent } from '../../scenario/document.ts';
import type { Link } from '../core/link.ts';
import { CAUSE, causes } from '../core/request.ts';
import type { NodeModel } from '../nodes/nodeModel.ts';
import type { Simulation } from '../simulation.ts';

/** One fault and what it caused: the report's answer to "what killed me?". */
export interface FaultRecord {
  action: ScenarioEvent['action'];
  /** Node id, or "source→target" for an edge. */
  target: string;
  startS: number;
  /** When a restore / heal ended it, or null if it lasted to the end. */
  endS: number | null;
  factor?: number;
  /** User requests that failed because of this fault, by cause. */
  failedRequests: number;
  errors: Record<string, number>;
  firstFailureS: number | null;
  lastFailureS: number | null;
  /** Who noticed (a balancer's health checks, a smart client's failures) and after how long. */
  detections: Array<{ by: string; afterMs: number }>;
}

export class FaultLog {
  readonly records: FaultRecord[] = [];
  /** The open fault per node index (fail or slow). */
  private readonly openByNode = new Map<number, FaultRecord>();
  private readonly openByLink = new Map<number, FaultRecord>();

  constructor(private readonly sim: Simulation) {}

  opened(ev: ScenarioEvent, node: NodeModel): void {
    const r: FaultRecord = {
      action: ev.action,
      target: node.id,
      startS: this.sim.now / 1000,
      endS:
        ev.action === 'spike'
          ? this.sim.now / 1000 + (ev.for ?? 10)
          : ev.action === 'flush' || ev.action === 'run'
            ? this.sim.now / 1000
            : null,
      failedRequests: 0,
      errors: {},
      firstFailureS: null,
      lastFailureS: null,
      detections: [],
    };
    if (ev.factor !== undefined) r.factor = ev.factor;
    this.records.push(r);
    // A spike ends by itself and a flush is instant: neither stays open on the node.
    if (ev.action !== 'spike' && ev.action !== 'flush' && ev.action !== 'run')
      this.openByNode.set(node.index, r);
  }

  closed(_ev: ScenarioEvent, node: NodeModel): void {
    const r = this.openByNode.get(node.index);
    if (r) r.endS = this.sim.now / 1000;
    this.openByNode.delete(node.index);
  }

  edge(ev: ScenarioEvent, link: Link): void {
    if (ev.action === 'heal') {
      const r = this.openByLink.get(link.index);
      if (r) r.endS = this.sim.now / 1000;
      this.openByLink.delete(link.index);
      return;
    }
    const r: FaultRecord = {
      action: 'cut',
      target: `${link.source.id}→${link.target.id}`,
      startS: this.sim.now / 1000,
      endS: null,
      failedRequests: 0,
      errors: {},
      firstFailureS: null,
      lastFailureS: null,
      detections: [],
    };
    this.records.push(r);
    this.openByLink.set(link.index, r);
  }

  /** A user request failed with `cause` arising at node `origin`: charge it to the open fault. */
  attribute(cause: number, origin: number): void {
    if (this.openByNode.size === 0 && this.openByLink.size === 0) return;
    let r = this.openByNode.get(origin);
    if (!r && cause === CAUSE.edgeCut) {
      for (const [i, rec] of this.openByLink)
        if ((this.sim.links[i] as Link).source.index === origin) r = rec;
    }
    if (!r) return;
    const t = this.sim.now / 1000;
    r.failedRequests++;
    const name = causes[cause] as string;
    r.errors[name] = (r.errors[name] ?? 0) + 1;
    if (r.firstFailureS === null) r.firstFailureS = t;
    r.lastFailureS = t;
  }

  detected(by: number, target: number): void {
    const r = this.openByNode.get(target);
    if (!r) return;
    const id = (this.sim.nodes[by] as NodeModel).id;
    // A smart client ejects a dead backend again after every ejection period: only the first
    // time it noticed is news.
    if (r.detections.some((d) => d.by === id)) return;
    r.detections.push({ by: id, afterMs: this.sim.now - r.startS * 1000 });
  }
}
