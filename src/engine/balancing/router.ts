import { EV } from '../core/eventKinds.ts';
import type { Link } from '../core/link.ts';
import type { Rng } from '../core/random.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { NodeModel } from '../nodes/nodeModel.ts';
import { createPicker, type Picker, type Strategy } from './pickers.ts';

export interface RouterOptions {
  strategy: Strategy;
  retries: number;
  virtualNodes: number;
  /**
   * Smart-client failure detection: after this many failures in a row a backend is ejected
   * for `ejectForMs`. Null for a balancer, which learns from health checks instead.
   */
  passive: { threshold: number; ejectForMs: number } | null;
  rng: Rng;
  /**
   * What the calls it sends ask of their target (see `core/ops.ts`). Default: what the call
   * itself was asked (a balancer passes a scheduler's batch work on as it is).
   */
  op?: number;
  /** The number that goes with `op` (a job's work for a publish). */
  aux?: number;
}

/**
 * Sends a node's calls over one of its links: a balancer's forwarding, or a smart client
 * choosing among several servers by itself. Handles retries on another backend and, for a
 * smart client, passive failure detection.
 */
export class Router {
  readonly picker: Picker | null;
  private readonly fails: Int32Array;

  constructor(
    readonly owner: NodeModel,
    readonly links: readonly Link[],
    readonly options: RouterOptions,
  ) {
    this.picker =
      links.length > 1
        ? createPicker({
            strategy: options.strategy,
            ids: links.map((l) => l.target.id),
            weights: links.map((l) => l.target.weight()),
            virtualNodes: options.virtualNodes,
            rng: options.rng,
          })
        : null;
    this.fails = new Int32Array(links.length);
  }

  /** Send `call`'s next hop. On no route, the owner hears back at once with a failed child. */
  dispatch(call: Call): void {
    const sim = this.owner.sim;
    const links = this.links;
    if (links.length === 0) {
      this.fakeFailure(call, CAUSE.noRoute);
      return;
    }
    let b = 0;
    const picker = this.picker;
    if (picker !== null) {
      const avoid = call.lastFailed;
      const req = call.req;
      // Only a key- or session-based picker reads them (working them out costs something).
      const key = picker.usesKey ? req.key : 0;
      const session = picker.usesSession ? req.session : 0;
      if (avoid >= 0 && picker.isHealthy(avoid) && picker.healthyCount > 1) {
        // A retry goes to another backend: hide the one that just failed for this one pick.
        picker.setHealthy(avoid, false);
        b = picker.pick(key, session);
        picker.setHealthy(avoid, true);
      } else b = picker.pick(key, session);
      if (b < 0) {
        this.fakeFailure(call, CAUSE.noBackend);
        return;
      }
      picker.onSend(b);
    }
    call.backend = b;
    const o = this.options;
    if (o.op !== undefined) sim.send(call, links[b] as Link, o.op, o.aux ?? 0);
    else if (call.op !== 0) sim.send(call, links[b] as Link, call.op, call.aux);
    else sim.send(call, links[b] as Link);
  }

  /** The call could not leave this node: the owner hears back at once, as if a child failed. */
  private fakeFailure(call: Call, cause: number): void {
    const sim = this.owner.sim;
    const child = sim.failedChild(call, cause, this.owner.index);
    this.owner.onChildResponse(call, child);
    sim.recycle(child);
  }

  /**
   * A child call answered. Returns true when the router has retried (the owner must wait
   * for the retry's answer), false when the owner should act on `child`'s result.
   */
  handleResponse(call: Call, child: Call): boolean {
    const b = call.backend;
    const picker = this.picker;
    if (picker !== null && b >= 0 && child.link !== null) picker.onDone(b);
    call.backend = -1;
    if (child.ok) {
      if (b >= 0) this.fails[b] = 0;
      return false;
    }
    if (b >= 0 && child.link !== null) this.noteFailure(b);
    if (call.attempts < this.options.retries && child.cause !== CAUSE.timeout && this.links.length > 0) {
      call.attempts++;
      call.lastFailed = b;
      call.backend = -1;
      this.dispatch(call);
      return true;
    }
    return false;
  }

  /** The owner lost `call` (it crashed): give back its outstanding count. */
  abandon(call: Call): void {
    if (this.picker !== null && call.backend >= 0) this.picker.onDone(call.backend);
    call.backend = -1;
  }

  /** A request sent through backend b timed out (a smart client counts it as a failure). */
  noteFailure(b: number): void {
    const passive = this.options.passive;
    if (passive === null || this.picker === null) return;
    const n = (this.fails[b] as number) + 1;
    this.fails[b] = n;
    if (n >= passive.threshold && this.picker.isHealthy(b)) {
      this.picker.setHealthy(b, false);
      this.fails[b] = 0;
      const sim = this.owner.sim;
      sim.noteDetection(this.owner.index, (this.links[b] as Link).target.index);
      sim.schedule(sim.now + passive.ejectForMs, EV.ejectEnd, b, this);
    }
  }

  /** The ejection period is over: try the backend again (a failure ejects it again). */
  unEject(b: number): void {
    this.picker?.setHealthy(b, true);
    this.fails[b] = (this.options.passive?.threshold ?? 1) - 1;
  }
}
