import type { ScenarioEvent } from '../../scenario/document.ts';
import type { Link } from '../core/link.ts';
import { CAUSE, CAUSE_COUNT, causes } from '../core/request.ts';
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

/** One row of "what killed me": measured user requests that failed with `cause` at `node`. */
export interface FailureBlame {
  node: string;
  cause: string;
  count: number;
  /** Index into the report's `faults` of the fault they are charged to; null = none (overload). */
  fault: number | null;
}

/** Key packing for the blame table: (fault + 1, node, cause) into one safe integer. */
const NODE_SPAN = 2 ** 20;

export class FaultLog {
  readonly records: FaultRecord[] = [];
  /** The open fault per node index (fail or slow). */
  private readonly openByNode = new Map<number, FaultRecord>();
  private readonly openByLink = new Map<number, FaultRecord>();
  private readonly indexOf = new Map<FaultRecord, number>();
  /** Measured user failures by (fault, origin node, cause). */
  private readonly blame = new Map<number, number>();

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
    this.add(r);
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
    this.add(r);
    this.openByLink.set(link.index, r);
  }

  private add(r: FaultRecord): void {
    this.indexOf.set(r, this.records.length);
    this.records.push(r);
  }

  /**
   * A user request failed with `cause` arising at node `origin`: charge it to the open fault
   * there, if any, and count it in the blame table (measured requests only, like the report's
   * error counts).
   */
  attribute(cause: number, origin: number, measured = true): void {
    let r: FaultRecord | undefined;
    if (this.openByNode.size > 0 || this.openByLink.size > 0) {
      r = this.openByNode.get(origin);
      if (!r && cause === CAUSE.edgeCut) {
        for (const [i, rec] of this.openByLink)
          if ((this.sim.links[i] as Link).source.index === origin) r = rec;
      }
    }
    if (measured) {
      const f = r === undefined ? -1 : (this.indexOf.get(r) as number);
      const key = ((f + 1) * NODE_SPAN + origin) * CAUSE_COUNT + cause;
      this.blame.set(key, (this.blame.get(key) ?? 0) + 1);
    }
    if (!r) return;
    const t = this.sim.now / 1000;
    r.failedRequests++;
    const name = causes[cause] as string;
    r.errors[name] = (r.errors[name] ?? 0) + 1;
    if (r.firstFailureS === null) r.firstFailureS = t;
    r.lastFailureS = t;
  }

  /** The blame table, largest first: for each error, which node and which fault. */
  blameRows(): FailureBlame[] {
    const rows: FailureBlame[] = [];
    for (const [key, count] of this.blame) {
      const cause = key % CAUSE_COUNT;
      const rest = (key - cause) / CAUSE_COUNT;
      const origin = rest % NODE_SPAN;
      const f = (rest - origin) / NODE_SPAN - 1;
      rows.push({
        node: (this.sim.nodes[origin] as NodeModel).id,
        cause: causes[cause] as string,
        count,
        fault: f < 0 ? null : f,
      });
    }
    return rows.sort(
      (a, b) => b.count - a.count || a.node.localeCompare(b.node) || a.cause.localeCompare(b.cause),
    );
  }

  /** Something that is not a node (a balancer's standby) noticed node `target` was down. */
  detectedBy(target: number, by: string): void {
    const r = this.openByNode.get(target);
    if (!r || r.detections.some((d) => d.by === by)) return;
    r.detections.push({ by, afterMs: this.sim.now - r.startS * 1000 });
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
