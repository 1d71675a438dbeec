import { balancerProfiles } from '../../scenario/components/loadBalancer.ts';
import type { NodeOfType, Scenario } from '../../scenario/document.ts';
import { isPairEdge } from '../../scenario/edgeKinds.ts';
import { Router } from '../balancing/router.ts';
import { EV } from '../core/eventKinds.ts';
import type { Link } from '../core/link.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';
import { NodeModel } from './nodeModel.ts';

type BalancerNode = NodeOfType<'loadBalancer'>;

/**
 * A load balancer. Each request is processed in turn (a FIFO processor with service time
 * 1 / capacity, so a saturated software balancer queues like any server), then forwarded to
 * a backend chosen by the strategy among those its health checks believe are up. A request
 * that fails on a backend is retried on another one `retries` times.
 *
 * The processor queue needs no event of its own: with deterministic processing and FIFO
 * order, request n leaves at d_n = max(a_n, d_{n−1}) + 1/capacity (Lindley's recursion).
 *
 * With `standby`, the node is an active/standby pair: when the active box fails, requests
 * fail until the standby takes over `failoverMs` later (a `timer` event); a second failure
 * takes the pair down for good. `restore` repairs both.
 *
 * With a pair edge to another balancer (`standbyId`), the standby is a node of its own: when
 * this one fails, requests sent to it fail with node-down for `failoverMs`, then each one is
 * handed to the standby as if sent to it (it takes over the address). A restore takes the
 * traffic back at once (preemption, keepalived's default).
 */
export class LoadBalancerModel extends NodeModel {
  router!: Router;
  private processMs = 0;
  private freeAt = 0;
  private readonly overheadMs: number;
  /** Consecutive probe results per backend: > 0 successes, < 0 failures. */
  private streak: Int32Array = new Int32Array(0);
  forwarded = 0;
  /** Calls inside the balancer (processing or proxied): a crash drops them. call.slot indexes it. */
  private readonly active: Call[] = [];
  /** Arrival time of each active call, by slot (moved with it): read here, not from the call. */
  private activeArrived = new Float64Array(16);
  /** ∫ active.length dt: requests inside the balancer, proxied ones included (for Little's law). */
  private activeArea = 0;
  private activeSince = 0;
  /** The standby box is still there to take over. */
  private standbyReady: boolean;
  /** The standby is serving (the active box failed). */
  private onStandby = false;
  private failoverSeq = 0;
  /** When the pending takeover happens (ms), or -1 when none is pending. */
  private failoverAt = -1;
  failovers = 0;
  /** The standby balancer of this one's pair edge (looked up by id: an edit may rebuild it). */
  private standbyId: string | null = null;
  /** The balancer this one stands by for, for the report. */
  private activeId: string | null = null;

  constructor(
    sim: Simulation,
    index: number,
    readonly node: BalancerNode,
  ) {
    super(sim, index, node.id, 'loadBalancer');
    const c = node.config;
    const capacity = c.capacityRps ?? balancerProfiles[c.profile].capacityRps;
    this.processMs = capacity > 0 ? 1000 / capacity : 0;
    this.overheadMs = c.overheadMs;
    this.standbyReady = c.standby;
  }

  override init(): void {
    const c = this.node.config;
    this.router = new Router(this, this.out, {
      strategy: c.strategy,
      retries: c.retries,
      virtualNodes: c.virtualNodes,
      passive: null,
      rng: this.sim.rng(`route:${this.id}`),
    });
    this.streak = new Int32Array(this.out.length);
    const hc = c.healthCheck;
    // The first probe one interval from now (from when an edit while running rebuilt this balancer).
    if (hc.enabled && this.out.length > 0)
      this.sim.schedule(this.sim.now + hc.intervalMs, EV.healthCheck, 0, this);
  }

  capacity(): number {
    return this.processMs > 0 ? 1 : 0;
  }

  costPerMonth(): number {
    const one = this.node.config.costPerMonth ?? balancerProfiles[this.node.config.profile].costPerMonth;
    return this.node.config.standby ? 2 * one : one;
  }

  receive(call: Call): void {
    const sim = this.sim;
    if (!this.up) {
      if (this.onStandby && this.standbyId !== null) this.handToStandby(call, this.standbyId);
      else sim.failCall(call, CAUSE.nodeDown, this.index);
      return;
    }
    const now = sim.now;
    this.stats.arrivals++;
    this.touchActive(now);
    const slot = this.active.length;
    call.slot = slot;
    this.active.push(call);
    if (slot >= this.activeArrived.length) {
      const bigger = new Float64Array(2 * this.activeArrived.length);
      bigger.set(this.activeArrived);
      this.activeArrived = bigger;
    }
    this.activeArrived[slot] = now;
    let delay = this.overheadMs;
    if (this.processMs > 0) {
      // Lindley: this request starts when the processor frees up. A `slow` fault slows it.
      const processMs = this.processMs * this.slow;
      const start = Math.max(this.freeAt, now);
      const wait = start - now;
      this.freeAt = start + processMs;
      const stats = this.stats;
      // Integrals by Little's law: ∫queue dt = Σ waits, ∫busy dt = Σ processing times.
      stats.queueArea += wait;
      stats.busyArea += processMs;
      stats.waitSum += wait;
      stats.started++;
      delay += this.freeAt - now;
    }
    if (delay > 0) sim.schedule(now + delay, EV.forward, call.gen, call);
    else this.forward(call);
  }

  /**
   * The standby has this balancer's address now: the request is the standby's, as if sent to
   * it over the same edge (its answer goes back that way). A standby that is down refuses it.
   */
  private handToStandby(call: Call, standbyId: string): void {
    const standby = this.sim.byId.get(standbyId) as NodeModel;
    call.node = standby;
    standby.receive(call);
  }

  /** Whether a request sent here gets an answer: this box is up, or its standby serves for it. */
  answersRequests(): boolean {
    if (this.up) return true;
    return this.onStandby && this.standbyId !== null && this.sim.byId.get(this.standbyId)?.up === true;
  }

  /** Set from the document's pair edges (see `wireStandbyPairs`). */
  setPair(standbyId: string | null, activeId: string | null): void {
    this.standbyId = standbyId;
    this.activeId = activeId;
    // A standby given to a balancer that is already dead (an edit during the outage) finds
    // the address unanswered and takes over after the failover time, as it would have.
    if (standbyId !== null && !this.up && !this.onStandby && this.failoverAt < 0)
      this.scheduleFailover(this.sim.now + this.node.config.failoverMs);
  }

  private scheduleFailover(at: number): void {
    this.failoverSeq++;
    this.failoverAt = at;
    this.sim.schedule(at, EV.timer, this.failoverSeq, this);
  }

  override adoptStatsOf(old: NodeModel): void {
    super.adoptStatsOf(old);
    if (!(old instanceof LoadBalancerModel)) return;
    this.forwarded = old.forwarded;
    this.failovers = old.failovers;
  }

  /** Rebuilt by an edit: down, on standby or waiting for the takeover, as the old box was. */
  override adoptFaultsOf(old: NodeModel): void {
    super.adoptFaultsOf(old);
    if (!(old instanceof LoadBalancerModel)) return;
    this.onStandby = old.onStandby;
    // The built-in twin is spent once it has taken over (or the old box had none).
    this.standbyReady = this.node.config.standby && old.standbyReady;
    if (old.failoverAt >= 0) this.scheduleFailover(old.failoverAt);
    else if (!this.up && !this.onStandby && this.standbyReady) {
      // A twin added during the outage takes over after the failover time.
      this.standbyReady = false;
      this.scheduleFailover(this.sim.now + this.node.config.failoverMs);
    }
  }

  forward(call: Call): void {
    if (!call.alive) return;
    this.forwarded++;
    this.router.dispatch(call);
  }

  override onChildResponse(call: Call, child: Call): void {
    if (!call.alive) return;
    if (this.router.handleResponse(call, child)) return;
    const arrivedAt = this.activeArrived[call.slot] as number;
    this.leave(call);
    if (child.ok) {
      this.stats.served++;
      this.stats.timeInNodeSum += this.sim.now - arrivedAt;
      this.sim.respond(call);
    } else this.sim.passFailure(call, child);
  }

  private touchActive(now: number): void {
    this.activeArea += this.active.length * (now - this.activeSince);
    this.activeSince = now;
  }

  private leave(call: Call): void {
    this.touchActive(this.sim.now);
    const last = this.active.pop() as Call;
    if (last !== call) {
      this.active[call.slot] = last;
      this.activeArrived[call.slot] = this.activeArrived[this.active.length] as number;
      last.slot = call.slot;
    }
    call.slot = -1;
  }

  /** Probe every backend: is it up and reachable? Mark it down or up after enough in a row. */
  healthCheck(): void {
    if (this.retired) return;
    const sim = this.sim;
    const hc = this.node.config.healthCheck;
    const picker = this.router.picker;
    if (this.up) {
      for (let i = 0; i < this.out.length; i++) {
        const link = this.out[i] as Link;
        const target = link.target;
        // A balancer whose standby took over answers at its address again.
        const up = target instanceof LoadBalancerModel ? target.answersRequests() : target.up;
        const ok = up && !link.cut;
        const s = this.streak[i] as number;
        const streak = ok ? (s > 0 ? s + 1 : 1) : s < 0 ? s - 1 : -1;
        this.streak[i] = streak;
        if (picker === null) continue;
        if (!ok && -streak >= hc.unhealthyThreshold && picker.isHealthy(i)) {
          picker.setHealthy(i, false);
          sim.noteDetection(this.index, link.target.index);
        } else if (ok && streak >= hc.healthyThreshold && !picker.isHealthy(i)) picker.setHealthy(i, true);
      }
    }
    sim.schedule(sim.now + hc.intervalMs, EV.healthCheck, 0, this);
  }

  /** Audit: the picker's outstanding count per backend matches the calls really proxied. */
  connectionCountsAgree(): boolean {
    const picker = this.router.picker;
    if (picker === null) return true;
    const counts = new Int32Array(this.out.length);
    for (const c of this.active) if (c.backend >= 0) counts[c.backend] = (counts[c.backend] as number) + 1;
    return counts.every((n, i) => n === picker.active[i]);
  }

  override forEachHeldCall(visit: (call: Call) => void): void {
    for (const c of this.active) visit(c);
  }

  override fail(): void {
    super.fail();
    // Requests inside the balancer, waiting to be forwarded or proxied, are lost with it.
    this.freeAt = this.sim.now;
    this.touchActive(this.sim.now);
    const lost = this.active.splice(0);
    for (const call of lost) {
      this.router.abandon(call);
      call.alive = false;
      call.slot = -1;
      this.sim.failCall(call, CAUSE.crash, this.index);
    }
    if (this.standbyReady || this.standbyId !== null) {
      this.standbyReady = false;
      this.scheduleFailover(this.sim.now + this.node.config.failoverMs);
    }
  }

  /** The standby has noticed (missed heartbeats for the failover time) and takes over. */
  override onTimer(tag: number): void {
    if (tag !== this.failoverSeq || this.up || this.retired) return;
    this.failoverAt = -1;
    this.onStandby = true;
    this.failovers++;
    if (this.standbyId === null) {
      this.up = true; // the built-in standby answers as this node
      this.sim.faults.detectedBy(this.index, `${this.id} standby`);
      return;
    }
    // This box stays down; its requests go to the standby from now on. A dead standby
    // notices nothing, but requests still go to it and it refuses them.
    const standby = this.sim.byId.get(this.standbyId);
    if (standby?.up) this.sim.faults.detectedBy(this.index, standby.id);
  }

  override needsRestore(): boolean {
    return !this.up || this.onStandby;
  }

  override restore(): void {
    super.restore();
    this.standbyReady = this.node.config.standby;
    this.onStandby = false;
    this.failoverSeq++; // a failover still pending is moot
    this.failoverAt = -1;
  }

  override extraReport(windowMs: number): Record<string, unknown> {
    this.touchActive(this.sim.now);
    const picker = this.router.picker;
    return {
      forwarded: this.forwarded,
      healthyBackends: picker ? picker.healthyCount : this.out.length,
      capacityRps: this.processMs > 0 ? 1000 / this.processMs : null,
      standby: this.node.config.standby
        ? { ready: this.standbyReady, serving: this.onStandby, failovers: this.failovers }
        : this.standbyId !== null
          ? {
              partner: this.standbyId,
              ready: this.sim.byId.get(this.standbyId)?.up === true,
              serving: this.onStandby,
              failovers: this.failovers,
            }
          : null,
      ...(this.activeId !== null && { standbyFor: this.activeId }),
      offeredLoad: windowMs > 0 ? (this.stats.arrivals * this.processMs) / windowMs : 0,
      // Requests inside the balancer on average, waiting for a backend's answer included, so
      // meanInSystem = throughput × meanTimeMs (Little). Its own processing queue is meanQueueLength.
      meanInSystem: windowMs > 0 ? this.activeArea / windowMs : 0,
    };
  }

  override onWindowReset(): void {
    this.forwarded = 0;
    this.touchActive(this.sim.now);
    this.activeArea = 0;
  }
}

/**
 * Tell every balancer about the document's pair edges: its standby, or whom it stands by for.
 * Pair edges never become links (they carry no requests); this is all the engine keeps of them.
 * Called when the simulation is built and after every edit while running.
 */
export function wireStandbyPairs(sim: Simulation, scenario: Scenario): void {
  const standbyOf = new Map<string, string>();
  const activeOf = new Map<string, string>();
  for (const e of scenario.edges)
    if (isPairEdge(e)) {
      standbyOf.set(e.source, e.target);
      activeOf.set(e.target, e.source);
    }
  for (const model of sim.byId.values())
    if (model instanceof LoadBalancerModel)
      model.setPair(standbyOf.get(model.id) ?? null, activeOf.get(model.id) ?? null);
}
