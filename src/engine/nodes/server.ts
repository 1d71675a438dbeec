import { serverProfiles } from '../../scenario/components/server.ts';
import type { NodeOfType } from '../../scenario/document.ts';
import { Router } from '../balancing/router.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';
import { NodeModel } from './nodeModel.ts';
import { createServiceSampler } from './serviceTime.ts';
import { Station } from './station.ts';

type ServerNode = NodeOfType<'server'>;

/**
 * An application server: wait for a worker, spend the service time, then call each
 * downstream dependency in turn (its databases, balancers, and — if it has several direct
 * server targets — one of them as a smart client), and answer when they have all answered.
 * The worker is held throughout, as in a thread-per-request server.
 */
export class ServerModel extends NodeModel {
  station!: Station;
  private deps: Router[] = [];
  private readonly speed: number;

  constructor(
    sim: Simulation,
    index: number,
    readonly node: ServerNode,
  ) {
    super(sim, index, node.id, 'server');
    this.speed = serverProfiles[node.config.profile].speed;
  }

  override init(): void {
    const c = this.node.config;
    this.station = new Station(
      this,
      c.workers,
      c.queueLimit,
      createServiceSampler(c.serviceDistribution, c.serviceCv, this.sim.rng(`service:${this.id}`)),
    );
    // Dependencies, called in this order: each database, each balancer, then one smart-client
    // group over all direct server targets.
    const dbs = this.out.filter((l) => l.target.kind === 'database');
    const lbs = this.out.filter((l) => l.target.kind === 'loadBalancer');
    const servers = this.out.filter((l) => l.target.kind === 'server');
    const single = {
      strategy: c.strategy,
      retries: c.retries,
      virtualNodes: 100,
      passive: null,
      rng: this.sim.rng(`route:${this.id}`),
    };
    this.deps = [...dbs, ...lbs].map((l) => new Router(this, [l], single));
    if (servers.length > 0)
      this.deps.push(
        new Router(this, servers, {
          ...single,
          passive: { threshold: c.ejectAfterFailures, ejectForMs: c.ejectForMs },
        }),
      );
  }

  override weight(): number {
    return this.node.config.weight;
  }

  capacity(): number {
    return this.node.config.workers;
  }

  costPerMonth(): number {
    return this.node.config.costPerMonth ?? serverProfiles[this.node.config.profile].costPerMonth;
  }

  receive(call: Call): void {
    if (!this.up) {
      this.sim.failCall(call, CAUSE.nodeDown, this.index);
      return;
    }
    this.station.arrive(call, this.node.config.serviceTimeMs * this.speed);
  }

  override onServiceDone(call: Call): void {
    if (!call.alive) return;
    call.stage = 0;
    this.next(call);
  }

  private next(call: Call): void {
    const dep = this.deps[call.stage];
    if (dep === undefined) {
      this.finish(call);
      return;
    }
    call.attempts = 0;
    call.lastFailed = -1;
    dep.dispatch(call);
  }

  override onChildResponse(call: Call, child: Call): void {
    if (!call.alive) return;
    const dep = this.deps[call.stage] as Router;
    if (dep.handleResponse(call, child)) return;
    if (child.ok) {
      call.stage++;
      this.next(call);
      return;
    }
    this.station.release(call);
    this.sim.passFailure(call, child);
  }

  private finish(call: Call): void {
    const stats = this.stats;
    stats.served++;
    stats.timeInNodeSum += this.sim.now - call.arrivedAt;
    this.station.release(call);
    this.sim.respond(call);
  }

  override forEachHeldCall(visit: (call: Call) => void): void {
    this.station.forEachCall(visit);
  }

  override fail(): void {
    super.fail();
    // Calls still queued have stage 0 and no backend: abandon() is a no-op for them.
    for (const call of this.station.crash()) {
      this.deps[call.stage]?.abandon(call);
      call.alive = false;
      this.sim.failCall(call, CAUSE.crash, this.index);
    }
  }
}
